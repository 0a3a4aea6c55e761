import { useId } from 'react';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  type Charter,
  type WindowClock,
} from '../../../shared/channels';
import { defaultSettings } from '../../../shared/settings-schema';
import { FieldError } from '../../components/FieldError';
import { useLullApi } from '../../services/useServices';
import { ChannelIcon } from '../inbox/ChannelIcon';
import {
  type CharterFormState,
  charterToForm,
  formToCharter,
  MAX_WINDOW_HOURS,
  MIN_WINDOW_HOURS,
  recomputedText,
  sameCharter,
} from './charter-form';
import { SaveActions } from './SaveActions';
import { useSettingsForm } from './useSettingsForm';

const DEFAULT_CHARTER = defaultSettings().charter;
const CLOCKS: readonly [WindowClock, string][] = [
  ['working', 'Working time'],
  ['clock', 'Clock time'],
];

/**
 * The reply window per channel, checked by the same schema as the core. Problems show next to their
 * channel once Save is pressed, and a refused save focuses the first one. Saving
 * re-times every open item and says how many moved.
 */
export function CharterForm({ saved }: { saved: Charter }) {
  const api = useLullApi();
  const id = useId();
  const { form, setForm, edit, attempted, saving, outcome, setOutcome, dirty, handleSubmit } =
    useSettingsForm({
      saved,
      toForm: charterToForm,
      same: sameCharter,
    });

  const result = formToCharter(form);
  // Messages appear after the first save and then follow every change (useValidatedForm's rule): shown
  // on blur they would push the Save button away between mouse down and up, and swallow the click.
  const errorFor = (channel: Channel) => (!result.ok && attempted ? result.errors[channel] : undefined);
  const hoursId = (channel: Channel) => `${id}-${channel}-hours`;

  const update = (channel: Channel, patch: Partial<CharterFormState[Channel]>) =>
    edit((current) => ({ ...current, [channel]: { ...current[channel], ...patch } }));

  const resetToDefaults = () => {
    if (sameCharter(form, DEFAULT_CHARTER)) {
      setOutcome({ ok: true, text: 'These are already the team defaults.' });
      return;
    }
    setForm(charterToForm(DEFAULT_CHARTER));
    setOutcome({ ok: true, text: 'Team defaults filled in. Save to apply them.' });
  };

  const submit = handleSubmit({
    value: result.ok ? result.charter : null,
    focusFirstProblem: () => {
      const first = result.ok ? undefined : CHANNELS.find((channel) => result.errors[channel]);
      if (first) document.getElementById(hoursId(first))?.focus();
    },
    save: async (charter) => {
      const stored = await api.settings.saveCharter({ charter });
      return { saved: stored.charter, text: recomputedText(stored.recomputed), reload: true };
    },
  });

  return (
    <form className="settings-card charter-form" aria-labelledby="charter-title" noValidate onSubmit={submit}>
      <div className="charter-grid">
        <div className="charter-head" aria-hidden="true">
          <span>Channel</span>
          <span>Reply within</span>
          <span>Counted in</span>
        </div>
        {CHANNELS.map((channel) => {
          const label = CHANNEL_LABELS[channel];
          const error = errorFor(channel);
          const errorId = `${id}-${channel}-error`;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a fieldset's legend cannot be a cell of the shared grid.
            <div
              key={channel}
              className="charter-row"
              role="group"
              aria-labelledby={`${id}-${channel}-name`}
              data-invalid={error ? true : undefined}
            >
              <span id={`${id}-${channel}-name`} className="charter-channel">
                <ChannelIcon channel={channel} />
                {label}
              </span>
              <span className="charter-hours">
                <input
                  id={hoursId(channel)}
                  className="input input-number"
                  type="number"
                  inputMode="decimal"
                  min={MIN_WINDOW_HOURS}
                  max={MAX_WINDOW_HOURS}
                  step="any"
                  value={form[channel].hours}
                  aria-label={`${label}: reply within, in hours`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => update(channel, { hours: event.target.value })}
                />
                <span className="charter-unit" aria-hidden="true">
                  hours
                </span>
              </span>
              <span className="segmented charter-clock" role="radiogroup" aria-label={`${label}: counted in`}>
                {CLOCKS.map(([clock, clockLabel]) => (
                  <label key={clock} className="segmented-option">
                    <input
                      type="radio"
                      name={`${id}-${channel}-clock`}
                      value={clock}
                      checked={form[channel].clock === clock}
                      onChange={() => update(channel, { clock })}
                    />
                    <span>{clockLabel}</span>
                  </label>
                ))}
              </span>
              <FieldError id={errorId} message={error} />
            </div>
          );
        })}
      </div>

      <SaveActions label="Save charter" dirty={dirty} saving={saving} outcome={outcome}>
        <button type="button" className="button button-ghost" onClick={resetToDefaults}>
          Reset to defaults
        </button>
      </SaveActions>
    </form>
  );
}

import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { LullError } from '../../shared/contract';
import {
  DEFAULT_FOCUS_SHORTCUT,
  defaultSettings,
  SETTINGS_VERSION,
  type Settings,
  settingsSchema,
} from '../../shared/settings-schema';
import { readFileIfExists, writeFileAtomic } from '../lib/atomic-file';
import { createEmitter } from '../lib/emitter';
import type { Clock, Logger } from '../ports';

export { DEFAULT_FOCUS_SHORTCUT, defaultSettings };

export const SETTINGS_FILE = 'settings.json';
type RawSettings = Record<string, unknown>;

/**
 * Each step takes the file as it was written at version N and returns version N+1. Steps are named so
 * that a failing one is identifiable in the log, and they run when the store loads, never at import.
 */
export const SETTINGS_MIGRATIONS: ReadonlyArray<{
  from: number;
  name: string;
  up: (raw: RawSettings) => RawSettings;
}> = [
  {
    from: 0,
    // Hand-written or pre-release files carry no version; fill what they lack from the defaults.
    name: 'addVersionAndDefaults',
    up: (raw) => {
      const defaults = defaultSettings();
      const charter = typeof raw.charter === 'object' && raw.charter !== null ? raw.charter : {};
      return {
        timeZone: defaults.timeZone,
        ...raw,
        version: 1,
        charter: { ...defaults.charter, ...(charter as object) },
      };
    },
  },
  {
    from: 1,
    // Version 2 brought focus schedules and working time; keep any a hand-written file already has.
    name: 'addFocusRulesAndWorkingTime',
    up: (raw) => {
      const defaults = defaultSettings();
      return {
        workingHours: defaults.workingHours,
        holidays: defaults.holidays,
        focusRules: defaults.focusRules,
        focusShortcut: defaults.focusShortcut,
        ...raw,
        version: 2,
      };
    },
  },
  {
    from: 2,
    // Version 3 brought the delivery policy (summary times, breakthrough rules).
    name: 'addDeliveryPolicy',
    up: (raw) => ({ delivery: defaultSettings().delivery, ...raw, version: 3 }),
  },
  {
    from: 3,
    // Version 4 brought built-in sources (RSS/Atom, GitHub, IMAP); none are configured at first.
    name: 'addSources',
    up: (raw) => ({ sources: [], ...raw, version: 4 }),
  },
  {
    from: 4,
    // Version 5 brought at-risk reminders and the alias list that joins one person's handles.
    name: 'addAtRiskRemindersAndAliases',
    up: (raw) => {
      const { atRiskReminders, atRiskMinutes, aliases } = defaultSettings().delivery;
      const delivery = typeof raw.delivery === 'object' && raw.delivery !== null ? raw.delivery : {};
      return {
        ...raw,
        delivery: { atRiskReminders, atRiskMinutes, aliases, ...(delivery as object) },
        version: 5,
      };
    },
  },
];

export function migrateSettings(raw: RawSettings): RawSettings {
  let current = raw;
  let version = typeof current.version === 'number' ? current.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = SETTINGS_MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from settings version ${version}`);
    current = step.up(current);
    version = step.from + 1;
  }
  return current;
}

function parseSettings(text: string): { settings: Settings; fromVersion: unknown } {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
  const fromVersion = (raw as RawSettings).version;
  const result = settingsSchema.safeParse(migrateSettings(raw as RawSettings));
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(`${first?.path.join('.') || 'file'}: ${first?.message ?? 'invalid'}`);
  }
  return { settings: result.data, fromVersion };
}

/** Settings from elsewhere (a backup) at any version, migrated and validated; a LullError in words. */
export function parseSettingsObject(raw: RawSettings): Settings {
  let migrated: RawSettings;
  try {
    migrated = migrateSettings({ ...raw });
  } catch (error) {
    throw new LullError('invalid-settings', `The settings were refused: ${(error as Error).message}`);
  }
  const result = settingsSchema.safeParse(migrated);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.join('.') || 'settings';
    throw new LullError('invalid-settings', `The settings were refused: ${where}: ${first?.message}`);
  }
  return result.data;
}

export interface SettingsStore {
  get(): Settings;
  /** Settings from elsewhere (a backup), at any version: migrated, validated, then saved whole. */
  restore(raw: RawSettings): Promise<Settings>;
  update(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings>;
  onChange(listener: (settings: Settings) => void): () => void;
}

/**
 * Loads settings.json, migrating older versions. A file that cannot be parsed or validated is moved
 * aside (never deleted: the user may want it back) and defaults are used.
 */
export async function createSettingsStore(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
}): Promise<SettingsStore> {
  const file = path.join(options.dataDir, SETTINGS_FILE);
  let settings = await load();
  const emitter = createEmitter<{ changed: [settings: Settings] }>((error) =>
    options.logger.error(`listener failed: ${String(error)}`),
  );

  async function load(): Promise<Settings> {
    const text = await readFileIfExists(file);
    if (text === null) {
      const fresh = defaultSettings();
      await writeFileAtomic(file, `${JSON.stringify(fresh, null, 2)}\n`);
      return fresh;
    }
    let parsed: { settings: Settings; fromVersion: unknown };
    try {
      parsed = parseSettings(text);
    } catch (error) {
      const aside = await moveAside();
      options.logger.warn(
        `settings file was unreadable (${(error as Error).message}); moved it to ${aside} and started from defaults`,
      );
      const fresh = defaultSettings();
      await writeFileAtomic(file, `${JSON.stringify(fresh, null, 2)}\n`);
      return fresh;
    }
    // Only a file that failed to parse is moved aside; a failed rewrite of a good one is an I/O error.
    if (parsed.fromVersion !== SETTINGS_VERSION) {
      await writeFileAtomic(file, `${JSON.stringify(parsed.settings, null, 2)}\n`);
      options.logger.info(
        `settings migrated from version ${String(parsed.fromVersion ?? 0)} to ${SETTINGS_VERSION}`,
      );
    }
    return parsed.settings;
  }

  async function moveAside(): Promise<string> {
    const base = `${file}.corrupt-${options.clock.now()}`;
    let aside = base;
    for (let n = 1; existsSync(aside); n++) aside = `${base}-${n}`;
    await fs.rename(file, aside);
    return aside;
  }

  const store: SettingsStore = {
    get: () => settings,
    async update(patch) {
      const next = settingsSchema.parse({ ...settings, ...patch, version: SETTINGS_VERSION });
      await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
      settings = next;
      emitter.emit('changed', settings);
      return settings;
    },
    async restore(raw) {
      const { version: _version, ...rest } = parseSettingsObject(raw);
      return store.update(rest);
    },
    onChange: (listener) => emitter.on('changed', listener),
  };
  return store;
}

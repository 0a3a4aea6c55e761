import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startDeliveryKit, update, WED_0930 } from '../../../test/helpers/delivery-kit';
import { MINUTE_MS } from '../../shared/channels';
import { DELIVERY_MODES } from '../../shared/delivery';

type Step =
  | { at: number; kind: 'arrive'; dueIn: number }
  | { at: number; kind: 'focus'; minutes: number | null }
  | { at: number; kind: 'focus-off' }
  | { at: number; kind: 'summaries'; times: string[] };

const times = fc
  .uniqueArray(fc.integer({ min: 7 * 4, max: 20 * 4 }), { maxLength: 4 })
  .map((quarters) =>
    quarters.map(
      (q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`,
    ),
  );
const minute = (max: number) => fc.integer({ min: 0, max }).map((m) => m * MINUTE_MS);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ at: minute(600), kind: fc.constant('arrive' as const), dueIn: minute(480) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      at: minute(600),
      kind: fc.constant('focus' as const),
      minutes: fc.option(fc.integer({ min: 5, max: 300 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ at: minute(600), kind: fc.constant('focus-off' as const) }) },
  { weight: 1, arbitrary: fc.record({ at: minute(600), kind: fc.constant('summaries' as const), times }) },
);

const scenario = fc.record({
  mode: fc.constantFrom(...DELIVERY_MODES),
  summaryTimes: times,
  intervalMinutes: fc.integer({ min: 5, max: 240 }),
  afterHoursHold: fc.boolean(),
  marginMinutes: fc.integer({ min: 0, max: 120 }),
  steps: fc
    .array(step, { minLength: 1, maxLength: 12 })
    .map((steps) => [...steps].sort((a, b) => a.at - b.at)),
});

describe('the deadline promise (property)', () => {
  it('no held update is delivered after deadline − margin unless it arrived later, and each comes out once', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ steps, ...policy }) => {
        const kit = await startDeliveryKit({ delivery: policy });
        try {
          const arrived = new Map<string, { at: number; latest: number }>();
          let elapsed = 0;
          for (const [index, s] of steps.entries()) {
            await kit.advance(s.at - elapsed);
            elapsed = s.at;
            const now = kit.clock.now();
            if (s.kind === 'arrive') {
              const id = `p${index}`;
              const deadline = now + MINUTE_MS + s.dueIn;
              await kit.core.ingest.ingest([update(id, { deadline })]);
              arrived.set(`chat/${id}`, { at: now, latest: deadline - policy.marginMinutes * MINUTE_MS });
            } else if (s.kind === 'focus') {
              const request = s.minutes === null ? {} : { minutes: s.minutes };
              await kit.core.handlers['focus:set']({ active: true, ...request });
            } else if (s.kind === 'focus-off') {
              await kit.core.handlers['focus:set']({ active: false });
            } else {
              const delivery = { ...kit.core.settings.get().delivery, summaryTimes: s.times };
              await kit.core.handlers['settings:save-delivery']({ delivery });
            }
            await kit.settle();
          }
          const last = Math.max(...[...arrived.values()].map((a) => a.latest), kit.clock.now());
          await kit.advance(last - kit.clock.now() + MINUTE_MS);
          for (const [id, { at, latest }] of arrived) {
            const out = kit.of(id);
            expect(out, id).toHaveLength(1);
            expect(out[0]!.at, id).toBeLessThanOrEqual(Math.max(at, latest));
          }
        } finally {
          await kit.close();
        }
      }),
      {
        numRuns: Number(process.env.LULL_PROPERTY_RUNS ?? 40),
        seed: Number(process.env.LULL_PROPERTY_SEED ?? WED_0930 % 1_000_003),
      },
    );
  }, 300_000);
});

/**
 * The one contract between the renderer and the core: every command the renderer may call and every
 * event the core emits, with their payload schemas. The preload bridge, the WebSocket client, the
 * in-memory test fake and the core's handler map are all typed from this object.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { atRiskReminderSchema } from './at-risk';
import { backupResponseSchema, inboxBackupSchema } from './backup-schemas';
import { type Envelope, LullError } from './bridge';
import { CHANNELS } from './channels';
import { deliveryPolicySchema } from './delivery';
import { digestSchema, digestStatusSchema, routeDecisionSchema } from './digest-schemas';
import { focusRuleSchema } from './focus-schedule';
import { focusSetSchema, focusStatusSchema } from './focus-schemas';
import { epochMsSchema } from './instant';
import { inboxItemSchema, isSafeHttpUrl, journalEntrySchema, wellFormedString } from './schemas';
import { charterSchema, MAX_FOCUS_RULES, settingsSchema } from './settings-schema';
import { sourceDraftSchema, sourceIdSchema, sourceStatusSchema, sourceViewSchema } from './source-schemas';
import { workingHoursSchema } from './working-time';

// The bridge and the names live apart so the preload can load them without the schemas; main-side
// callers keep importing them from here.
export { type BridgeTransport, createBridge, type Envelope, eventKey, LullError, methodPath } from './bridge';
export { COMMAND_NAMES, EVENT_NAMES } from './contract-names';

export const appInfoSchema = z.object({
  version: z.string(),
  apiUrl: z.string(),
  token: z.string(),
  host: z.enum(['desktop', 'browser']),
  /** The global focus shortcut as the desktop registered it; null where there is none (browser host). */
  shortcut: z
    .object({ accelerator: z.string().nullable(), registered: z.boolean(), error: z.string().nullable() })
    .nullable(),
});
export type AppInfo = z.output<typeof appInfoSchema>;

/** A UUID (crypto.randomUUID) naming one user action, for exactly-once replay. */
export const actionIdSchema = z.uuid();

export const journalPageSchema = z.object({
  entries: z.array(journalEntrySchema),
  lastSeq: z.number().int().min(0),
  /** The entries after `sinceSeq` are gone (compacted): rebuild from `inbox:snapshot`, then pull on. */
  rebuild: z.literal(true).optional(),
});

/** An item as the core remembers it, with the user's latest state: what a rebuilt window stores. */
export const snapshotItemSchema = inboxItemSchema.extend({
  status: z.enum(['open', 'done', 'snoozed']),
  doneAt: z.number().optional(),
  snoozedUntil: z.number().optional(),
});
export type SnapshotItem = z.output<typeof snapshotItemSchema>;

export const contract = {
  commands: {
    'app:get-info': { input: z.undefined(), output: appInfoSchema },
    /** A new API token (settings view); the old one is refused at once. Answers the new info. */
    'app:rotate-token': { input: z.undefined(), output: appInfoSchema },
    /**
     * Opens a web link in the user's browser. `opened: false` where the host cannot (browser host):
     * the page then opens it itself with `window.open(url, '_blank', 'noopener,noreferrer')`.
     */
    'app:open-external': {
      input: z.strictObject({
        url: z
          .string()
          .max(2048)
          .refine(isSafeHttpUrl, 'must be an http or https address, without a user name or password'),
      }),
      output: z.object({ opened: z.boolean() }),
    },
    'focus:get-status': { input: z.undefined(), output: focusStatusSchema },
    'focus:set': { input: focusSetSchema, output: focusStatusSchema },
    'settings:get': { input: z.undefined(), output: settingsSchema },
    'settings:save-focus-rules': {
      input: z.strictObject({ rules: z.array(focusRuleSchema).max(MAX_FOCUS_RULES) }),
      output: z.array(focusRuleSchema),
    },
    'settings:save-charter': {
      input: z.strictObject({ charter: charterSchema }),
      output: z.object({ charter: charterSchema, recomputed: z.number().int().min(0) }),
    },
    'settings:save-working-time': {
      input: z.strictObject({
        timeZone: z
          .string()
          .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone')
          .nullable(),
        workingHours: workingHoursSchema,
        holidays: z.array(z.iso.date({ message: 'must be a date YYYY-MM-DD' })).max(5000),
      }),
      output: z.object({ recomputed: z.number().int().min(0) }),
    },
    'settings:save-delivery': {
      input: z.strictObject({ delivery: deliveryPolicySchema }),
      output: deliveryPolicySchema,
    },
    /** Channels whose reply window the delivery policy (saved, or the one given) cannot keep. */
    'settings:check-charter': {
      input: z.strictObject({ delivery: deliveryPolicySchema.optional() }),
      output: z.array(
        z.object({
          channel: z.enum(CHANNELS),
          windowHours: z.number(),
          neededEveryHours: z.number(),
          text: z.string(),
        }),
      ),
    },
    'digest:peek': { input: z.undefined(), output: digestStatusSchema },
    'digest:release': { input: z.undefined(), output: digestSchema.nullable() },
    'inbox:set-state': {
      input: z
        .strictObject({
          ids: z.array(wellFormedString().min(1).max(1100)).min(1).max(500),
          state: z.enum(['open', 'done', 'snoozed']),
          /** Required with `snoozed`: when the items come back. */
          snoozeUntil: epochMsSchema.optional(),
          /**
           * The renderer's id for this change (its durable outbox key): a replay of an id the core
           * already applied changes nothing, so a change reaches the core exactly once.
           */
          actionId: actionIdSchema.optional(),
        })
        .refine((r) => (r.state === 'snoozed') === (r.snoozeUntil !== undefined), {
          message: 'give snoozeUntil with state "snoozed", and only then',
          path: ['snoozeUntil'],
        }),
      /** `duplicate`: the action id was applied before, so nothing changed (`updated` is 0). */
      output: z.object({ updated: z.number().int().min(0), duplicate: z.boolean().optional() }),
    },
    /**
     * The user's own reply deadline for an item (epoch ms), or null to go back to the one it would have
     * without it. Kept when the charter or working time changes; the item is journaled again.
     */
    'inbox:set-deadline': {
      input: z.strictObject({
        id: wellFormedString().min(1).max(1100),
        deadline: epochMsSchema.nullable(),
        actionId: actionIdSchema.optional(),
      }),
      /** The item's deadline now; `duplicate` as for `inbox:set-state`. */
      output: z.object({ deadline: z.number(), duplicate: z.boolean().optional() }),
    },
    /** The window's answer to `backup:requested`. */
    'backup:respond': { input: backupResponseSchema, output: z.object({ accepted: z.boolean() }) },
    /** Settings from a backup (any settings version): migrated, validated, saved. */
    'settings:restore': {
      input: z.strictObject({ settings: z.record(z.string(), z.unknown()) }),
      output: z.object({ version: z.number() }),
    },
    'journal:pull': {
      input: z.strictObject({
        sinceSeq: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000).optional(),
      }),
      output: journalPageSchema,
    },
    /**
     * The core's items and their user state, a page at a time in id order, for a window that must
     * rebuild: `seq` (from the first page) is where it then pulls the journal from.
     */
    'inbox:snapshot': {
      input: z.strictObject({
        afterId: z.string().max(1100).optional(),
        limit: z.number().int().min(1).max(2000).optional(),
      }),
      output: z.object({
        seq: z.number().int().min(0),
        items: z.array(snapshotItemSchema),
        nextAfterId: z.string().nullable(),
      }),
    },
    'journal:ack': {
      input: z.strictObject({ seq: z.number().int().min(0) }),
      output: z.object({ ackedSeq: z.number().int().min(0) }),
    },
    'sources:list': { input: z.undefined(), output: z.array(sourceViewSchema) },
    /** Adds (no id) or replaces a source. A secret is stored in the host's SecretStore, never returned. */
    'sources:save': {
      input: z.strictObject({ source: sourceDraftSchema, secret: z.string().min(1).max(4096).optional() }),
      output: sourceViewSchema,
    },
    'sources:remove': {
      input: z.strictObject({ id: sourceIdSchema }),
      output: z.object({ removed: z.boolean() }),
    },
    /** Polls at once ("Check now") and answers with the outcome. */
    'sources:check-now': { input: z.strictObject({ id: sourceIdSchema }), output: sourceStatusSchema },
    'sources:set-paused': {
      input: z.strictObject({ id: sourceIdSchema, paused: z.boolean() }),
      output: sourceStatusSchema,
    },
  },
  events: {
    'focus:changed': focusStatusSchema,
    'journal:appended': z.object({ lastSeq: z.number().int().min(0) }),
    'settings:changed': settingsSchema,
    'app:info-changed': appInfoSchema,
    'digest:changed': digestStatusSchema.pick({ heldCount: true, nextReleaseAt: true }),
    'digest:released': digestSchema,
    'inbox:notify': z.object({ item: inboxItemSchema, decision: routeDecisionSchema }),
    /** Open items coming due soon: one reminder per group of items due together. */
    'inbox:at-risk': atRiskReminderSchema,
    /** The core asks the window for the inbox it owns (export), or to merge one in (import). */
    'backup:requested': z.discriminatedUnion('action', [
      z.object({ requestId: z.string(), action: z.literal('export') }),
      z.object({ requestId: z.string(), action: z.literal('import'), inbox: inboxBackupSchema }),
    ]),
    'sources:changed': z.array(sourceViewSchema),
  },
} as const;

type Commands = typeof contract.commands;
type Events = typeof contract.events;
export type CommandName = keyof Commands;
export type EventName = keyof Events;
export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>;
export type ParsedInput<C extends CommandName> = z.output<Commands[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The core's side: one handler per command, or it does not compile. */
export type CoreHandlers = {
  [C in CommandName]: (input: ParsedInput<C>) => Promise<CommandOutput<C>>;
};

export type Unsubscribe = () => void;

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type MethodOf<C extends string> = C extends `${string}:${infer M}` ? Camel<M> : never;
type EventKey<E extends string> = E extends `${infer D}:${infer N}`
  ? `on${Capitalize<D>}${Capitalize<Camel<N>>}`
  : never;

type Method<C extends CommandName> =
  undefined extends CommandInput<C>
    ? () => Promise<CommandOutput<C>>
    : (input: CommandInput<C>) => Promise<CommandOutput<C>>;

/**
 * What the renderer sees as `window.lull`: commands grouped by domain (`lull.focus.set`), and one
 * `on…` per event that returns its unsubscribe function.
 */
export type LullApi = {
  readonly [D in DomainOf<CommandName>]: {
    readonly [C in CommandName as DomainOf<C> extends D ? MethodOf<C> : never]: Method<C>;
  };
} & {
  readonly [E in EventName as EventKey<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/**
 * The core's side of every transport: validate the payload with the contract, call the handler,
 * wrap the outcome. Handlers never see an unvalidated payload.
 */
export async function dispatchCommand(
  handlers: CoreHandlers,
  command: unknown,
  payload: unknown,
): Promise<Envelope<unknown>> {
  if (typeof command !== 'string' || !Object.hasOwn(contract.commands, command)) {
    return { ok: false, error: { code: 'unknown-command', message: `Unknown command: ${String(command)}` } };
  }
  const name = command as CommandName;
  const parsed = contract.commands[name].input.safeParse(payload);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: { code: 'invalid-payload', message: `${name}: ${detail}` } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof LullError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'internal', message: `${name} failed` } };
  }
}

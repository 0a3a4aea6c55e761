/**
 * Validation schemas shared by IPC, HTTP and WebSocket. One library (zod) so a payload is judged the
 * same way whichever door it comes through.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CHANNELS, PRIORITIES } from './channels';
import { DIGEST_CAUSES, routeDecisionSchema } from './digest-schemas';
import { FOCUS_CAUSES } from './focus-schemas';
import { instantSchema } from './instant';

export { instantSchema };

export const MAX_BATCH = 500;

/** An http(s) URL without credentials: the only kind the app will ever open. */
export function isSafeHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
}

/** A lone surrogate (half of a UTF-16 pair) is no character: it cannot be encoded, in a URL or as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
export const isWellFormed = (value: string) => !LONE_SURROGATE.test(value);
const WELL_FORMED_MESSAGE = 'must be well-formed Unicode text (it holds half of a surrogate pair)';

/** A string of well-formed Unicode: ids and text are encoded as URLs, UTF-8 and JSON further on. */
export const wellFormedString = () => z.string().refine(isWellFormed, WELL_FORMED_MESSAGE);

const text = (max: number) => wellFormedString().trim().min(1).max(max);

export const senderSchema = z.strictObject({
  name: text(200),
  handle: text(200).optional(),
  /** The sender's IANA zone when the source knows it: the detail pane shows their local time. */
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Berlin')
    .optional(),
});

export const updateInputSchema = z.strictObject({
  source: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\w.@:-]+$/, 'may contain letters, digits and . _ - : @ only'),
  externalId: text(500),
  channel: z.enum(CHANNELS).default('other'),
  title: text(500),
  sender: senderSchema.optional(),
  snippet: wellFormedString().trim().max(2000).optional(),
  url: wellFormedString().max(2048).refine(isSafeHttpUrl, 'must be an http or https URL').optional(),
  receivedAt: instantSchema.optional(),
  deadline: instantSchema.optional(),
  priority: z.enum(PRIORITIES).default('normal'),
  threadId: text(500).optional(),
});
export type UpdateInput = z.output<typeof updateInputSchema>;

export const updatesBatchSchema = z.strictObject({
  updates: z.array(updateInputSchema).min(1).max(MAX_BATCH, `at most ${MAX_BATCH} updates per request`),
});

/** A body is either one update or `{ updates: [...] }`; choosing first keeps error messages precise. */
export function parseUpdatesBody(body: unknown) {
  const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'updates' in body;
  if (isBatch) {
    const result = updatesBatchSchema.safeParse(body);
    return result.success ? { success: true as const, data: result.data.updates } : result;
  }
  const result = updateInputSchema.safeParse(body);
  return result.success ? { success: true as const, data: [result.data] } : result;
}

export const inboxItemSchema = z.object({
  id: z.string(),
  source: z.string(),
  externalId: z.string(),
  channel: z.enum(CHANNELS),
  title: z.string(),
  sender: senderSchema.optional(),
  snippet: z.string().optional(),
  url: z.string().optional(),
  receivedAt: z.number(),
  deadline: z.number(),
  deadlineExplicit: z.boolean(),
  priority: z.enum(PRIORITIES),
  threadId: z.string().optional(),
  ingestedAt: z.number(),
  /** Why the item was delivered, held or let through: "broke through: would miss its 4 h deadline". */
  route: routeDecisionSchema.optional(),
});
export type InboxItem = z.output<typeof inboxItemSchema>;

export const journalEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('focus-started'),
    at: z.number(),
    cause: z.enum(FOCUS_CAUSES),
    until: z.number().nullable(),
    ruleName: z.string().nullable().optional(),
  }),
  z.object({ type: z.literal('focus-ended'), at: z.number() }),
  z.object({
    type: z.literal('digest-released'),
    at: z.number(),
    id: z.string(),
    cause: z.enum(DIGEST_CAUSES),
    itemIds: z.array(z.string()),
  }),
]);
export type JournalEvent = z.output<typeof journalEventSchema>;

/**
 * The highest journal sequence number: far beyond any real journal (a thousand entries a second for
 * eight thousand years), far below 2^53, where adding one stops giving a new number.
 */
export const MAX_SEQ = 2 ** 48;
const seqSchema = z.number().int().min(1).max(MAX_SEQ);

export const journalEntrySchema = z.discriminatedUnion('kind', [
  z.object({ seq: seqSchema, kind: z.literal('item'), item: inboxItemSchema }),
  z.object({ seq: seqSchema, kind: z.literal('event'), event: journalEventSchema }),
  /** The source took the update back (DELETE /v1/updates/…): the renderer deletes the row. */
  z.object({ seq: seqSchema, kind: z.literal('retract'), id: z.string() }),
  /** A snoozed item's time has come: the inbox shows it again, as new. */
  z.object({ seq: seqSchema, kind: z.literal('wake'), id: z.string(), at: z.number() }),
]);
export type JournalEntry = z.output<typeof journalEntrySchema>;

/** Turns a zod error into one line a person can act on: `updates.0.url: must be an http or https URL`. */
export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(body)',
    message: issue.message,
  }));
}

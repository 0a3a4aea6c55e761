/**
 * Built-in connectors' settings (RSS/Atom, GitHub notifications, IMAP mail) and the status the core
 * reports for each. Settings hold no secret: tokens and passwords live in the host's SecretStore.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from './channels';
import { isSafeHttpUrl } from './schemas';

export const SOURCE_KINDS = ['rss', 'github', 'imap'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_STATES = ['ok', 'error', 'paused', 'checking'] as const;

export const MAX_SOURCES = 50;
export const DEFAULT_POLL_MINUTES = 5;

export const DEFAULT_SOURCE_CHANNEL: Readonly<Record<SourceKind, Channel>> = {
  rss: 'doc',
  github: 'other',
  imap: 'email',
};

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  rss: 'RSS or Atom feed',
  github: 'GitHub notifications',
  imap: 'IMAP mail',
};

/** Also part of secret names (`source-<id>-secret`), hence the narrow alphabet. */
export const sourceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lowercase letters, digits or dashes');

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Only a connection that never leaves this machine may go without TLS. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim().toLowerCase());
}

const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(isSafeHttpUrl, 'must be an http or https address, without a user name or password');

/** A token sent in plain HTTP could be read on the way; only loopback (tests, proxies) may use it. */
const apiUrl = httpUrl.refine(
  (value) => !isSafeHttpUrl(value) || value.startsWith('https:') || isLoopbackHost(new URL(value).hostname),
  'must use https (plain http only to 127.0.0.1 or localhost)',
);

export const rssOptionsSchema = z.strictObject({ url: httpUrl });

export const githubOptionsSchema = z.strictObject({
  /** https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server. */
  baseUrl: apiUrl.default('https://api.github.com'),
  /** Only threads you take part in (mentions, reviews, assignments, your own issues). */
  participatingOnly: z.boolean().default(false),
  markReadOnDone: z.boolean().default(false),
});

export const imapOptionsSchema = z
  .strictObject({
    host: z
      .string()
      .trim()
      .min(1, 'Enter the mail server, like imap.example.com')
      .max(253)
      .regex(/^[\w.:[\]-]+$/, 'must be a host name or address, like imap.example.com'),
    /** Defaults to 993 with TLS, 143 without. */
    port: z.number().int().min(1).max(65_535).optional(),
    tls: z.boolean().default(true),
    user: z.string().trim().min(1, 'Enter the user name, often your email address').max(320),
    folders: z
      .array(z.string().trim().min(1).max(200))
      .min(1, 'Choose at least one folder')
      .max(20)
      .default(['INBOX']),
    markSeenOnDone: z.boolean().default(false),
  })
  .refine((options) => options.tls || isLoopbackHost(options.host), {
    message: 'A connection without TLS is only allowed to 127.0.0.1 or localhost',
    path: ['tls'],
  });

function sourceShape<K extends SourceKind, O extends z.ZodType>(kind: K, options: O) {
  return {
    kind: z.literal(kind),
    name: z.string().trim().min(1, 'Give the source a name').max(100, 'Keep the name under 100 characters'),
    enabled: z.boolean().default(true),
    pollMinutes: z
      .number()
      .int('must be whole minutes')
      .min(1, 'Check at most once a minute')
      .max(60, 'Check at least once an hour')
      .default(DEFAULT_POLL_MINUTES),
    channel: z.enum(CHANNELS).default(DEFAULT_SOURCE_CHANNEL[kind]),
    options,
  };
}

const shapes = {
  rss: sourceShape('rss', rssOptionsSchema),
  github: sourceShape('github', githubOptionsSchema),
  imap: sourceShape('imap', imapOptionsSchema),
};

/** A source as settings.json keeps it. */
export const sourceSettingsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: sourceIdSchema, ...shapes.rss }),
  z.strictObject({ id: sourceIdSchema, ...shapes.github }),
  z.strictObject({ id: sourceIdSchema, ...shapes.imap }),
]);
export type SourceSettings = z.output<typeof sourceSettingsSchema>;

/** What the sources view sends to save: a new source has no id yet. */
export const sourceDraftSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: sourceIdSchema.optional(), ...shapes.rss }),
  z.strictObject({ id: sourceIdSchema.optional(), ...shapes.github }),
  z.strictObject({ id: sourceIdSchema.optional(), ...shapes.imap }),
]);
export type SourceDraft = z.input<typeof sourceDraftSchema>;

export const sourcesListSchema = z
  .array(sourceSettingsSchema)
  .max(MAX_SOURCES, `at most ${MAX_SOURCES} sources`)
  .refine(
    (sources) => new Set(sources.map((s) => s.id)).size === sources.length,
    'source ids must be unique',
  );

export const sourceStatusSchema = z.object({
  id: sourceIdSchema,
  state: z.enum(SOURCE_STATES),
  lastSuccessAt: z.number().nullable(),
  /** In words, for the person: "GitHub refused the token (401)". */
  lastError: z.string().nullable(),
  nextPollAt: z.number().nullable(),
  /** Listening for new mail (IMAP IDLE) between polls. */
  watching: z.boolean(),
});
export type SourceStatus = z.output<typeof sourceStatusSchema>;

export const sourceViewSchema = z.object({
  source: sourceSettingsSchema,
  status: sourceStatusSchema,
  /** Whether a token or password is stored; the secret itself never leaves the core. */
  hasSecret: z.boolean(),
});
export type SourceView = z.output<typeof sourceViewSchema>;

/** Which sources need a secret, and what the person should call it. */
export const SOURCE_SECRET_LABEL: Readonly<Record<SourceKind, string | null>> = {
  rss: null,
  github: 'personal access token',
  imap: 'password',
};

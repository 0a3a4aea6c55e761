import type { Channel } from '../../../shared/channels';
import {
  DEFAULT_POLL_MINUTES,
  DEFAULT_SOURCE_CHANNEL,
  SOURCE_SECRET_LABEL,
  type SourceDraft,
  type SourceKind,
  type SourceView,
  sourceDraftSchema,
} from '../../../shared/source-schemas';

/** What the add/edit form holds: text as typed, every kind's options (only the chosen kind's are sent). */
export interface SourceFormState {
  readonly id?: string;
  readonly kind: SourceKind;
  readonly name: string;
  readonly enabled: boolean;
  readonly pollMinutes: string;
  readonly channel: Channel;
  readonly url: string;
  readonly baseUrl: string;
  readonly participatingOnly: boolean;
  readonly markReadOnDone: boolean;
  readonly host: string;
  readonly port: string;
  readonly tls: boolean;
  readonly user: string;
  /** Comma-separated, as typed. */
  readonly folders: string;
  readonly markSeenOnDone: boolean;
  /** Write-only: empty keeps the stored secret. Never copied into the store. */
  readonly secret: string;
}

export const SOURCE_FIELDS = [
  'name',
  'url',
  'baseUrl',
  'secret',
  'host',
  'port',
  'tls',
  'user',
  'folders',
  'pollMinutes',
  'channel',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];
export type SourceFormErrors = Partial<Record<SourceField, string>>;

export const FIELD_LABELS: Readonly<Record<SourceField, string>> = {
  name: 'Name',
  url: 'Feed address',
  baseUrl: 'API address',
  secret: 'Secret',
  host: 'Mail server',
  port: 'Port',
  tls: 'TLS',
  user: 'User name',
  folders: 'Folders',
  pollMinutes: 'Check every',
  channel: 'Channel',
};

export const DEFAULT_GITHUB_API = 'https://api.github.com';

export function emptySourceForm(kind: SourceKind): SourceFormState {
  return {
    kind,
    name: '',
    enabled: true,
    pollMinutes: String(DEFAULT_POLL_MINUTES),
    channel: DEFAULT_SOURCE_CHANNEL[kind],
    url: '',
    baseUrl: DEFAULT_GITHUB_API,
    participatingOnly: false,
    markReadOnDone: false,
    host: '',
    port: '',
    tls: true,
    user: '',
    folders: 'INBOX',
    markSeenOnDone: false,
    secret: '',
  };
}

/** A kind change keeps what is common (name, poll interval) and takes the new kind's default channel. */
export function switchKind(form: SourceFormState, kind: SourceKind): SourceFormState {
  return { ...emptySourceForm(kind), id: form.id, name: form.name, pollMinutes: form.pollMinutes };
}

export function formFromView({ source }: SourceView): SourceFormState {
  const base = {
    ...emptySourceForm(source.kind),
    id: source.id,
    name: source.name,
    enabled: source.enabled,
    pollMinutes: String(source.pollMinutes),
    channel: source.channel,
  };
  if (source.kind === 'rss') return { ...base, url: source.options.url };
  if (source.kind === 'github') return { ...base, ...source.options };
  const { port, folders, ...rest } = source.options;
  return { ...base, ...rest, port: port === undefined ? '' : String(port), folders: folders.join(', ') };
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

function draftOf(form: SourceFormState): unknown {
  const common = {
    ...(form.id ? { id: form.id } : {}),
    name: form.name,
    enabled: form.enabled,
    pollMinutes: wholeNumber(form.pollMinutes) ?? Number.NaN,
    channel: form.channel,
  };
  if (form.kind === 'rss') return { ...common, kind: 'rss', options: { url: form.url } };
  if (form.kind === 'github') {
    const { baseUrl, participatingOnly, markReadOnDone } = form;
    return { ...common, kind: 'github', options: { baseUrl, participatingOnly, markReadOnDone } };
  }
  const port = form.port.trim() === '' ? undefined : (wholeNumber(form.port) ?? Number.NaN);
  const folders = form.folders
    .split(',')
    .map((folder) => folder.trim())
    .filter(Boolean);
  return {
    ...common,
    kind: 'imap',
    options: {
      host: form.host,
      ...(port === undefined ? {} : { port }),
      tls: form.tls,
      user: form.user,
      folders,
      markSeenOnDone: form.markSeenOnDone,
    },
  };
}

/** Schema messages that are fragments ("must be …") read as sentences with their field's name. */
function sentence(field: SourceField, message: string): string {
  if (field === 'pollMinutes') return 'Check every 1 to 60 whole minutes';
  if (field === 'port') return 'Enter a port from 1 to 65535, or leave it empty';
  if (field === 'folders' && !message.startsWith('Choose')) return 'Name each folder, separated by commas';
  if (/^must /.test(message)) return `${FIELD_LABELS[field]} ${message}`;
  return message;
}

function fieldOf(path: readonly PropertyKey[]): SourceField | null {
  const key = path[0] === 'options' ? path[1] : path[0];
  return (SOURCE_FIELDS as readonly PropertyKey[]).includes(key ?? '') ? (key as SourceField) : null;
}

export type SourceFormResult =
  | { ok: true; draft: SourceDraft; secret?: string }
  | { ok: false; errors: SourceFormErrors };

/** Validates with the contract's `sourceDraftSchema`; each message goes next to its field. */
export function formToDraft(form: SourceFormState, hasSecret: boolean): SourceFormResult {
  const errors: SourceFormErrors = {};
  const parsed = sourceDraftSchema.safeParse(draftOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path) ?? 'name';
      errors[field] ??= sentence(field, issue.message);
    }
  }
  const secretLabel = SOURCE_SECRET_LABEL[form.kind];
  const secret = form.secret.trim();
  if (secretLabel && !secret && !hasSecret) errors.secret = `Enter the ${secretLabel}`;
  if (secret.length > 4096) errors.secret = `The ${secretLabel ?? 'secret'} is too long`;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: parsed.data as SourceDraft,
    ...(secretLabel && secret ? { secret } : {}),
  };
}

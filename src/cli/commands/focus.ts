import { formatFocusLabel, type TimeContext } from '../../shared/due-format';
import { FOCUS_UNTIL_NAMES } from '../../shared/focus-schemas';
import { type CliIo, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';
import { parseDuration, timeContext, toMillis, untilLocalTime } from '../time';

export const FOCUS_HELP = `Usage: lull focus on [LENGTH]      focus until turned off, or for LENGTH: 45m, 1h30m, 2h, 90 (minutes)
       lull focus until HH:mm      focus until a local time: today, or tomorrow if it has passed
       lull focus until block-end|working-start
       lull focus off              stop focus (during a scheduled block: skip the rest of it)
       lull focus [status]         show whether focus is on, and until when

${GLOBAL_HELP}`;

/** The focus status as GET/PUT /v1/focus send it (instants as ISO 8601). */
interface FocusPayload {
  active: boolean;
  cause?: 'manual' | 'schedule' | null;
  until?: string | number | null;
  ruleName?: string | null;
  skipping?: boolean;
  nextBlock?: { start?: string | number; name?: string } | null;
}

/** The tray's and the window's words: "Focus on · Deep work until 11:00", "Focus off · next block Mon 09:00". */
export function describeFocus(status: FocusPayload, ctx: TimeContext): string {
  const start = toMillis(status.nextBlock?.start);
  return formatFocusLabel(
    {
      active: status.active,
      cause: status.cause ?? null,
      until: toMillis(status.until),
      ruleName: status.ruleName ?? null,
      skipping: status.skipping ?? false,
      nextBlock: start === null ? null : { start, name: status.nextBlock?.name ?? '' },
    },
    ctx,
    null,
    { nextBlock: 'time' },
  );
}

function untilValue(text: string | undefined, io: CliIo): string {
  if (text === undefined) throw usageError('focus until needs a time, e.g. `lull focus until 14:00`');
  return (FOCUS_UNTIL_NAMES as readonly string[]).includes(text) ? text : untilLocalTime(text, io);
}

/** The request body for `focus on|until|off …`, or null for `focus status`. */
export function focusRequest(args: string[], io: CliIo): Record<string, unknown> | null {
  const [verb = 'status', ...rest] = args;
  const extra = (allowed: number) => {
    if (rest.length > allowed) throw usageError(`Unexpected "${rest[allowed]}" after \`focus ${verb}\``);
  };
  switch (verb) {
    case 'status':
      extra(0);
      return null;
    case 'off':
      extra(0);
      return { active: false };
    case 'until':
      extra(1);
      return { active: true, until: untilValue(rest[0], io) };
    case 'on':
      if (rest[0] === 'until') {
        extra(2);
        return { active: true, until: untilValue(rest[1], io) };
      }
      extra(1);
      return rest[0] === undefined ? { active: true } : { active: true, minutes: parseDuration(rest[0]) };
    default:
      throw usageError(`Unknown focus command "${verb}": use on, until, off or status`);
  }
}

export async function focus(argv: string[], io: CliIo): Promise<void> {
  const { positionals, session } = parseCommand(argv, io);
  const body = focusRequest(positionals, io);
  const status = (await session.call(
    body === null ? { method: 'GET', path: '/v1/focus' } : { method: 'PUT', path: '/v1/focus', body },
  )) as FocusPayload;
  session.print(describeFocus(status, timeContext(io)), status);
}

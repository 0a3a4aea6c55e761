import { type Channel, type Charter, HOUR_MS, type Priority } from './channels';

export interface DeadlineInput {
  readonly receivedAt: number;
  readonly channel: Channel;
  readonly priority: Priority;
  readonly explicitDeadline?: number | undefined;
}

/**
 * The reply-by instant for an update.
 * An explicit deadline from the source wins. Urgent items are due the moment they arrive: the charter
 * treats escalations as real time. Otherwise the channel's reply window is added to the arrival time.
 * For now the window counts clock hours; working-time arithmetic (hours, holidays) replaces this step
 * without changing the signature's meaning.
 */
export function computeDeadline(input: DeadlineInput, charter: Charter): number {
  if (input.explicitDeadline !== undefined) return input.explicitDeadline;
  if (input.priority === 'urgent') return input.receivedAt;
  return input.receivedAt + charter[input.channel].hours * HOUR_MS;
}

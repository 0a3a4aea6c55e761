/** The channels an update can arrive on, and the team's default response-time charter (PRODUCT.md). */
export const CHANNELS = ['chat', 'email', 'doc', 'video', 'review', 'task', 'meeting', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['urgent', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  chat: 'Chat',
  email: 'Email',
  doc: 'Docs',
  video: 'Video',
  review: 'Code review',
  task: 'Task',
  meeting: 'Meeting',
  other: 'Other',
};

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * HOUR_MS;

/** How a reply window is counted. Working-time arithmetic arrives with the inbox issue; until then both count clock hours. */
export const WINDOW_CLOCKS = ['working', 'clock'] as const;
export type WindowClock = (typeof WINDOW_CLOCKS)[number];

export interface ReplyWindow {
  readonly hours: number;
  readonly clock: WindowClock;
}

export type Charter = Readonly<Record<Channel, ReplyWindow>>;

export const DEFAULT_CHARTER: Charter = {
  chat: { hours: 4, clock: 'working' },
  email: { hours: 24, clock: 'working' },
  doc: { hours: 24, clock: 'working' },
  video: { hours: 12, clock: 'working' },
  review: { hours: 8, clock: 'working' },
  task: { hours: 24, clock: 'working' },
  meeting: { hours: 24, clock: 'working' },
  other: { hours: 24, clock: 'working' },
};

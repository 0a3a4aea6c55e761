import type { Channel } from '../../../shared/channels';

const PATHS: Readonly<Record<Channel, string>> = {
  chat: 'M3 3.5h10v7.5H7.5L4.5 13.5V11H3z',
  email: 'M2.5 4h11v8h-11zM2.5 4.5 8 8.5l5.5-4',
  doc: 'M4 2.5h5l3 3v8H4zM9 2.5v3h3M6 8.5h4M6 11h4',
  video: 'M2.5 4.5h8v7h-8zM10.5 7l3-2v6l-3-2',
  review: 'M6 4.5 2.5 8 6 11.5M10 4.5 13.5 8 10 11.5',
  task: 'M3 3h10v10H3zM5.5 8l2 2 3-4',
  meeting: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3',
  other: 'M8 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z',
};

/** Decorative: the channel's name is always written next to it. */
export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <svg className="channel-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[channel]} />
    </svg>
  );
}

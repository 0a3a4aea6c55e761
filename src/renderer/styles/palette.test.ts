import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.join(__dirname, 'theme.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]),
  );
}

const light = variables(css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = { ...light, ...variables(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum ratio]: text 4.5:1, focus rings and control edges 3:1. */
const PAIRS: [string, string, number][] = [
  ...['bg', 'surface', 'surface-hover', 'surface-sunken'].flatMap((bg): [string, string, number][] => [
    ['text', bg, 4.5],
    ['text-muted', bg, 4.5],
    ['danger', bg, 4.5],
    ['focus-ring', bg, 3],
    ['border-strong', bg, 3],
  ]),
  ['accent-text', 'accent', 4.5],
  ['accent-soft-text', 'accent-soft', 4.5],
  ['accent-soft-text', 'surface', 4.5],
  ['danger', 'danger-soft', 4.5],
  ['warning-text', 'warning-soft', 4.5],
  ['text', 'accent-soft', 4.5],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s palette', (_, palette) => {
  it.each(PAIRS)('%s on %s reaches %d:1', (fg, bg, min) => {
    const [a, b] = [palette[fg], palette[bg]];
    expect(a, `--${fg}`).toBeDefined();
    expect(b, `--${bg}`).toBeDefined();
    expect(contrast(a!, b!)).toBeGreaterThanOrEqual(min);
  });
});

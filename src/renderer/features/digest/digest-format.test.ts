import { describe, expect, it } from 'vitest';
import { digestSubtitle, digestTitle, heldIndicatorText, peekLine } from './digest-format';

const ctx = { now: Date.parse('2026-03-10T09:30:00Z'), zone: 'UTC', locale: 'en-GB' };
const at = (iso: string) => Date.parse(iso);

describe('digest wording', () => {
  it('names the count and the next release in the header', () => {
    expect(heldIndicatorText({ heldCount: 3, nextReleaseAt: at('2026-03-10T13:00:00Z') }, ctx)).toBe(
      '3 held · next 13:00',
    );
    expect(heldIndicatorText({ heldCount: 1, nextReleaseAt: at('2026-03-11T10:00:00Z') }, ctx)).toBe(
      '1 held · next Wed 10:00',
    );
    expect(heldIndicatorText({ heldCount: 2, nextReleaseAt: null }, ctx)).toBe('2 held');
  });

  it('says what peeking shows', () => {
    expect(peekLine({ heldCount: 1, nextReleaseAt: at('2026-03-10T13:00:00Z') }, ctx)).toBe(
      '1 update held until 13:00.',
    );
    expect(peekLine({ heldCount: 4, nextReleaseAt: null }, ctx)).toBe('4 updates held until you show them.');
    expect(peekLine({ heldCount: 0, nextReleaseAt: null }, ctx)).toBe('Nothing is held right now.');
  });

  it('titles a release by what caused it', () => {
    const released = at('2026-03-10T13:00:00Z');
    expect(digestTitle('summary', released, ctx)).toBe('13:00 summary');
    expect(digestTitle('focus-end', released, ctx)).toBe('Catch-up after focus');
    expect(digestTitle('manual', released, ctx)).toBe('Shown on request');
    expect(digestSubtitle(3, 1, released, ctx)).toBe('3 updates · 1 due today · released 13:00');
    expect(digestSubtitle(1, 0, released, ctx)).toBe('1 update · released 13:00');
  });
});

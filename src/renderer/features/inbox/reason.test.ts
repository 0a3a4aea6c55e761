import { describe, expect, it } from 'vitest';
import { describeRoute } from './reason';

describe('describeRoute', () => {
  it('splits a break-through into a label and the reason', () => {
    expect(
      describeRoute({
        action: 'break-through',
        reason: 'deadline-risk',
        text: 'broke through: would miss its 4 h deadline',
      }),
    ).toEqual({
      action: 'break-through',
      label: 'Broke through',
      detail: 'would miss its 4 h deadline',
      sentence: 'Broke through: would miss its 4 h deadline',
    });
    expect(
      describeRoute({ action: 'break-through', reason: 'urgent', text: 'broke through: marked urgent' })
        ?.sentence,
    ).toBe('Broke through: marked urgent');
  });

  it('says what a held item waited for', () => {
    expect(
      describeRoute({ action: 'hold', reason: 'summary', text: 'held for the 13:00 summary' }),
    ).toMatchObject({ label: 'Held', detail: 'for the 13:00 summary' });
    expect(
      describeRoute({ action: 'hold', reason: 'focus', text: 'held during focus until 11:00' })?.sentence,
    ).toBe('Held: during focus until 11:00');
    expect(
      describeRoute({
        action: 'hold',
        reason: 'after-hours',
        text: 'held until working hours start at 09:00',
      })?.detail,
    ).toBe('until working hours start at 09:00');
  });

  it('keeps a sentence it does not recognise whole', () => {
    expect(describeRoute({ action: 'hold', reason: 'focus', text: 'waiting for you' })).toMatchObject({
      label: 'Held',
      detail: 'waiting for you',
    });
  });

  it('says nothing about items delivered as they came, or without a decision', () => {
    expect(
      describeRoute({ action: 'deliver', reason: 'instant', text: 'delivered as it arrived' }),
    ).toBeNull();
    expect(describeRoute(undefined)).toBeNull();
  });
});

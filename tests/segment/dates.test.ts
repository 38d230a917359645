import { describe, expect, it } from 'vitest';
import { findDates, findTimes } from '../../src/segment/dates.js';

describe('dates', () => {
  it('reads written and numeric dates with a year', () => {
    expect(findDates('Orbaden den 24 januari 2024 kl 09:00-15:00')[0]).toMatchObject({ iso: '2024-01-24', text: '24 januari 2024' });
    expect(findDates('Helsingborg 2025-12-12')[0]).toMatchObject({ iso: '2025-12-12' });
  });
  it('never guesses a year', () => {
    expect(findDates('21 augusti, kl. 12,00, till 22 augusti')).toEqual([
      expect.objectContaining({ iso: null, text: '21 augusti' }),
      expect.objectContaining({ iso: null, text: '22 augusti' }),
    ]);
  });
  it('rejects impossible dates', () => {
    expect(findDates('2024-02-30')).toEqual([]);
    expect(findDates('31 april 2024')[0]?.iso).toBeNull();
  });
});

describe('times', () => {
  it('reads ranges with dots, colons and kl', () => {
    expect(findTimes('Den 12 december 2025 08.30-12:00 på Mindpark')).toEqual({ start: '08:30', end: '12:00' });
    expect(findTimes('Orbaden den 24 januari 2024 kl 09:00-15:00')).toEqual({ start: '09:00', end: '15:00' });
    expect(findTimes('kl. 13.00–16.30')).toEqual({ start: '13:00', end: '16:30' });
  });
  it('reads a start and end spread over a sentence', () => {
    expect(findTimes('Helsingborg, 21 augusti, kl. 12,00, till 22 augusti, kl. 13.00')).toEqual({ start: '12:00', end: '13:00' });
  });
  it('does not read years or paragraph ranges as times', () => {
    expect(findTimes('Bevakningsområden 2024-2025')).toEqual({ start: null, end: null });
    expect(findTimes('Paragrafer §§ 784-796')).toEqual({ start: null, end: null });
  });
});

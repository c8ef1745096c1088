import { parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2025-03-01T12:00:00Z', '2025-03-01T12:00:00.000Z'],
    ['2025-03-01T12:00:00.5z', '2025-03-01T12:00:00.500Z'],
    ['2025-03-01T12:00:00.123456789Z', '2025-03-01T12:00:00.123Z'],
    ['2025-03-01T14:30:00+02:30', '2025-03-01T12:00:00.000Z'],
    ['2025-03-01T00:00:00-05:00', '2025-03-01T05:00:00.000Z'],
    ['2024-02-29T23:59:59+00:00', '2024-02-29T23:59:59.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['no offset', '2025-03-01T12:00:00'],
    ['a date only', '2025-03-01'],
    ['a space for T', '2025-03-01 12:00:00Z'],
    ['no seconds', '2025-03-01T12:00Z'],
    ['February 30th', '2025-02-30T12:00:00Z'],
    ['February 29th of a common year', '2025-02-29T12:00:00Z'],
    ['month 13', '2025-13-01T12:00:00Z'],
    ['hour 24', '2025-03-01T24:00:00Z'],
    ['a leap second', '2025-06-30T23:59:60Z'],
    ['an offset of 24 hours', '2025-03-01T12:00:00+24:00'],
    ['an offset without colon', '2025-03-01T12:00:00+0200'],
    ['epoch milliseconds', '1740830400000'],
    ['words', 'yesterday'],
    ['trailing text', '2025-03-01T12:00:00Zjunk'],
  ])('refuses %s', (_case, text) => {
    expect(parseInstant(text)).toBeNull();
  });
});

import { addDays, addMonths, daysBetween, parseIsoDate, termEnd, todayUtc } from './calendar';

describe('calendar', () => {
  it('reads today in UTC', () => {
    expect(todayUtc(new Date('2026-03-10T23:59:59-05:00'))).toBe('2026-03-11');
  });

  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2028-02-29', '2028-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['2026-1-01', null],
    ['yesterday', null],
    ['2026-03-10T00:00:00Z', null],
  ])('parses %j as %j', (value, parsed) => {
    expect(parseIsoDate(value)).toBe(parsed);
  });

  it('adds months, keeping the day or the month’s last day', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-10', 12)).toBe('2027-03-10');
  });

  it('ends a term the day before the same date months later', () => {
    expect(termEnd('2026-03-10', 12)).toBe('2027-03-09');
    expect(termEnd('2026-01-01', 1)).toBe('2026-01-31');
  });

  it('counts days and adds them across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(addDays('2028-02-28', 2)).toBe('2028-03-01');
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
  });
});

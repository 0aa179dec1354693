import { addWorkingDays, daysBetween, shanghaiDate } from '../src/common/time';

describe('Asia/Shanghai calendar days', () => {
  it('a day starts at 16:00 UTC of the day before', () => {
    expect(shanghaiDate(new Date('2026-03-14T15:59:59.999Z'))).toBe('2026-03-14');
    expect(shanghaiDate(new Date('2026-03-14T16:00:00.000Z'))).toBe('2026-03-15');
  });
  it('counts days and working days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(addWorkingDays('2026-11-27', 3)).toBe('2026-12-02'); // Fri + 3 working days = Wed
  });
});

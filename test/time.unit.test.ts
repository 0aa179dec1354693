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
  it('follows the calendar it is given: a holiday is skipped, a worked Saturday counts', () => {
    const off = new Set(['2026-11-30']);
    const worked = new Set(['2026-11-28']);
    const isWorking = (d: string) => worked.has(d) || (!off.has(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    // Sat 28 (worked), Mon 30 skipped, Tue 1, Wed 2.
    expect(addWorkingDays('2026-11-27', 3, isWorking)).toBe('2026-12-02');
    expect(addWorkingDays('2026-11-27', 2, isWorking)).toBe('2026-12-01');
  });
});

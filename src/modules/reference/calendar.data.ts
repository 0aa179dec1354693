import { CalendarYearStatus } from './calendar.entities';

/**
 * Official public-holiday schedules (法定节假日放假安排) published each year by the General Office of
 * the State Council (国务院办公厅), entered by hand. A holiday lists every day off of its period
 * (weekend days inside the period included); `workedDays` are the weekend days worked in exchange
 * (调休上班).
 */
export interface HolidaySeed {
  name: string;
  from: string;
  to: string;
  workedDays: string[];
}

export interface CalendarYearSeed {
  year: number;
  status: CalendarYearStatus;
  note: string;
  holidays: HolidaySeed[];
}

export const CALENDAR_YEARS: readonly CalendarYearSeed[] = [
  {
    year: 2024,
    status: CalendarYearStatus.OFFICIAL,
    note: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    holidays: [
      { name: '元旦', from: '2024-01-01', to: '2024-01-01', workedDays: [] },
      { name: '春节', from: '2024-02-10', to: '2024-02-17', workedDays: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06', workedDays: ['2024-04-07'] },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workedDays: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', from: '2024-06-10', to: '2024-06-10', workedDays: [] },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workedDays: ['2024-09-14'] },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workedDays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    status: CalendarYearStatus.OFFICIAL,
    note: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01', workedDays: [] },
      { name: '春节', from: '2025-01-28', to: '2025-02-04', workedDays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06', workedDays: [] },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workedDays: ['2025-04-27'] },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02', workedDays: [] },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workedDays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    status: CalendarYearStatus.OFFICIAL,
    note: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月发布）',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', workedDays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', workedDays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', workedDays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workedDays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', workedDays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workedDays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workedDays: ['2026-09-20', '2026-10-10'] },
    ],
  },
  {
    // The 2027 schedule was not known when this data was written: rather than guess dates, the year
    // is loaded with weekends only and flagged; an administrator enters the official schedule with
    // setCalendarDay and marks the year OFFICIAL with setCalendarYear.
    year: 2027,
    status: CalendarYearStatus.WEEKENDS_ONLY,
    note: '2027年放假安排待录入：目前仅按周末计算 (the official 2027 schedule still has to be entered)',
    holidays: [],
  },
];

import { daysBetween } from '../domain/dates.ts';

/** A linear date → x scale with yearly (or quarterly, for short spans) ticks. */
export interface TimeScale {
  readonly from: string;
  readonly to: string;
  readonly x: (date: string) => number;
  readonly ticks: readonly { readonly date: string; readonly label: string }[];
}

/**
 * The scale of a timeline covering `dates`, padded a little on both sides, mapped onto
 * [left, right] pixels. Dates are ISO strings; no time zones get involved.
 */
export function timeScale(dates: readonly string[], left: number, right: number): TimeScale {
  const sorted = dates.filter(Boolean).sort();
  const first = sorted[0] ?? '2000-01-01';
  const last = sorted[sorted.length - 1] ?? first;
  const fromYear = Number(first.slice(0, 4));
  const toYear = Number(last.slice(0, 4)) + 1;
  const span = Math.max(1, toYear - fromYear);
  const quarterly = span <= 2;
  const from = quarterly ? `${first.slice(0, 4)}-${quarterStart(first)}-01` : `${fromYear}-01-01`;
  const to = `${toYear}-01-01`;
  const total = Math.max(1, daysBetween(from, to));
  const x = (date: string) => left + ((right - left) * daysBetween(from, date)) / total;
  const ticks: { date: string; label: string }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= toYear; year++) {
    const months = quarterly ? ['01', '04', '07', '10'] : ['01'];
    for (const month of months) {
      const date = `${year}-${month}-01`;
      if (date < from || date > to) continue;
      ticks.push({
        date,
        label: month === '01' ? String(year) : `${Number(month)}/${String(year).slice(2)}`,
      });
    }
  }
  return { from, to, x, ticks };
}

function quarterStart(date: string): string {
  const month = Number(date.slice(5, 7));
  return String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0');
}

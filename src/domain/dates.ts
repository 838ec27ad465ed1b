/** The time zone the app's calendar days are counted in: its users are in the Netherlands. */
export const APP_TIME_ZONE = "Europe/Amsterdam";

// Made on first use: a formatter with a time zone loads the zone data (~15 ms), which start-up need not wait for.
let dayFormat: Intl.DateTimeFormat | undefined;

let lastDay = { minute: Number.NaN, day: "" };

/**
 * The Dutch calendar day of `now` as yyyy-mm-dd. Every answer save asks, so the formatted day is kept per UTC
 * minute: the zone's offsets are whole hours, so the day never changes within one.
 */
export function dutchDay(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) {
    dayFormat ??= new Intl.DateTimeFormat("en-CA", { timeZone: APP_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
    lastDay = { minute, day: dayFormat.format(now) };
  }
  return lastDay.day;
}

/**
 * `day` (yyyy-mm-dd) minus whole months; a day that does not exist in the target month becomes that month's last day
 * (31 March minus one month is 28 or 29 February).
 */
export function monthsBefore(day: string, months: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const index = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12; // 0-based
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1)}-${pad(Math.min(date, lastDay))}`;
}

/** `day` (yyyy-mm-dd) plus whole days (negative: before). */
export function addDays(day: string, days: number): string {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The Monday (yyyy-mm-dd) of the ISO week `now` falls in, counted in Dutch days: a week starts Monday 00:00 in Amsterdam. */
export function dutchWeekStart(now: Date): string {
  const day = dutchDay(now);
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

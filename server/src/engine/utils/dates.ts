/** ISO 8601 calendar date `YYYY-MM-DD` that exists in the calendar. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `mar`, `March`, `sept` -> 3, 3, 9; undefined for anything else. */
function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return index < 0 ? undefined : index + 1;
}

function iso(y: number, mo: number, d: number): string | undefined {
  const text = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

/**
 * The real days a date as people type it can mean, as ISO 8601. One reading: the date is unambiguous
 * (`31/03/2027`, `03/13/2027`, `2027/3/31`, `31.03.2027`, `31 March 2027`, `March 31, 2027`). Two: a
 * slashed or dashed date whose day and month could be either way round (`12/03/2027`: 12 March or
 * 3 December). None: not a date, or not a real day. Dotted dates are read day first only: that
 * notation is not used month first.
 */
export function readDate(text: string): string[] {
  const t = text.trim();
  if (t.length > 40) return [];
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return compact([iso(Number(m[1]), Number(m[2]), Number(m[3]))]);
  if ((m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(t))) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const dayFirst = iso(y, b, a);
    if (m[2] === '.') return compact([dayFirst]);
    return unique(compact([dayFirst, iso(y, a, b)]));
  }
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+\.?)[ -,]+(\d{4})$/.exec(t))) {
    const month = monthNumber(m[2]);
    return month ? compact([iso(Number(m[3]), month, Number(m[1]))]) : [];
  }
  if ((m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t))) {
    const month = monthNumber(m[1]);
    return month ? compact([iso(Number(m[3]), month, Number(m[2]))]) : [];
  }
  return [];
}

/** The ISO 8601 form of a date people typed when it has exactly one reading, else undefined. */
export function normaliseDate(text: string): string | undefined {
  const readings = readDate(text);
  return readings.length === 1 ? readings[0] : undefined;
}

function compact(values: Array<string | undefined>): string[] {
  return values.filter((v): v is string => v !== undefined);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Days from `a` to `b` (both ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Today as the user's calendar shows it: the local day of the machine (the editor's, or the CLI's `TZ`),
 * not the UTC day, which is tomorrow or yesterday for part of every day in most of the world.
 */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day `days` after (or before) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** `2027-03-12` -> `12 March 2027`: a reading of an ambiguous date, in words that cannot be misread. */
export function spokenDate(isoDate: string): string {
  const [y, mo, d] = isoDate.split('-').map(Number);
  const month = MONTHS[mo - 1];
  return `${d} ${month[0].toUpperCase()}${month.slice(1)} ${y}`;
}

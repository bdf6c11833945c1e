import type { NumberingSystem } from './digits.ts';

/** How dates are written for one audience: a locale ('ar' → أكتوبر, 'ar-SY' → تشرين الأول), digits, zone. */
export interface DateStyle {
  locale: string;
  numberingSystem: NumberingSystem;
  timeZone: string;
  /** Add the Hijri date to full dates (formatDualDate); shown unless this is false. */
  showHijri?: boolean;
}

type Calendar = 'gregory' | 'islamic-umalqura';
type PartMap = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

// Formatters are costly to build and a page formats many dates in one style, so they are cached.
const formatters = new Map<string, Intl.DateTimeFormat>();

// Our options must win over anything in the locale tag: 'ar-SA' alone switches to Hijri months and
// 'ar-EG' to Arabic-Indic digits, and a tag can carry -u-ca-/-u-nu-. So the tag is cut to its base
// name and the calendar and numbering system are always passed explicitly.
function formatter(style: DateStyle, calendar: Calendar, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = new Intl.Locale(style.locale).baseName;
  const key = JSON.stringify([locale, style.numberingSystem, style.timeZone, calendar, options]);
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.DateTimeFormat(locale, {
      ...options,
      calendar,
      numberingSystem: style.numberingSystem,
      timeZone: style.timeZone,
    });
    formatters.set(key, cached);
  }
  return cached;
}

// ICU may put bidi marks (U+200F) around numbers in Arabic patterns; a part map drops them so that the
// strings we assemble are plain text.
function parts(date: Date, style: DateStyle, calendar: Calendar, options: Intl.DateTimeFormatOptions): PartMap {
  const map: PartMap = {};
  for (const part of formatter(style, calendar, options).formatToParts(date)) {
    if (part.type !== 'literal') map[part.type] = part.value.replace(/[\u061c\u200e\u200f]/g, '');
  }
  return map;
}

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** The Gregorian date as "19 أكتوبر 2023" (day, month name, year; no weekday). */
export function formatGregorianDate(date: Date, style: DateStyle): string {
  const p = parts(date, style, 'gregory', DAY_MONTH_YEAR);
  return `${p.day} ${p.month} ${p.year}`;
}

/** The Hijri (Umm al-Qura) date as "4 ربيع الآخر 1445", without the era suffix هـ. */
export function formatHijriDate(date: Date, style: DateStyle): string {
  const p = parts(date, style, 'islamic-umalqura', DAY_MONTH_YEAR);
  return `${p.day} ${p.month} ${p.year}`;
}

/**
 * Weekday, Gregorian and Hijri dates: "الخميس 19 أكتوبر 2023 — 4 ربيع الآخر 1445"; without the Hijri
 * part when the style says so (a site whose readers do not use it).
 */
export function formatDualDate(date: Date, style: DateStyle): string {
  const { weekday } = parts(date, style, 'gregory', { weekday: 'long' });
  const gregorian = `${weekday} ${formatGregorianDate(date, style)}`;
  return style.showHijri === false ? gregorian : `${gregorian} — ${formatHijriDate(date, style)}`;
}

/** The time of day as the locale writes it, e.g. "12:00 م" (hour and minute). */
export function formatTime(date: Date, style: DateStyle): string {
  return formatter(style, 'gregory', { hour: 'numeric', minute: '2-digit' })
    .format(date)
    .replace(/[\u061c\u200e\u200f]/g, '');
}

// Arabic counts have five forms: the noun alone for 1 (دقيقة), the dual for 2 (دقيقتين), a plural for
// 3–10 (3 دقائق), and a singular accusative for 11 and up (11 دقيقة); Intl.PluralRules picks the form.
// Intl.RelativeTimeFormat says "قبل 5 دقائق"; newsrooms write "منذ".
const UNITS = {
  minute: { one: 'دقيقة', two: 'دقيقتين', few: 'دقائق', many: 'دقيقة' },
  hour: { one: 'ساعة', two: 'ساعتين', few: 'ساعات', many: 'ساعة' },
  day: { one: 'يوم', two: 'يومين', few: 'أيام', many: 'يوماً' },
} as const;
type Unit = keyof typeof UNITS;

const arabicPlurals = new Intl.PluralRules('ar');

function ago(count: number, unit: Unit, style: DateStyle): string {
  const forms = UNITS[unit];
  const category = arabicPlurals.select(count);
  if (category === 'one') return `منذ ${forms.one}`;
  if (category === 'two') return `منذ ${forms.two}`;
  const number = new Intl.NumberFormat('ar', { numberingSystem: style.numberingSystem, useGrouping: false }).format(count);
  return `منذ ${number} ${category === 'few' ? forms.few : forms.many}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RELATIVE_DAYS = 7;

/**
 * How long ago `date` was, as readers of news expect: "الآن", "منذ 5 دقائق", "منذ ساعتين", "أمس",
 * "منذ 3 أيام"; beyond 7 calendar days (or in the future) the Gregorian date.
 */
export function formatRelative(date: Date, now: Date, style: DateStyle): string {
  const elapsed = now.getTime() - date.getTime();
  if (elapsed < -MINUTE) return formatGregorianDate(date, style);
  if (elapsed < MINUTE) return 'الآن';
  if (elapsed < HOUR) return ago(Math.floor(elapsed / MINUTE), 'minute', style);
  if (elapsed < DAY) return ago(Math.floor(elapsed / HOUR), 'hour', style);
  // Past a day, "أمس" means the previous calendar day in the reader's time zone, not 24–48 hours ago.
  const days = calendarDaysBetween(date, now, style.timeZone);
  if (days <= 1) return 'أمس';
  if (days <= RELATIVE_DAYS) return ago(days, 'day', style);
  return formatGregorianDate(date, style);
}

function calendarDaysBetween(earlier: Date, later: Date, timeZone: string): number {
  return Math.round((localDayNumber(later, timeZone) - localDayNumber(earlier, timeZone)) / DAY);
}

function localDayNumber(date: Date, timeZone: string): number {
  const p = parts(date, { locale: 'en', numberingSystem: 'latn', timeZone }, 'gregory', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
}

/** Whether `tz` is an IANA time zone name the runtime knows (e.g. 'Asia/Riyadh'). */
export function isValidTimeZone(tz: string): boolean {
  if (tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

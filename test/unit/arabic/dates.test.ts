import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDualDate,
  formatGregorianDate,
  formatHijriDate,
  formatRelative,
  formatTime,
  isValidTimeZone,
  type DateStyle,
} from '../../../src/arabic/dates.ts';

const RIYADH: DateStyle = { locale: 'ar', numberingSystem: 'latn', timeZone: 'Asia/Riyadh' };
const THURSDAY = new Date('2023-10-19T09:00:00Z');

test('the dual date of 2023-10-19 09:00 UTC in Riyadh is الخميس 19 أكتوبر 2023 — 4 ربيع الآخر 1445', () => {
  assert.equal(formatDualDate(THURSDAY, RIYADH), 'الخميس 19 أكتوبر 2023 — 4 ربيع الآخر 1445');
});

test("with 'arab' digits the dual date reads الخميس ١٩ أكتوبر ٢٠٢٣ — ٤ ربيع الآخر ١٤٤٥", () => {
  assert.equal(
    formatDualDate(THURSDAY, { ...RIYADH, numberingSystem: 'arab' }),
    'الخميس ١٩ أكتوبر ٢٠٢٣ — ٤ ربيع الآخر ١٤٤٥',
  );
});

test('a site that hides the Hijri date gets the weekday and Gregorian date only: الخميس 19 أكتوبر 2023', () => {
  assert.equal(formatDualDate(THURSDAY, { ...RIYADH, showHijri: false }), 'الخميس 19 أكتوبر 2023');
  assert.equal(formatDualDate(THURSDAY, { ...RIYADH, showHijri: true }), 'الخميس 19 أكتوبر 2023 — 4 ربيع الآخر 1445');
});

test('the Tunisian and Algerian locale ar-TN names the month of January جانفي', () => {
  assert.equal(formatGregorianDate(new Date('2024-01-15T09:00:00Z'), { ...RIYADH, locale: 'ar-TN' }), '15 جانفي 2024');
});

test('the Levantine locale ar-SY names the month تشرين الأول', () => {
  assert.equal(formatGregorianDate(THURSDAY, { ...RIYADH, locale: 'ar-SY' }), '19 تشرين الأول 2023');
});

test('our numbering system and calendar win over a locale that implies others (ar-EG, ar-SA, -u-nu-arab)', () => {
  for (const locale of ['ar-EG', 'ar-SA', 'ar-u-nu-arab', 'ar-SA-u-ca-islamic-nu-arab']) {
    assert.equal(formatGregorianDate(THURSDAY, { ...RIYADH, locale }), '19 أكتوبر 2023', locale);
  }
  assert.equal(formatHijriDate(THURSDAY, { ...RIYADH, locale: 'ar-u-ca-gregory' }), '4 ربيع الآخر 1445');
});

test('the Gregorian date has no weekday and no comma: 19 أكتوبر 2023', () => {
  assert.equal(formatGregorianDate(THURSDAY, RIYADH), '19 أكتوبر 2023');
});

test('the Hijri date is Umm al-Qura without the era suffix هـ: 4 ربيع الآخر 1445', () => {
  assert.equal(formatHijriDate(THURSDAY, RIYADH), '4 ربيع الآخر 1445');
});

test('the date follows the time zone: 23:30 UTC on the 18th is already the 19th in Riyadh', () => {
  const lateEvening = new Date('2023-10-18T23:30:00Z');
  assert.equal(formatGregorianDate(lateEvening, RIYADH), '19 أكتوبر 2023');
  assert.equal(formatGregorianDate(lateEvening, { ...RIYADH, timeZone: 'UTC' }), '18 أكتوبر 2023');
});

test('the time is hour and minute with the Arabic day period: 12:00 م, or ١٢:٠٠ م', () => {
  assert.equal(formatTime(THURSDAY, RIYADH), '12:00 م');
  assert.equal(formatTime(THURSDAY, { ...RIYADH, numberingSystem: 'arab' }), '١٢:٠٠ م');
  assert.equal(formatTime(new Date('2023-10-19T05:05:00Z'), RIYADH), '8:05 ص');
});

const before = (ms: number): Date => new Date(THURSDAY.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

test('under a minute ago is الآن', () => {
  assert.equal(formatRelative(before(30_000), THURSDAY, RIYADH), 'الآن');
});

test('minutes use the Arabic count forms: منذ دقيقة, منذ دقيقتين, منذ 5 دقائق, منذ 11 دقيقة', () => {
  assert.equal(formatRelative(before(MINUTE), THURSDAY, RIYADH), 'منذ دقيقة');
  assert.equal(formatRelative(before(2 * MINUTE), THURSDAY, RIYADH), 'منذ دقيقتين');
  assert.equal(formatRelative(before(5 * MINUTE), THURSDAY, RIYADH), 'منذ 5 دقائق');
  assert.equal(formatRelative(before(11 * MINUTE), THURSDAY, RIYADH), 'منذ 11 دقيقة');
});

test('hours: منذ ساعة, منذ ساعتين, منذ 3 ساعات, منذ 23 ساعة', () => {
  assert.equal(formatRelative(before(HOUR), THURSDAY, RIYADH), 'منذ ساعة');
  assert.equal(formatRelative(before(2 * HOUR), THURSDAY, RIYADH), 'منذ ساعتين');
  assert.equal(formatRelative(before(3 * HOUR), THURSDAY, RIYADH), 'منذ 3 ساعات');
  assert.equal(formatRelative(before(23 * HOUR), THURSDAY, RIYADH), 'منذ 23 ساعة');
});

test("relative times follow the numbering system: منذ ٥ دقائق with 'arab'", () => {
  assert.equal(formatRelative(before(5 * MINUTE), THURSDAY, { ...RIYADH, numberingSystem: 'arab' }), 'منذ ٥ دقائق');
});

test('a story from the previous calendar day, more than a day ago, is أمس', () => {
  assert.equal(formatRelative(before(25 * HOUR), THURSDAY, RIYADH), 'أمس');
});

test('days up to a week: منذ يومين, منذ 3 أيام, منذ 7 أيام', () => {
  assert.equal(formatRelative(before(2 * DAY), THURSDAY, RIYADH), 'منذ يومين');
  assert.equal(formatRelative(before(3 * DAY), THURSDAY, RIYADH), 'منذ 3 أيام');
  assert.equal(formatRelative(before(7 * DAY), THURSDAY, RIYADH), 'منذ 7 أيام');
});

test('after 7 days the Gregorian date is shown instead', () => {
  assert.equal(formatRelative(before(8 * DAY), THURSDAY, RIYADH), '11 أكتوبر 2023');
});

test('a date in the future (a scheduled story) is shown as its date, not as "منذ"', () => {
  assert.equal(formatRelative(new Date(THURSDAY.getTime() + DAY), THURSDAY, RIYADH), '20 أكتوبر 2023');
});

test('IANA zones are valid; unknown names and the empty string are not', () => {
  assert.equal(isValidTimeZone('Asia/Riyadh'), true);
  assert.equal(isValidTimeZone('Africa/Cairo'), true);
  assert.equal(isValidTimeZone('UTC'), true);
  assert.equal(isValidTimeZone('Asia/Atlantis'), false);
  assert.equal(isValidTimeZone(''), false);
  assert.equal(isValidTimeZone('GMT+25'), false);
});

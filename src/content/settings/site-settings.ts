import { AppError } from '../../errors.ts';
import { cleanLabel } from '../users/user.ts';

/**
 * What administrators set for the whole site from the newsroom. Each value starts as the operator's
 * environment setting (SITE_NAME, SITE_DESCRIPTION, DATE_LOCALE, DATE_DIGITS) and, once saved in the
 * newsroom, the stored value wins. The time zone stays an operator setting (SITE_TIMEZONE): schedules
 * and "published today" are computed with it by every instance at start.
 */
export interface SiteSettings {
  siteName: string;
  siteDescription: string;
  /** The locale whose Gregorian month names readers expect: 'ar' يناير، 'ar-SY' كانون الثاني، 'ar-TN' جانفي. */
  dateLocale: string;
  /** Digits in dates and page numbers: 0-9 ('latn') or ٠-٩ ('arab'). */
  dateDigits: 'latn' | 'arab';
  /** Show the Hijri (Umm al-Qura) date next to the Gregorian one. */
  showHijri: boolean;
}

export type SiteSettingKey = keyof SiteSettings;
export const SITE_SETTING_KEYS: readonly SiteSettingKey[] = ['siteName', 'siteDescription', 'dateLocale', 'dateDigits', 'showHijri'];

/** The month-name families an administrator can pick, with how they read. */
export const MONTH_NAME_CHOICES: readonly { locale: string; label: string }[] = [
  { locale: 'ar', label: 'يناير، فبراير، أكتوبر (مصر والخليج والمغرب)' },
  { locale: 'ar-SY', label: 'كانون الثاني، شباط، تشرين الأول (الشام والعراق)' },
  { locale: 'ar-TN', label: 'جانفي، فيفري، أكتوبر (تونس والجزائر)' },
];

export const MAX_SITE_NAME_CHARS = 80;
export const MAX_SITE_DESCRIPTION_CHARS = 300;

export const SETTING_MESSAGES = {
  siteName: `اكتب اسماً للموقع من حرف واحد إلى ${MAX_SITE_NAME_CHARS} حرفاً.`,
  siteDescription: `اكتب وصفاً للموقع من حرف واحد إلى ${MAX_SITE_DESCRIPTION_CHARS} حرف.`,
  dateLocale: 'اختر طريقة كتابة أسماء الشهور من القائمة.',
  dateDigits: 'اختر شكل الأرقام من القائمة.',
  showHijri: 'اختر إظهار التاريخ الهجري أو إخفاءه.',
} as const satisfies Record<SiteSettingKey, string>;

/** Locales a stored or configured value may take: the choices above, or any Arabic tag the operator configured. */
const ARABIC_LOCALE = /^ar(-[A-Z]{2})?$/;


/**
 * Checks a settings form against the current settings: every field must be present and valid, or
 * VALIDATION_FAILED names each bad field (nothing is saved). The configured locale is accepted even
 * when it is not one of the three choices, so saving the form unchanged always works.
 */
export function parseSiteSettings(input: Record<string, unknown>, configuredLocale: string): SiteSettings {
  const fields: Partial<Record<SiteSettingKey, string>> = {};
  const siteName = cleanLabel(input.siteName, MAX_SITE_NAME_CHARS);
  if (siteName === null) fields.siteName = SETTING_MESSAGES.siteName;
  const siteDescription = cleanLabel(input.siteDescription, MAX_SITE_DESCRIPTION_CHARS);
  if (siteDescription === null) fields.siteDescription = SETTING_MESSAGES.siteDescription;
  const locale = input.dateLocale;
  const dateLocale =
    typeof locale === 'string' && (MONTH_NAME_CHOICES.some((c) => c.locale === locale) || locale === configuredLocale) ? locale : null;
  if (dateLocale === null) fields.dateLocale = SETTING_MESSAGES.dateLocale;
  const dateDigits = input.dateDigits === 'latn' || input.dateDigits === 'arab' ? input.dateDigits : null;
  if (dateDigits === null) fields.dateDigits = SETTING_MESSAGES.dateDigits;
  // A form sends "true"/"false" from a select; the API may send a boolean.
  const hijri = input.showHijri;
  const showHijri = hijri === true || hijri === 'true' ? true : hijri === false || hijri === 'false' ? false : null;
  if (showHijri === null) fields.showHijri = SETTING_MESSAGES.showHijri;
  if (siteName === null || siteDescription === null || dateLocale === null || dateDigits === null || showHijri === null) {
    throw new AppError('VALIDATION_FAILED', { fields });
  }
  return { siteName, siteDescription, dateLocale, dateDigits, showHijri };
}

/**
 * The settings from stored values over the defaults. A stored value that no longer passes the checks
 * (written by an older version, or by hand) is ignored rather than breaking every page.
 */
export function mergeStoredSettings(defaults: SiteSettings, stored: ReadonlyMap<string, unknown>): SiteSettings {
  const merged: SiteSettings = { ...defaults };
  const name = cleanLabel(stored.get('siteName'), MAX_SITE_NAME_CHARS);
  if (name !== null) merged.siteName = name;
  const description = cleanLabel(stored.get('siteDescription'), MAX_SITE_DESCRIPTION_CHARS);
  if (description !== null) merged.siteDescription = description;
  const locale = stored.get('dateLocale');
  if (typeof locale === 'string' && ARABIC_LOCALE.test(locale)) merged.dateLocale = locale;
  const digits = stored.get('dateDigits');
  if (digits === 'latn' || digits === 'arab') merged.dateDigits = digits;
  const hijri = stored.get('showHijri');
  if (typeof hijri === 'boolean') merged.showHijri = hijri;
  return merged;
}

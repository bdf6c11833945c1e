import { formatDualDate, type DateStyle } from '../../../arabic/dates.ts';
import { MAX_SITE_DESCRIPTION_CHARS, MAX_SITE_NAME_CHARS, MONTH_NAME_CHOICES, type SiteSettings } from '../../../content/settings/site-settings.ts';
import { ChoiceField, CsrfField, ErrorSummary, Field, Notice, TextAreaField, type FormProblems } from './form-parts.tsx';

/** What the settings page shows. */
export interface SettingsPageView {
  csrfToken: string;
  /** The values in the form: the settings in force, or what was typed before a refusal. */
  form: Record<keyof SiteSettings, string>;
  /** The locale the operator configured (DATE_LOCALE), offered even when it is not one of the usual three. */
  configuredLocale: string;
  /** Today's date written with the settings in force, so the effect of the date settings is visible. */
  sample: { date: Date; style: DateStyle };
  problems: FormProblems | null;
  notice: string | null;
}

const FIELD_IDS = {
  siteName: 'setting-site-name',
  siteDescription: 'setting-site-description',
  dateLocale: 'setting-date-locale',
  dateDigits: 'setting-date-digits',
  showHijri: 'setting-show-hijri',
} as const;

const DIGIT_CHOICES = [
  { value: 'latn', label: '0123456789 (الأرقام العربية الغربية)' },
  { value: 'arab', label: '٠١٢٣٤٥٦٧٨٩ (الأرقام الهندية)' },
] as const;

const HIJRI_CHOICES = [
  { value: 'true', label: 'يظهر مع التاريخ الميلادي' },
  { value: 'false', label: 'لا يظهر' },
] as const;

/** Administrators: the site's name and description and how dates are written, for every page. */
export function SettingsPage({ view }: { view: SettingsPageView }) {
  const localeChoices = MONTH_NAME_CHOICES.map((c) => ({ value: c.locale, label: c.label }));
  if (!localeChoices.some((c) => c.value === view.configuredLocale)) {
    localeChoices.push({ value: view.configuredLocale, label: `كما ضبطها المشغّل (${view.configuredLocale})` });
  }
  const errors = view.problems?.fields ?? {};
  return (
    <>
      <h1 class="page-title">إعدادات الموقع</h1>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <ErrorSummary problems={view.problems} fieldIds={FIELD_IDS} />
      <form method="post" action="/newsroom/settings" class="newsroom-form newsroom-panel">
        <CsrfField token={view.csrfToken} />
        <Field
          id={FIELD_IDS.siteName}
          name="siteName"
          label="اسم الموقع"
          hint="يظهر في رأس كل صفحة وعنوانها وفي الخلاصات."
          value={view.form.siteName}
          required
          maxLength={MAX_SITE_NAME_CHARS}
          autocomplete="off"
          dir="auto"
          error={errors.siteName}
        />
        <TextAreaField
          id={FIELD_IDS.siteDescription}
          name="siteDescription"
          label="وصف الموقع"
          hint="جملة تعرّف بالموقع في تذييل الصفحات ونتائج محركات البحث."
          value={view.form.siteDescription}
          rows={3}
          required
          maxLength={MAX_SITE_DESCRIPTION_CHARS}
          error={errors.siteDescription}
        />
        <fieldset>
          <legend>التواريخ</legend>
          <p class="field-hint">
            اليوم يُكتب هكذا: <strong>{formatDualDate(view.sample.date, view.sample.style)}</strong>
          </p>
          <ChoiceField id={FIELD_IDS.dateLocale} name="dateLocale" label="أسماء الشهور الميلادية" choices={localeChoices} selected={view.form.dateLocale} error={errors.dateLocale} />
          <ChoiceField id={FIELD_IDS.dateDigits} name="dateDigits" label="الأرقام" choices={DIGIT_CHOICES} selected={view.form.dateDigits} error={errors.dateDigits} />
          <ChoiceField
            id={FIELD_IDS.showHijri}
            name="showHijri"
            label="التاريخ الهجري"
            hint="بتقويم أم القرى، بعد التاريخ الميلادي."
            choices={HIJRI_CHOICES}
            selected={view.form.showHijri}
            error={errors.showHijri}
          />
        </fieldset>
        <p class="panel-note">
          المنطقة الزمنية (<bdi dir="ltr">{view.sample.style.timeZone}</bdi>) يضبطها المشغّل في متغير البيئة <bdi dir="ltr">SITE_TIMEZONE</bdi>.
        </p>
        <button type="submit" class="button">
          احفظ الإعدادات
        </button>
      </form>
    </>
  );
}

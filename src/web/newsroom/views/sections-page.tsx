import type { Section } from '../../../content/sections/section.ts';
import { CsrfField, ErrorSummary, Field, Notice, type FormProblems } from './form-parts.tsx';

/** What the sections page shows. */
export interface SectionsPageView {
  sections: Section[];
  csrfToken: string;
  /** The name typed into the add form before a refusal. */
  draftName: string;
  problems: FormProblems | null;
  notice: string | null;
}

/** Administrators: the site's sections in menu order, renaming each, adding one. */
export function SectionsPage({ view }: { view: SectionsPageView }) {
  return (
    <>
      <h1 class="page-title">الأقسام</h1>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <ErrorSummary problems={view.problems} fieldIds={{ name: 'new-section-name' }} />
      {view.sections.length === 0 ? (
        <p class="empty">لا أقسام بعد.</p>
      ) : (
        <div class="table-scroll">
          <table class="newsroom-table">
            <caption class="visually-hidden">أقسام الموقع بترتيب القائمة</caption>
            <thead>
              <tr>
                <th scope="col">الاسم</th>
                <th scope="col">الرابط</th>
                <th scope="col">إعادة التسمية</th>
              </tr>
            </thead>
            <tbody>
              {view.sections.map((section) => (
                <tr key={section.id}>
                  <th scope="row">
                    <bdi>{section.name}</bdi>
                  </th>
                  <td data-label="الرابط">
                    <bdi>{section.slug}</bdi>
                  </td>
                  <td>
                    <form method="post" action={`/newsroom/sections/${section.id}/name`} class="inline-form">
                      <CsrfField token={view.csrfToken} />
                      <label for={`section-name-${section.id}`} class="visually-hidden">
                        الاسم الجديد لقسم {section.name}
                      </label>
                      <input id={`section-name-${section.id}`} name="name" type="text" value={section.name} required maxLength={60} autocomplete="off" />
                      <button type="submit" class="button-quiet">
                        احفظ الاسم
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="panel-note">تغيير الاسم لا يغيّر رابط القسم، فتبقى الروابط القديمة صالحة.</p>
      <section class="newsroom-panel" aria-labelledby="add-section-title">
        <h2 id="add-section-title">إضافة قسم</h2>
        <form method="post" action="/newsroom/sections" class="newsroom-form">
          <CsrfField token={view.csrfToken} />
          <Field id="new-section-name" name="name" label="اسم القسم" value={view.draftName} required maxLength={60} autocomplete="off" error={view.problems?.fields?.name} />
          <button type="submit" class="button">
            أضف القسم
          </button>
        </form>
      </section>
    </>
  );
}

import { CsrfField } from './form-parts.tsx';

export interface WireDeskView {
  csrfToken: string;
  /** The pasted text again after a refusal, so nothing has to be pasted twice. */
  text: string;
  /** Why the last paste made no draft. */
  error: string | null;
}

/** The wire desk: paste agency copy, get a draft in the editor. */
export function WireDeskPage({ view }: { view: WireDeskView }) {
  return (
    <>
      <h1 class="page-title">مكتب الوكالات</h1>
      <p class="page-intro">
        الصق نص الوكالة كما وصل: سطر القسم (إن وُجد)، ثم العنوان، ثم سطر المصدر، ثم الفقرات. تُحذف عناصر الصفحات
        المنسوخة مثل «اظهر المزيد» و«مقالات ذات صلة»، وتُفتح مسودة في المحرر. إن نُشرت القصة نفسها أو حُفظت خلال 48 ساعة
        فسيُنبّهك المحرر إليها.
      </p>
      {view.error ? (
        <div class="form-errors" role="alert">
          <p class="form-errors-title">لم تُنشأ مسودة: {view.error}</p>
        </div>
      ) : null}
      <form id="wire-form" class="wire-form" method="post" action="/newsroom/wire">
        <CsrfField token={view.csrfToken} />
        <div class="field">
          <label for="wire-text">نص الوكالة</label>
          <textarea id="wire-text" name="text" rows={18} required dir="auto" aria-invalid={view.error ? 'true' : undefined}>
            {view.text}
          </textarea>
        </div>
        <button type="submit" class="button-primary">
          أنشئ مسودة
        </button>
      </form>
    </>
  );
}

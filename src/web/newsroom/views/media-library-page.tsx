import type { DateStyle } from '../../../arabic/dates.ts';
import { DualDate } from '../../components/dual-date.tsx';
import { ResponsiveImage } from '../../components/responsive-image.tsx';
import type { ImageView } from '../../view-models.ts';
import { CsrfField, ErrorSummary, Field, Notice, type FormProblems } from './form-parts.tsx';

/** One picture of the library as the page shows it. */
export interface LibraryItemView {
  id: number;
  image: ImageView;
  createdAt: Date;
}

/** What the media library page shows. */
export interface MediaLibraryView {
  items: LibraryItemView[];
  total: number;
  /** The search as typed ('' for none). */
  q: string;
  /** Links to the neighbouring pages of results, or null at either end. */
  previousPath: string | null;
  nextPath: string | null;
  /** Editors and administrators may delete pictures no article uses. */
  canDelete: boolean;
  csrfToken: string;
  notice: string | null;
  problems: FormProblems | null;
  /** What the refused upload form held, shown again (never the file). */
  values: { alt: string; caption: string; credit: string };
  dateStyle: DateStyle;
  limits: { altMax: number; captionMax: number; creditMax: number };
}

/** The same sizes as the grid's columns: two on a phone, up to five on a wide screen. */
const GRID_SIZES = '(min-width: 64rem) 14rem, (min-width: 40rem) 30vw, 45vw';

/**
 * The media library: an upload form that works without JavaScript (the file with its required alt
 * text, then a redirect), a search of the alt texts, captions and credits, and the pictures with their
 * alt text in a grid.
 */
export function MediaLibraryPage({ view }: { view: MediaLibraryView }) {
  const problems = view.problems;
  return (
    <>
      <h1 class="page-title">الوسائط</h1>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <section class="newsroom-panel" aria-labelledby="upload-title">
        <h2 id="upload-title">ارفع صورة</h2>
        <ErrorSummary problems={problems} fieldIds={{ file: 'media-file', alt: 'media-alt', caption: 'media-caption', credit: 'media-credit' }} />
        <form method="post" action="/newsroom/media" enctype="multipart/form-data" class="newsroom-form media-upload-form">
          {/* First, so that the form's token is read before the bytes of the picture. */}
          <CsrfField token={view.csrfToken} />
          <Field id="media-alt" name="alt" label="النص البديل (مطلوب)" hint="صِف ما في الصورة لمن لا يراها، في جملة قصيرة." required maxLength={view.limits.altMax} value={view.values.alt} error={problems?.fields?.alt} autocomplete="off" dir="auto" />
          <Field id="media-caption" name="caption" label="التعليق" maxLength={view.limits.captionMax} value={view.values.caption} error={problems?.fields?.caption} autocomplete="off" dir="auto" />
          <Field id="media-credit" name="credit" label="المصدر أو المصوّر" maxLength={view.limits.creditMax} value={view.values.credit} error={problems?.fields?.credit} autocomplete="off" dir="auto" />
          <div class={problems?.fields?.file ? 'field field-invalid' : 'field'}>
            <label for="media-file">الملف</label>
            <p class="field-hint" id="media-file-hint">
              JPEG أو PNG أو WebP أو AVIF، حتى 20 ميغابايت. تُحذف بيانات الصورة الوصفية (ومنها الموقع الجغرافي) قبل النشر.
            </p>
            {problems?.fields?.file ? (
              <p class="field-error" id="media-file-error">
                {problems.fields.file}
              </p>
            ) : null}
            <input
              id="media-file"
              name="file"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              required
              aria-describedby={problems?.fields?.file ? 'media-file-hint media-file-error' : 'media-file-hint'}
              aria-invalid={problems?.fields?.file ? 'true' : undefined}
            />
          </div>
          <button type="submit" class="button">
            ارفع الصورة
          </button>
        </form>
      </section>

      <section aria-labelledby="library-title" class="media-library-section">
        <h2 id="library-title">المكتبة</h2>
        <form method="get" action="/newsroom/media" class="inline-form media-search-form" role="search">
          <label for="media-q">ابحث في النص البديل والتعليق والمصدر</label>
          <input id="media-q" name="q" type="search" value={view.q} maxLength={100} autocomplete="off" />
          <button type="submit" class="button-quiet">
            ابحث
          </button>
        </form>
        <p class="media-total" role="status">
          {view.total === 0 ? (view.q ? 'لا صور تطابق البحث.' : 'لا صور في المكتبة بعد.') : `${view.total} صورة`}
        </p>
        {view.items.length > 0 ? (
          <ul class="media-library-grid">
            {view.items.map((item) => (
              <li key={item.id} id={`media-${item.id}`} class="media-library-item">
                <figure>
                  <ResponsiveImage image={item.image} alt={item.image.alt} sizes={GRID_SIZES} />
                  <figcaption>
                    <p class="media-alt">
                      <span class="visually-hidden">النص البديل: </span>
                      {item.image.alt}
                    </p>
                    {item.image.caption ? <p class="media-caption">{item.image.caption}</p> : null}
                    {item.image.credit ? (
                      <p class="media-credit">
                        المصدر: <bdi>{item.image.credit}</bdi>
                      </p>
                    ) : null}
                    <p class="media-facts">
                      <span dir="ltr">
                        {item.image.width}×{item.image.height}
                      </span>{' '}
                      · رقم {item.id} · <DualDate date={item.createdAt} style={view.dateStyle} />
                    </p>
                  </figcaption>
                </figure>
                {view.canDelete ? (
                  <form method="post" action={`/newsroom/media/${item.id}/delete`} class="inline-form">
                    <CsrfField token={view.csrfToken} />
                    <button type="submit" class="button-quiet button-danger" aria-label={`احذف الصورة رقم ${item.id}`}>
                      احذف
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {view.previousPath || view.nextPath ? (
          <nav class="media-pages" aria-label="صفحات المكتبة">
            {view.previousPath ? <a href={view.previousPath}>الصور الأحدث</a> : null}
            {view.nextPath ? <a href={view.nextPath}>الصور الأقدم</a> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

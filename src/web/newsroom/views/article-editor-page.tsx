import type { ArticleDraft, ArticleNote, NearDuplicate } from '../../../content/articles/article-desk.ts';
import type { ArticleStatus } from '../../../content/articles/article.ts';
import type { Section } from '../../../content/sections/section.ts';
import { formatDualDate, formatTime, type DateStyle } from '../../../arabic/dates.ts';
import { ArticleBody } from '../../components/article-body.tsx';
import { hrefFor } from '../../components/site-href.ts';
import type { ImageView } from '../../view-models.ts';
import { NOTE_KIND_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS } from './article-labels.ts';

/** Which buttons the signed-in person gets; the service refuses the others anyway. */
export interface EditorActions {
  save: boolean;
  submit: boolean;
  publish: boolean;
  schedule: boolean;
  unpublish: boolean;
  returnToDraft: boolean;
  addNote: boolean;
}

export interface ArticleEditorView {
  /** Null for a new article (created on its first save). */
  id: number | null;
  version: number;
  status: ArticleStatus;
  /** The reader's address of a published article. */
  readerPath: string | null;
  draft: ArticleDraft;
  /** The slug follows the headline until someone types one. */
  slugAuto: boolean;
  slug: string;
  sections: readonly Section[];
  actions: EditorActions;
  authorName: string | null;
  modifiedAt: Date | null;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  notes: readonly ArticleNote[];
  /** Stories the wire desk found to be the same one (published or drafted in the last 48 hours). */
  duplicates: readonly NearDuplicate[];
  /** What the last action did ("published"), for a confirmation. */
  done: string | null;
  dateStyle: DateStyle;
  /** The library images the body names, for the read-only body shown before the editor starts. */
  images: ReadonlyMap<number, ImageView>;
}

const DONE_MESSAGES: Record<string, string> = {
  submit: 'أُرسل المقال للمراجعة.',
  publish: 'نُشر المقال.',
  schedule: 'جُدول نشر المقال.',
  unpublish: 'أُلغي نشر المقال.',
  'return-to-draft': 'أُعيد المقال إلى المسودات.',
  notes: 'أضيفت الملاحظة إلى المقال.',
  restore: 'استُعيدت النسخة المختارة.',
  wire: 'أُنشئت مسودة من نص الوكالة.',
};

function when(date: Date, style: DateStyle): string {
  return `${formatDualDate(date, style)}، الساعة ${formatTime(date, style)}`;
}

/**
 * The article editor: headline, dek and body on the main column; status, workflow buttons, section,
 * tags, byline, source, slug and the featured image beside it (below it on a phone). The form works
 * with the newsroom script (TipTap, autosave); without it the page still shows the article and says
 * why it cannot be edited.
 */
export function ArticleEditorPage({ view }: { view: ArticleEditorView }) {
  const { draft, actions } = view;
  const readOnly = !actions.save;
  const clientDraft = { ...draft, slug: view.slugAuto ? null : view.slug };
  const doneMessage = view.done ? DONE_MESSAGES[view.done] : undefined;
  return (
    <>
      <div class="editor-heading">
        <h1 class="page-title">{view.id === null ? 'مقال جديد' : 'تحرير المقال'}</h1>
        <p class="editor-state">
          <span class={`status-badge status-${view.status}`}>{STATUS_LABELS[view.status]}</span>
          {view.authorName ? (
            <span>
              {' '}
              الكاتب: <bdi>{view.authorName}</bdi>
            </span>
          ) : null}
          {view.modifiedAt ? <span> · آخر تعديل {when(view.modifiedAt, view.dateStyle)}</span> : null}
          {view.status === 'scheduled' && view.scheduledAt ? <span> · موعد النشر {when(view.scheduledAt, view.dateStyle)}</span> : null}
        </p>
      </div>
      <noscript>
        <p class="notice notice-warning">
          محرر المقالات يحتاج إلى جافاسكربت: فعّلها في المتصفح لتعديل المقال وحفظه. المقال معروض أدناه للقراءة فقط.
        </p>
      </noscript>
      {doneMessage ? (
        <p class="notice notice-success" role="status">
          {doneMessage}
        </p>
      ) : null}
      {view.duplicates.length ? <DuplicatesNotice duplicates={view.duplicates} /> : null}
      <div id="editor-notice" class="notice" role="status" hidden></div>
      <div id="editor-alert" class="notice notice-error" role="alert" hidden></div>

      <form
        id="article-form"
        class="article-form"
        novalidate
        data-article-id={view.id === null ? '' : String(view.id)}
        data-version={String(view.version)}
        data-status={view.status}
        data-draft={JSON.stringify(clientDraft)}
        data-slug-auto={String(view.slugAuto)}
        data-readonly={String(readOnly)}
      >
        <div class="editor-main">
          <div class="field">
            <label for="headline">العنوان</label>
            <p class="field-error" data-error-for="headline"></p>
            <textarea id="headline" name="headline" rows={2} required maxLength={300} dir="auto" readOnly={readOnly} class="headline-input">
              {draft.headline}
            </textarea>
          </div>
          <div class="field">
            <label for="dek">الموجز</label>
            <p class="field-error" data-error-for="dek"></p>
            <textarea id="dek" name="dek" rows={2} maxLength={600} dir="auto" readOnly={readOnly}>
              {draft.dek ?? ''}
            </textarea>
          </div>
          <div class="field">
            <span class="field-label" id="body-label">
              نص المقال
            </span>
            <p class="field-error" data-error-for="body"></p>
            <div id="body-editor" class="body-editor" role="group" aria-labelledby="body-label">
              <div class="body-editor-static article-body" dir="rtl" lang="ar">
                <ArticleBody doc={draft.body} images={view.images} />
              </div>
            </div>
          </div>
        </div>

        <aside class="editor-side" aria-label="النشر وبيانات المقال">
          <section class="editor-panel" aria-labelledby="publish-title">
            <h2 id="publish-title">الحفظ والنشر</h2>
            {view.status === 'published' ? (
              <p class="field-hint">المقال منشور: لا يُحفظ تلقائياً، وتظهر تعديلاتك للقراء عند الحفظ.</p>
            ) : null}
            <p id="save-status" class="save-status" role="status" aria-live="polite"></p>
            <div class="editor-actions">
              {actions.save ? (
                <button type="submit" class="button" data-action="save">
                  {view.status === 'published' ? 'احفظ التعديلات على المنشور' : 'احفظ'}
                </button>
              ) : null}
              <button type="button" class="button" data-action="preview" data-needs-id hidden={view.id === null}>
                معاينة
              </button>
              {actions.submit ? (
                <button type="button" class="button-primary" data-action="submit">
                  أرسل للمراجعة
                </button>
              ) : null}
              {actions.publish ? (
                <button type="button" class="button-primary" data-action="publish">
                  {view.status === 'scheduled' ? 'انشر الآن' : view.status === 'unpublished' ? 'أعد النشر' : 'انشر'}
                </button>
              ) : null}
              {actions.unpublish ? (
                <button type="button" class="button" data-action="unpublish">
                  ألغِ النشر
                </button>
              ) : null}
              {actions.returnToDraft ? (
                <button type="button" class="button" data-action="return-to-draft">
                  أعد إلى المسودات
                </button>
              ) : null}
            </div>
            {actions.schedule ? (
              <div class="schedule-row">
                <label for="schedule-at">موعد النشر (بتوقيت جهازك)</label>
                <input id="schedule-at" type="datetime-local" dir="ltr" />
                <button type="button" class="button" data-action="schedule">
                  جدولة
                </button>
              </div>
            ) : null}
            <ul class="editor-links">
              {view.readerPath ? (
                <li>
                  <a href={hrefFor(view.readerPath)}>اعرضه على الموقع</a>
                </li>
              ) : null}
              <li data-needs-id hidden={view.id === null}>
                <a href={view.id === null ? '#' : `/newsroom/articles/${view.id}/revisions`}>النسخ السابقة</a>
              </li>
            </ul>
          </section>

          <section class="editor-panel" aria-labelledby="meta-title">
            <h2 id="meta-title">بيانات المقال</h2>
            <div class="field">
              <label for="sectionId">القسم</label>
              <p class="field-error" data-error-for="sectionId"></p>
              <select id="sectionId" name="sectionId" disabled={readOnly}>
                {view.sections.map((section) => (
                  <option key={section.id} value={String(section.id)} selected={section.id === draft.sectionId}>
                    {section.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="tags">الوسوم</label>
              <p class="field-hint" id="tags-hint">
                افصل بينها بفاصلة؛ الوسم الجديد يُنشأ عند الحفظ.
              </p>
              <p class="field-error" data-error-for="tags"></p>
              <input id="tags" name="tags" type="text" value={draft.tags.join('، ')} aria-describedby="tags-hint" readOnly={readOnly} />
            </div>
            <div class="field">
              <label for="byline">الكاتب (كما يظهر للقراء)</label>
              <p class="field-error" data-error-for="byline"></p>
              <input id="byline" name="byline" type="text" value={draft.byline ?? ''} maxLength={200} dir="auto" readOnly={readOnly} />
            </div>
            <div class="field">
              <label for="sourceKind">نوع المصدر</label>
              <select id="sourceKind" name="sourceKind" disabled={readOnly}>
                {(['staff', 'wires', 'other'] as const).map((kind) => (
                  <option key={kind} value={kind} selected={kind === draft.sourceKind}>
                    {SOURCE_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="slug">الرابط المختصر</label>
              <p class="field-hint" id="slug-hint">
                يُشتق من العنوان ما لم تكتبه بنفسك.
              </p>
              <p class="field-error" data-error-for="slug"></p>
              <input id="slug" name="slug" type="text" value={view.slug} maxLength={200} dir="auto" aria-describedby="slug-hint" readOnly={readOnly} />
            </div>
          </section>

          <section class="editor-panel" aria-labelledby="featured-title">
            <h2 id="featured-title">الصورة الرئيسية</h2>
            <div class="featured-preview">
              {draft.featuredMediaId ? <img src={`/media/${draft.featuredMediaId}/320.webp`} alt={draft.featuredAlt ?? ''} width={320} /> : null}
            </div>
            <input id="featuredMediaId" name="featuredMediaId" type="hidden" value={draft.featuredMediaId ? String(draft.featuredMediaId) : ''} />
            <div class="field">
              <label for="featuredAlt">النص البديل للصورة الرئيسية</label>
              <p class="field-error" data-error-for="featuredAlt"></p>
              <input id="featuredAlt" name="featuredAlt" type="text" value={draft.featuredAlt ?? ''} maxLength={300} readOnly={readOnly} />
            </div>
            {readOnly ? null : (
              <div class="editor-actions">
                <button type="button" class="button" data-pick-featured>
                  اختر صورة
                </button>
                <button type="button" class="button-quiet" data-remove-featured hidden={!draft.featuredMediaId}>
                  أزل الصورة
                </button>
              </div>
            )}
          </section>
        </aside>
      </form>

      {view.notes.length || actions.addNote ? <NotesPanel view={view} /> : null}
    </>
  );
}

function DuplicatesNotice({ duplicates }: { duplicates: readonly NearDuplicate[] }) {
  return (
    <section class="notice notice-warning duplicates-notice" aria-labelledby="duplicates-title" role="status">
      <h2 id="duplicates-title">قصة مشابهة نُشرت/حُفظت خلال 48 ساعة</h2>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <a href={`/newsroom/articles/${duplicate.id}`}>
              <bdi>{duplicate.headline}</bdi>
            </a>{' '}
            <span class={`status-badge status-${duplicate.status}`}>{STATUS_LABELS[duplicate.status]}</span>{' '}
            <span class="similarity">تشابه {Math.round(duplicate.similarity * 100)}٪</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NotesPanel({ view }: { view: ArticleEditorView }) {
  return (
    <section class="editor-panel notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">التصحيحات والتوضيحات والتحديثات</h2>
      {view.notes.length ? (
        <ol class="notes-list">
          {view.notes.map((note) => (
            <li key={note.id}>
              <strong>{NOTE_KIND_LABELS[note.kind]}</strong> <time datetime={note.createdAt.toISOString()}>{when(note.createdAt, view.dateStyle)}</time>
              <p>{note.text}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">لا ملاحظات على هذا المقال.</p>
      )}
      {view.actions.addNote && view.status === 'published' ? (
        <form data-note-form class="note-form">
          <div class="field">
            <label for="note-kind">النوع</label>
            <select id="note-kind" name="kind">
              {(['correction', 'clarification', 'update'] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {NOTE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="note-text">نص الملاحظة (يظهر للقراء مع وقته)</label>
            <textarea id="note-text" name="text" rows={3} maxLength={2000} required></textarea>
          </div>
          <p class="field-error" role="alert"></p>
          <button type="submit" class="button">
            أضف الملاحظة
          </button>
        </form>
      ) : null}
    </section>
  );
}

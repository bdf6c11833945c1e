import type { RevisionChange, RevisionInfo } from '../../../content/articles/article-desk.ts';
import { formatGregorianDate, formatTime, type DateStyle } from '../../../arabic/dates.ts';
import { CsrfField } from './form-parts.tsx';
import { DRAFT_FIELD_LABELS, REVISION_REASON_LABELS } from './article-labels.ts';

export interface RevisionsPageView {
  articleId: number;
  headline: string;
  version: number;
  revisions: readonly RevisionInfo[];
  mayRestore: boolean;
  csrfToken: string;
  dateStyle: DateStyle;
}

function stamp(date: Date, style: DateStyle): string {
  return `${formatGregorianDate(date, style)}، ${formatTime(date, style)}`;
}

/** Every saved revision of an article, newest first: pick two to compare, or restore one. */
export function RevisionsPage({ view }: { view: RevisionsPageView }) {
  const newest = view.revisions[0]?.number;
  const previous = view.revisions[1]?.number;
  return (
    <>
      <p class="back-link">
        <a href={`/newsroom/articles/${view.articleId}`}>العودة إلى المقال</a>
      </p>
      <h1 class="page-title">
        النسخ السابقة: <bdi>{view.headline}</bdi>
      </h1>
      {view.revisions.length === 0 ? (
        <p class="empty">لا نسخ محفوظة لهذا المقال.</p>
      ) : (
        <>
          <form method="get" action={`/newsroom/articles/${view.articleId}/compare`} class="revisions-compare" id="compare-form">
            <fieldset>
              <legend>قارن بين نسختين</legend>
              <div class="field">
                <label for="compare-from">من النسخة</label>
                <select id="compare-from" name="from">
                  {view.revisions.map((r) => (
                    <option key={r.number} value={String(r.number)} selected={r.number === (previous ?? newest)}>
                      {r.number}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="compare-to">إلى النسخة</label>
                <select id="compare-to" name="to">
                  {view.revisions.map((r) => (
                    <option key={r.number} value={String(r.number)} selected={r.number === newest}>
                      {r.number}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" class="button">
                قارن
              </button>
            </fieldset>
          </form>
          <div class="desk-table-wrap">
            <table class="desk-table revisions-table">
              <caption class="visually-hidden">النسخ المحفوظة، الأحدث أولاً</caption>
              <thead>
                <tr>
                  <th scope="col">النسخة</th>
                  <th scope="col">الوقت</th>
                  <th scope="col">بواسطة</th>
                  <th scope="col">العملية</th>
                  {view.mayRestore ? <th scope="col">استعادة</th> : null}
                </tr>
              </thead>
              <tbody>
                {view.revisions.map((r) => (
                  <tr key={r.number}>
                    <th scope="row">النسخة {r.number}</th>
                    <td data-label="الوقت">
                      <time datetime={r.createdAt.toISOString()}>{stamp(r.createdAt, view.dateStyle)}</time>
                    </td>
                    <td data-label="بواسطة">
                      <bdi>{r.userName ?? '—'}</bdi>
                    </td>
                    <td data-label="العملية">{REVISION_REASON_LABELS[r.reason]}</td>
                    {view.mayRestore ? (
                      <td data-label="استعادة">
                        {r.number === newest ? (
                          'الحالية'
                        ) : (
                          <form method="post" action={`/newsroom/articles/${view.articleId}/restore`} class="inline-form">
                            <CsrfField token={view.csrfToken} />
                            <input type="hidden" name="number" value={String(r.number)} />
                            <input type="hidden" name="version" value={String(view.version)} />
                            <button type="submit" class="button-quiet" aria-label={`استعد النسخة ${r.number}`}>
                              استعد
                            </button>
                          </form>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export interface ComparePageView {
  articleId: number;
  headline: string;
  from: number;
  to: number;
  changes: readonly RevisionChange[];
}

/** What changed between two revisions, field by field; the body paragraph by paragraph. */
export function ComparePage({ view }: { view: ComparePageView }) {
  return (
    <>
      <p class="back-link">
        <a href={`/newsroom/articles/${view.articleId}/revisions`}>العودة إلى النسخ</a>
      </p>
      <h1 class="page-title">
        الفرق بين النسخة {view.from} والنسخة {view.to}
      </h1>
      <p class="page-kicker">
        <bdi>{view.headline}</bdi>
      </p>
      {view.changes.length === 0 ? (
        <p class="empty">النسختان متطابقتان.</p>
      ) : (
        <dl class="revision-changes">
          {view.changes.map((change) =>
            change.field === 'body' ? (
              <div key="body" class="revision-change">
                <dt>{DRAFT_FIELD_LABELS.body}</dt>
                <dd>
                  {change.paragraphs.map((p, i) =>
                    p.kind === 'added' ? (
                      <ins key={i} class="diff-added">
                        <span class="visually-hidden">أضيفت: </span>
                        {p.text}
                      </ins>
                    ) : p.kind === 'removed' ? (
                      <del key={i} class="diff-removed">
                        <span class="visually-hidden">حُذفت: </span>
                        {p.text}
                      </del>
                    ) : (
                      <p key={i} class="diff-same">
                        {p.text}
                      </p>
                    ),
                  )}
                </dd>
              </div>
            ) : (
              <div key={change.field} class="revision-change">
                <dt>{DRAFT_FIELD_LABELS[change.field]}</dt>
                <dd>
                  <del class="diff-removed">
                    <span class="visually-hidden">قبل: </span>
                    {change.before || '—'}
                  </del>
                  <ins class="diff-added">
                    <span class="visually-hidden">بعد: </span>
                    {change.after || '—'}
                  </ins>
                </dd>
              </div>
            ),
          )}
        </dl>
      )}
    </>
  );
}

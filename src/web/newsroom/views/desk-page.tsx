import type { DeskItem, DeskList } from '../../../content/articles/article-desk.ts';
import type { ArticleStatus } from '../../../content/articles/article.ts';
import type { Section } from '../../../content/sections/section.ts';
import { formatGregorianDate, formatTime, type DateStyle } from '../../../arabic/dates.ts';
import { DESK_LIST_LABELS, STATUS_LABELS } from './article-labels.ts';

export interface DeskPageView {
  list: DeskList;
  q: string;
  sectionId: number | null;
  status: ArticleStatus | null;
  page: number;
  pageSize: number;
  items: readonly DeskItem[];
  total: number;
  sections: readonly Section[];
  dateStyle: DateStyle;
}

export const DESK_LISTS: readonly DeskList[] = ['mine', 'review', 'scheduled', 'published-today', 'all'];

/** A desk URL with these filters (empty ones left out). */
export function deskHref(filter: { list: DeskList; q?: string; sectionId?: number | null; status?: string | null; page?: number }): string {
  const params = new URLSearchParams({ list: filter.list });
  if (filter.q) params.set('q', filter.q);
  if (filter.sectionId) params.set('section', String(filter.sectionId));
  if (filter.status) params.set('status', filter.status);
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  return `/newsroom?${params}`;
}

function shortDate(date: Date, style: DateStyle): string {
  return `${formatGregorianDate(date, style)}، ${formatTime(date, style)}`;
}

/** The desk: the lists as tabs, a filter form, the articles as a table, and pages. */
export function DeskPage({ view }: { view: DeskPageView }) {
  const sectionName = new Map(view.sections.map((s) => [s.id, s.name]));
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const filters = { list: view.list, q: view.q, sectionId: view.sectionId, status: view.status };
  return (
    <>
      <div class="desk-heading">
        <h1 class="page-title">{DESK_LIST_LABELS[view.list]}</h1>
        <p class="desk-new">
          <a class="button-primary" href="/newsroom/articles/new">
            مقال جديد
          </a>{' '}
          <a class="button" href="/newsroom/wire">
            من نص وكالة
          </a>
        </p>
      </div>
      <nav class="desk-tabs" aria-label="قوائم المكتب">
        <ul>
          {DESK_LISTS.map((list) => (
            <li key={list}>
              <a href={deskHref({ ...filters, list, page: 1 })} aria-current={list === view.list ? 'page' : undefined}>
                {DESK_LIST_LABELS[list]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="desk-filter" method="get" action="/newsroom" role="search" aria-label="تصفية المقالات">
        <input type="hidden" name="list" value={view.list} />
        <div class="field">
          <label for="desk-q">بحث في العناوين</label>
          <input id="desk-q" name="q" type="search" value={view.q} maxLength={200} />
        </div>
        <div class="field">
          <label for="desk-section">القسم</label>
          <select id="desk-section" name="section">
            <option value="">كل الأقسام</option>
            {view.sections.map((section) => (
              <option key={section.id} value={String(section.id)} selected={section.id === view.sectionId}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="desk-status">الحالة</label>
          <select id="desk-status" name="status">
            <option value="">كل الحالات</option>
            {(Object.keys(STATUS_LABELS) as ArticleStatus[]).map((status) => (
              <option key={status} value={status} selected={status === view.status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          اعرض
        </button>
      </form>
      <p class="desk-count" role="status">
        {view.total === 0 ? 'لا مقالات في هذه القائمة.' : `${view.total} مقالاً، الصفحة ${view.page} من ${pages}`}
      </p>
      {view.items.length ? (
        <div class="desk-table-wrap">
          <table class="desk-table">
            <caption class="visually-hidden">{DESK_LIST_LABELS[view.list]}</caption>
            <thead>
              <tr>
                <th scope="col">العنوان</th>
                <th scope="col">الحالة</th>
                <th scope="col">القسم</th>
                <th scope="col">الكاتب</th>
                <th scope="col">آخر تعديل</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <a href={`/newsroom/articles/${item.id}`}>
                      <bdi>{item.headline}</bdi>
                    </a>
                  </th>
                  <td data-label="الحالة">
                    <span class={`status-badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
                    {item.status === 'scheduled' && item.scheduledAt ? (
                      <span class="desk-when"> {shortDate(item.scheduledAt, view.dateStyle)}</span>
                    ) : null}
                    {item.status === 'published' && item.publishedAt ? (
                      <span class="desk-when"> {shortDate(item.publishedAt, view.dateStyle)}</span>
                    ) : null}
                  </td>
                  <td data-label="القسم">{sectionName.get(item.sectionId) ?? ''}</td>
                  <td data-label="الكاتب">
                    <bdi>{item.authorName ?? '—'}</bdi>
                  </td>
                  <td data-label="آخر تعديل">
                    <time datetime={item.modifiedAt.toISOString()}>{shortDate(item.modifiedAt, view.dateStyle)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? (
        <nav class="desk-pages" aria-label="صفحات القائمة">
          {view.page > 1 ? (
            <a class="button" href={deskHref({ ...filters, page: view.page - 1 })} rel="prev">
              الصفحة السابقة
            </a>
          ) : null}
          {view.page < pages ? (
            <a class="button" href={deskHref({ ...filters, page: view.page + 1 })} rel="next">
              الصفحة التالية
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

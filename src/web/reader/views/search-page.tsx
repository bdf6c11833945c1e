import { renderToString } from 'preact-render-to-string';
import { LoadMore } from '../../components/load-more.tsx';
import { SearchResultItems } from '../../components/search-result.tsx';
import { hrefFor } from '../../components/site-href.ts';
import type { SearchPageView, SiteView } from '../../view-models.ts';

/** "N نتيجة" with Arabic number agreement: واحدة, the dual, 3–10 plural, 11+ singular. */
export function resultCount(n: number): string {
  if (n === 1) return 'نتيجة واحدة';
  if (n === 2) return 'نتيجتان';
  if (n >= 3 && n <= 10) return `${n} نتائج`;
  return `${n} نتيجة`;
}

/** The search page: the form, the count, the results with "اظهر المزيد", or advice when nothing matched. */
export function SearchPage({ site, view }: { site: SiteView; view: SearchPageView }) {
  const searched = view.query !== '';
  return (
    <div class="list-page search-page">
      <header class="page-header">
        <h1 class="page-title">{searched ? `نتائج البحث عن «${view.query}»` : 'البحث'}</h1>
      </header>
      <form class="search-form" role="search" action="/search" method="get">
        <label for="search-q">كلمات البحث</label>
        <input id="search-q" type="search" name="q" value={view.query} maxLength={300} dir="auto" autocomplete="off" />
        <label for="search-section">القسم</label>
        <select id="search-section" name="section">
          <option value="">كل الأقسام</option>
          {site.sections.map((section) => (
            <option key={section.slug} value={section.slug} selected={section.slug === view.sectionSlug}>
              {section.name}
            </option>
          ))}
        </select>
        <button type="submit">ابحث</button>
      </form>
      {view.message ? <p class="search-message" role="status">{view.message}</p> : null}
      {searched && !view.message ? (
        <p class="search-count" role="status">
          {view.total === 0 ? 'لم نجد نتائج.' : view.totalIsLowerBound ? `وجدنا أكثر من ${view.total - 1} نتيجة.` : `وجدنا ${resultCount(view.total)}.`}
          {view.total > 0 && view.mode === 'any'
            ? view.allTotal === 0
              ? ' لا يضم أيّ مقال كل الكلمات؛ هذه مقالات تضم بعضها.'
              : ` تضم الأولى منها (${view.allTotal}) كل الكلمات، وتليها مقالات تضم بعضها.`
            : ''}
        </p>
      ) : null}
      {view.results.length > 0 ? (
        <div class="card-feed">
          <ol class="card-list">
            <SearchResultItems results={view.results} site={site} />
          </ol>
          <LoadMore nextPath={view.nextPath} nextFragmentPath={view.nextFragmentPath} />
        </div>
      ) : searched ? (
        <div class="search-empty">
          <h2>اقتراحات</h2>
          <ul>
            <li>تأكد من كتابة الكلمات كما تُكتب عادة؛ لا حاجة إلى التشكيل أو الهمزات.</li>
            <li>جرّب كلمات أقل أو أعمّ، أو اسماً واحداً مثل «لافروف» أو «بيونغ يانغ».</li>
            {view.sectionSlug ? (
              <li>
                <a href={hrefFor(`/search?q=${encodeURIComponent(view.query)}`)}>ابحث في كل الأقسام</a>
              </li>
            ) : null}
            <li>
              أو تصفح الأقسام:{' '}
              {site.sections.map((section, i) => (
                <span key={section.slug}>
                  {i > 0 ? '، ' : ''}
                  <a href={hrefFor(section.path)}>{section.name}</a>
                </span>
              ))}
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** The next search results as `<li>` items for the load-more script. */
export function renderSearchFragment(view: SearchPageView, site: SiteView): string {
  return renderToString(<SearchResultItems results={view.results} site={site} />);
}

import type { SnippetPart } from '../../content/search/search-query.ts';
import type { SearchResultCard, SiteView } from '../view-models.ts';
import { formatDualDate } from '../../arabic/dates.ts';
import { Byline } from './byline.tsx';
import { hrefFor } from './site-href.ts';

/** Text with the query's words in <mark>, as written in the article. */
export function Marked({ parts }: { parts: readonly SnippetPart[] }) {
  return <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** The `<li>` items of search results (shared by the page and the load-more fragment). */
export function SearchResultItems({ results, site }: { results: readonly SearchResultCard[]; site: SiteView }) {
  return (
    <>
      {results.map((result) => (
        <li key={result.id}>
          <article class="card search-result">
            <span class="card-section">{result.section.name}</span>
            <h2 class="card-title">
              <a href={hrefFor(result.path)}>
                <Marked parts={result.headlineParts} />
              </a>
            </h2>
            {result.snippet.length ? (
              <p class="snippet">
                <Marked parts={result.snippet} />
              </p>
            ) : null}
            <p class="card-meta">
              <Byline byline={result.byline} sourceKind={result.sourceKind} />
              <time datetime={result.publishedAt.toISOString()}>{formatDualDate(result.publishedAt, site.dateStyle)}</time>
            </p>
          </article>
        </li>
      ))}
    </>
  );
}

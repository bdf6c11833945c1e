import { ArticleBody } from '../../components/article-body.tsx';
import { Byline } from '../../components/byline.tsx';
import { DualDate } from '../../components/dual-date.tsx';
import { RelatedArticles } from '../../components/related-articles.tsx';
import { ShareLinks } from '../../components/share-links.tsx';
import { absoluteUrl, hrefFor } from '../../components/site-href.ts';
import type { ArticlePageView, SiteView } from '../../view-models.ts';

/** An article: section label, headline, dek, byline, dates, body, tags, share links, related. */
export function ArticlePage({ site, view }: { site: SiteView; view: ArticlePageView }) {
  const style = site.dateStyle;
  const dek = view.dek?.trim();
  return (
    <>
      <article class="article">
        <header class="article-header">
          <a class="section-label" href={hrefFor(view.section.path)}>
            {view.section.name}
          </a>
          <h1 class="headline">{view.headline}</h1>
          {dek ? <p class="dek">{dek}</p> : null}
          <div class="article-meta">
            <Byline byline={view.byline} sourceKind={view.sourceKind} as="p" />
            <p class="dates">
              <DualDate class="published" date={view.publishedAt} style={style} withTime />
            </p>
            {view.updatedAt ? (
              <p class="updated">
                آخر تحديث: <DualDate date={view.updatedAt} style={style} withTime />
              </p>
            ) : null}
          </div>
        </header>
        <div class="article-body">
          <ArticleBody doc={view.body} />
        </div>
        <footer class="article-footer">
          {view.tags.length ? (
            <h2 class="visually-hidden">الوسوم</h2>
          ) : null}
          {view.tags.length ? (
            <ul class="tags">
              {view.tags.map((tag) => (
                <li key={tag.slug}>
                  <a href={hrefFor(tag.path)} rel="tag">
                    {tag.name}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <ShareLinks url={absoluteUrl(site.url, view.path)} title={view.headline} />
        </footer>
      </article>
      <RelatedArticles cards={view.related} site={site} />
    </>
  );
}

import { ArticleBody } from '../../components/article-body.tsx';
import { Byline } from '../../components/byline.tsx';
import { DualDate } from '../../components/dual-date.tsx';
import { ImageFigure } from '../../components/responsive-image.tsx';
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
        {view.featuredImage ? (
          <ImageFigure
            class="featured-image"
            image={view.featuredImage}
            alt={view.featuredImage.alt}
            caption={view.featuredImage.caption}
            credit={view.featuredImage.credit}
            priority
          />
        ) : null}
        <div class="article-body">
          <ArticleBody doc={view.body} images={view.images} />
        </div>
        {view.notes?.length ? (
          <section class="article-notes" aria-labelledby="article-notes-title">
            <h2 id="article-notes-title">تصحيحات وتحديثات</h2>
            <ul>
              {view.notes.map((note) => (
                <li class={`note note-${note.kind}`} key={note.createdAt.getTime()}>
                  <p class="note-meta">
                    <strong class="note-kind">{note.label}</strong>{' '}
                    <DualDate date={note.createdAt} style={style} withTime />
                  </p>
                  <p class="note-text" dir="auto">
                    {note.text}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
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

import { ArticleCard } from '../../components/article-card.tsx';
import { CardList } from '../../components/card-list.tsx';
import { hrefFor } from '../../components/site-href.ts';
import type { HomePageView, SiteView } from '../../view-models.ts';

/** The front page: the lead story, the latest stories, then one block per section. */
export function HomePage({ site, view }: { site: SiteView; view: HomePageView }) {
  return (
    <>
      <h1 class="visually-hidden">{site.name}</h1>
      <div class="home-top">
        {view.lead ? (
          <section class="lead" aria-labelledby="lead-heading">
            <h2 id="lead-heading" class="visually-hidden">
              الخبر الرئيسي
            </h2>
            <ArticleCard card={view.lead} site={site} lead showDek />
          </section>
        ) : null}
        {view.latest.length ? (
          <section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="block-title">
              آخر الأخبار
            </h2>
            <CardList cards={view.latest} site={site} />
          </section>
        ) : null}
      </div>
      {view.sectionBlocks.length ? (
        <div class="section-blocks">
          {view.sectionBlocks.map(({ section, cards }, i) =>
            cards.length ? (
              <section key={section.slug} class="section-block" data-section={section.slug} aria-labelledby={`block-${i}`}>
                <h2 id={`block-${i}`} class="block-title">
                  <a href={hrefFor(section.path)}>{section.name}</a>
                </h2>
                <CardList cards={cards} site={site} headingLevel={3} />
                <a class="more-link" href={hrefFor(section.path)}>
                  المزيد من {section.name}
                </a>
              </section>
            ) : null,
          )}
        </div>
      ) : null}
    </>
  );
}

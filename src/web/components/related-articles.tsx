import type { ArticleCard as ArticleCardData, SiteView } from '../view-models.ts';
import { CardList } from './card-list.tsx';

interface RelatedArticlesProps {
  cards: readonly ArticleCardData[];
  site: SiteView;
}

/** "مقالات ذات صلة" under an article; nothing at all when there is nothing related. */
export function RelatedArticles({ cards, site }: RelatedArticlesProps) {
  if (cards.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-heading">
      <h2 id="related-heading" class="block-title">
        مقالات ذات صلة
      </h2>
      <CardList cards={cards} site={site} headingLevel={3} />
    </section>
  );
}

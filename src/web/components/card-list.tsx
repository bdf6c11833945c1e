import type { ArticleCard as ArticleCardData, CardPage, SiteView } from '../view-models.ts';
import { ArticleCard } from './article-card.tsx';
import { LoadMore } from './load-more.tsx';

interface CardItemsProps {
  cards: readonly ArticleCardData[];
  site: SiteView;
  headingLevel?: 2 | 3;
  showDek?: boolean;
}

/** The `<li>` items of a card list, without the list: shared by pages and the load-more fragment. */
export function CardItems({ cards, site, headingLevel = 2, showDek = false }: CardItemsProps) {
  return (
    <>
      {cards.map((card) => (
        <li key={card.id}>
          <ArticleCard card={card} site={site} headingLevel={headingLevel} showDek={showDek} />
        </li>
      ))}
    </>
  );
}

/** An ordered list of article cards. */
export function CardList(props: CardItemsProps) {
  return (
    <ol class="card-list">
      <CardItems {...props} />
    </ol>
  );
}

interface CardFeedProps {
  list: CardPage;
  site: SiteView;
  emptyText: string;
}

/**
 * A list that grows with "اظهر المزيد": the cards, then the load-more link. The wrapper is what the
 * load-more script looks up from the link to find the list and the live region.
 */
export function CardFeed({ list, site, emptyText }: CardFeedProps) {
  if (list.cards.length === 0) return <p class="empty">{emptyText}</p>;
  return (
    <div class="card-feed">
      <CardList cards={list.cards} site={site} showDek />
      <LoadMore nextPath={list.nextPath} nextFragmentPath={list.nextFragmentPath} />
    </div>
  );
}

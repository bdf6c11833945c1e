import { formatDualDate, formatRelative, formatTime } from '../../arabic/dates.ts';
import type { ArticleCard as ArticleCardData, SiteView } from '../view-models.ts';
import { Byline } from './byline.tsx';
import { hrefFor } from './site-href.ts';

interface ArticleCardProps {
  card: ArticleCardData;
  site: SiteView;
  /** 2 in page-level lists, 3 inside blocks that have their own h2. */
  headingLevel?: 2 | 3;
  showDek?: boolean;
  /** The home page's lead story: larger type. */
  lead?: boolean;
}

/**
 * One story in a list: section, headline link, optional dek, byline and a short relative date.
 * The headline link stretches over the whole card in CSS, so the card is one large tap target and
 * one tab stop.
 */
export function ArticleCard({ card, site, headingLevel = 2, showDek = false, lead = false }: ArticleCardProps) {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const style = site.dateStyle;
  const dek = showDek ? card.dek?.trim() : '';
  return (
    <article class={lead ? 'card card-lead' : 'card'}>
      <span class="card-section">{card.section.name}</span>
      <Heading class="card-title">
        <a href={hrefFor(card.path)}>{card.headline}</a>
      </Heading>
      {dek ? <p class="card-dek">{dek}</p> : null}
      <p class="card-meta">
        <Byline byline={card.byline} sourceKind={card.sourceKind} />
        <time
          datetime={card.publishedAt.toISOString()}
          title={`${formatDualDate(card.publishedAt, style)}، ${formatTime(card.publishedAt, style)}`}
        >
          {formatRelative(card.publishedAt, site.now, style)}
        </time>
      </p>
    </article>
  );
}

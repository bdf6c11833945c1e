import type { ArticleSummary } from '../../content/articles/article.ts';
import type { ArticleService, ListFilter } from '../../content/articles/articles.service.ts';
import type { Section } from '../../content/sections/section.ts';
import type { ArticleCard, CardPage, SectionLink } from '../view-models.ts';
import { paths } from '../../content/paths.ts';

/** Cards per page of a list; "اظهر المزيد" brings this many more. */
export const CARDS_PER_PAGE = 12;
/** Reader lists stop here; deeper pages are for the API and search. */
export const MAX_PAGE = 500;

/** The link data of a section. */
export function sectionLink(section: Section): SectionLink {
  return { slug: section.slug, name: section.name, path: paths.section(section.slug) };
}

/** Card data for summaries; summaries whose section is unknown are dropped. */
export function toCards(summaries: readonly ArticleSummary[], sections: readonly Section[]): ArticleCard[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  return summaries.flatMap((s) => {
    const section = byId.get(s.sectionId);
    if (!section) return [];
    return [
      {
        id: s.id,
        path: paths.article(s),
        headline: s.headline,
        dek: s.dek,
        byline: s.byline,
        sourceKind: s.sourceKind,
        section: sectionLink(section),
        publishedAt: s.publishedAt,
      },
    ];
  });
}

/** One page of a list of cards, with the links to the next page for readers and for the script. */
export async function cardPage(
  articles: ArticleService,
  sections: readonly Section[],
  filter: ListFilter,
  basePath: string,
  pageNumber: number,
): Promise<CardPage> {
  const rows = await articles.listPage(filter, { limit: CARDS_PER_PAGE + 1, offset: (pageNumber - 1) * CARDS_PER_PAGE });
  const hasNext = rows.length > CARDS_PER_PAGE && pageNumber < MAX_PAGE;
  return {
    cards: toCards(rows.slice(0, CARDS_PER_PAGE), sections),
    nextPath: hasNext ? `${basePath}?page=${pageNumber + 1}` : null,
    nextFragmentPath: hasNext ? `${basePath}?page=${pageNumber + 1}&fragment=1` : null,
    pageNumber,
  };
}

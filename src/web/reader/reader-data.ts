import type { Article, ArticleSummary } from '../../content/articles/article.ts';
import type { ArticleService, ListFilter } from '../../content/articles/articles.service.ts';
import type { Section } from '../../content/sections/section.ts';
import type { ArticleCard, ArticleNoteView, ArticlePageView, CardPage, ImageView, PageMeta, SectionLink } from '../view-models.ts';
import type { ArticleNote } from '../../content/articles/article-desk.ts';
import { paths } from '../../content/paths.ts';
import { mediaVariantPath, type MediaItem } from '../../content/media/media.ts';
import type { MediaService } from '../../content/media/media.service.ts';
import type { ArticleDocument } from '../../content/articles/article-document.ts';

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

/** The widest variant og:image uses (social cards are at most about this wide). */
const SHARE_WIDTH = 1024;
/** The variant browsers without srcset get. */
const FALLBACK_WIDTH = 1024;

/** A library image as views draw it: variant URLs, intrinsic size and the library's texts. */
export function imageView(item: MediaItem): ImageView {
  const widths = item.widths.length > 0 ? item.widths : [item.width];
  const srcset = (format: 'avif' | 'webp') => widths.map((w) => `${mediaVariantPath(item.id, w, format)} ${w}w`).join(', ');
  const upTo = (limit: number) => widths.filter((w) => w <= limit).at(-1) ?? widths[0]!;
  const share = upTo(SHARE_WIDTH);
  return {
    src: mediaVariantPath(item.id, upTo(FALLBACK_WIDTH), 'webp'),
    avifSrcset: srcset('avif'),
    webpSrcset: srcset('webp'),
    width: item.width,
    height: item.height,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    shareSrc: mediaVariantPath(item.id, share, 'webp'),
    shareWidth: share,
    shareHeight: Math.max(1, Math.round((item.height * share) / item.width)),
  };
}

/** Media ids named by image nodes anywhere in a document (inside quotations and lists too). */
function documentMediaIds(doc: ArticleDocument): number[] {
  const ids: number[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; attrs?: { mediaId?: unknown }; content?: unknown };
    if (record.type === 'image' && typeof record.attrs?.mediaId === 'number') ids.push(record.attrs.mediaId);
    if (Array.isArray(record.content)) record.content.forEach(walk);
  };
  walk(doc);
  return ids;
}

/**
 * The images an article page draws: the featured image (with the article's own alt text when it
 * has one) and the images its body names, by media id, fetched in one query.
 */
export async function articleImages(
  media: MediaService,
  article: { body: ArticleDocument; featuredMediaId: number | null; featuredAlt: string | null },
): Promise<{ featuredImage: ImageView | null; images: Map<number, ImageView> }> {
  const ids = documentMediaIds(article.body);
  if (article.featuredMediaId !== null) ids.push(article.featuredMediaId);
  if (ids.length === 0) return { featuredImage: null, images: new Map() };
  const items = await media.byIds(ids);
  const images = new Map([...items].map(([id, item]) => [id, imageView(item)]));
  const featured = article.featuredMediaId === null ? undefined : images.get(article.featuredMediaId);
  const featuredAlt = article.featuredAlt?.trim();
  return { featuredImage: featured ? { ...featured, alt: featuredAlt || featured.alt } : null, images };
}

const NOTE_LABELS: Record<ArticleNote['kind'], string> = { correction: 'تصحيح', clarification: 'توضيح', update: 'تحديث' };

/** An article's notes as the page shows them: label, text and time, oldest first. */
export function noteViews(notes: readonly ArticleNote[]): ArticleNoteView[] {
  return notes.map((note) => ({ kind: note.kind, label: NOTE_LABELS[note.kind], text: note.text, createdAt: note.createdAt }));
}

/** What an article page shows besides the article itself. */
export interface ArticlePageParts {
  section: Section;
  tags: readonly { slug: string; name: string }[];
  related: ArticleCard[];
  images: { featuredImage: ImageView | null; images: Map<number, ImageView> };
  notes: readonly ArticleNote[];
  siteName: string;
  /** The time shown as the publication time (a preview of a draft has none yet). */
  publishedAt: Date;
  updatedAt: Date | null;
  /** A preview: kept out of search engines and without article:* tags. */
  preview?: boolean;
}

/** The article page's view and head tags: one builder for the reader's page and the newsroom's preview, so they cannot drift. */
export function articlePage(article: Article, parts: ArticlePageParts): { view: ArticlePageView; meta: PageMeta } {
  const { featuredImage, images } = parts.images;
  const view: ArticlePageView = {
    id: article.id,
    path: paths.article(article),
    headline: article.headline,
    dek: article.dek,
    byline: article.byline,
    sourceKind: article.sourceKind,
    section: sectionLink(parts.section),
    tags: parts.tags.map((t) => ({ slug: t.slug, name: t.name, path: paths.tag(t.slug) })),
    body: article.body,
    publishedAt: parts.publishedAt,
    updatedAt: parts.updatedAt,
    related: parts.related,
    featuredImage,
    images,
    notes: noteViews(parts.notes),
  };
  const meta: PageMeta = {
    title: `${article.headline} — ${parts.siteName}`,
    description: article.dek ?? truncate(article.bodyText, 200),
    canonicalPath: view.path,
    ogType: 'article',
    ...(parts.preview
      ? { noindex: true }
      : {
          article: {
            publishedTime: parts.publishedAt.toISOString(),
            modifiedTime: parts.updatedAt?.toISOString() ?? null,
            section: parts.section.name,
            tags: view.tags.map((t) => t.name),
          },
        }),
    ...(featuredImage
      ? { image: { path: featuredImage.shareSrc, width: featuredImage.shareWidth, height: featuredImage.shareHeight, alt: featuredImage.alt } }
      : {}),
  };
  return { view, meta };
}

/** The first `max` characters of a text, cut at a word, with an ellipsis. */
function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

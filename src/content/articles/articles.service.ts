import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { normalizeForMatch, stripInvisibleControls } from '../../arabic/normalize.ts';
import { slugify } from '../../arabic/slug.ts';
import type { Clock } from '../clock.ts';
import type { ContentEvents } from '../content-events.ts';
import type { RelatedService } from '../related/related.service.ts';
import type { SearchIndexer } from '../search/search-indexer.ts';
import type { TagService } from '../tags/tags.service.ts';
import { documentParagraphs, type ArticleDocument } from './article-document.ts';
import { ARTICLE_LIMITS, type Article, type ArticleSummary, type CreateArticleResult, type NewArticleInput } from './article.ts';
import {
  countAllArticles,
  countPublished,
  findArticleByContentHash,
  findArticleById,
  insertArticle,
  listPublishedAfter,
  listPublishedByOffset,
  listPublishedTexts,
  searchSourcesByIds,
  summariesByIds,
  summariesWithBodiesByIds,
  type ListPosition,
} from './articles.repository.ts';

/** Which published articles a list shows. */
export interface ListFilter {
  sectionId?: number;
  tagId?: number;
  excludeIds?: readonly number[];
}

export interface ArticleService {
  /** Saves a new article with its tags, terms and related list in one transaction; the same text twice is not saved again. */
  create(input: NewArticleInput): Promise<CreateArticleResult>;
  /** A published article; throws ARTICLE_NOT_FOUND for unknown or unpublished ones. */
  getPublished(id: number): Promise<Article>;
  listPage(filter: ListFilter, page: { limit: number; offset: number }): Promise<ArticleSummary[]>;
  /** Keyset pagination for the API; `cursor` is opaque to clients. */
  listByCursor(filter: ListFilter, page: { limit: number; cursor: string | null }): Promise<{ items: ArticleSummary[]; nextCursor: string | null }>;
  countPublished(filter: ListFilter): Promise<number>;
  /** Published summaries of these ids, in that order (unpublished ones left out). */
  summaries(ids: readonly number[]): Promise<ArticleSummary[]>;
  /** Published summaries of these ids with their body texts, in that order, in one query (a page of search results). */
  summariesWithBodies(ids: readonly number[]): Promise<{ summary: ArticleSummary; bodyText: string }[]>;
  /** What the search index reads of these articles (rebuilding the index). */
  searchSources(ids: readonly number[]): Promise<{ id: number; headline: string; dek: string | null; bodyText: string }[]>;
  /** The related articles of one article, best first. */
  related(articleId: number): Promise<ArticleSummary[]>;
  /** Recomputes every published article's related list (after a bulk import). */
  refreshAllRelated(): Promise<number>;
  countAll(): Promise<number>;
}

/** sha-256 over the matching form of headline and body: finds the same text whatever its diacritics or invisible marks. */
export function contentHashOf(headline: string, paragraphs: readonly string[]): string {
  const canonical = [headline, ...paragraphs].map((t) => normalizeForMatch(t).replace(/\s+/g, ' ').trim()).join('\n');
  return createHash('sha256').update(canonical).digest('hex');
}

function encodeCursor(position: ListPosition): string {
  return Buffer.from(`${position.publishedAt}.${position.id}`).toString('base64url');
}

function decodeCursor(cursor: string): ListPosition {
  const match = /^(\d{1,15})\.(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError('INVALID_CURSOR');
  return { publishedAt: Number(match[1]), id: Number(match[2]) };
}

function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = stripInvisibleControls(value).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Checks the limits every article must meet, whoever sends it. */
function validate(input: NewArticleInput, paragraphs: readonly string[]): void {
  const fields: Record<string, string> = {};
  const headline = cleanLine(input.headline);
  if (!headline) fields.headline = 'العنوان مطلوب.';
  else if (headline.length > ARTICLE_LIMITS.headlineMax) fields.headline = `العنوان أطول من ${ARTICLE_LIMITS.headlineMax} حرفاً.`;
  if ((cleanLine(input.dek)?.length ?? 0) > ARTICLE_LIMITS.dekMax) fields.dek = `الموجز أطول من ${ARTICLE_LIMITS.dekMax} حرفاً.`;
  if ((cleanLine(input.byline)?.length ?? 0) > ARTICLE_LIMITS.bylineMax) fields.byline = `سطر الكاتب أطول من ${ARTICLE_LIMITS.bylineMax} حرفاً.`;
  if (paragraphs.length === 0) fields.body = 'نص المقال فارغ.';
  else if (paragraphs.join('\n\n').length > ARTICLE_LIMITS.bodyMaxChars) fields.body = 'نص المقال أطول من المسموح.';
  if ((input.tags?.length ?? 0) > ARTICLE_LIMITS.tagsMax) fields.tags = `لا يزيد عدد الوسوم على ${ARTICLE_LIMITS.tagsMax}.`;
  if (input.tags?.some((t) => t.length > ARTICLE_LIMITS.tagNameMax)) fields.tags = 'اسم وسم أطول من المسموح.';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

/** The newsroom's operations on articles. */
export function createArticleService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: ContentEvents;
  tags: TagService;
  related: RelatedService;
  search: SearchIndexer;
}): ArticleService {
  const { db, clock, events, tags, related, search } = deps;
  const notAfter = () => clock.now().getTime();

  return {
    async create(input) {
      const body: ArticleDocument = { type: 'doc', content: input.body.content };
      const paragraphs = documentParagraphs(body);
      validate(input, paragraphs);
      const headline = cleanLine(input.headline)!;
      const contentHash = contentHashOf(headline, paragraphs);
      const existing = await findArticleByContentHash(db, contentHash);
      if (existing) return { created: false, article: existing };

      const now = clock.now().getTime();
      const publishedAt = input.status === 'published' ? (input.publishedAt ?? clock.now()).getTime() : null;
      const bodyText = paragraphs.join('\n\n');
      const { article, tagIds } = await db.transaction().execute(async (trx) => {
        const saved = await insertArticle(trx, {
          slug: input.slug ? slugify(input.slug, 100) || slugify(headline, 100) : slugify(headline, 100) || 'article',
          section_id: input.sectionId,
          headline,
          dek: cleanLine(input.dek),
          byline: cleanLine(input.byline),
          source_kind: input.sourceKind,
          body_doc: JSON.stringify(body),
          body_text: bodyText,
          status: input.status,
          content_hash: contentHash,
          origin: input.origin ?? null,
          created_at: now,
          published_at: publishedAt,
          updated_at: null,
          modified_at: now,
          author_id: null,
          scheduled_at: null,
        });
        await search.index({ id: saved.id, headline, dek: saved.dek, bodyText }, trx);
        const savedTags = await tags.ensureAll(input.tags ?? [], trx);
        await tags.setForArticle(saved.id, savedTags.map((t) => t.id), trx);
        const relatable = { id: saved.id, sectionId: saved.sectionId, headline, dek: saved.dek, bodyText, publishedAt: publishedAt ?? now };
        if (input.skipRelated) {
          // A bulk import computes terms and related lists once, after the last article.
        } else if (input.status === 'published') await related.refresh(relatable, trx);
        else await related.indexTerms(relatable, trx);
        return { article: saved, tagIds: savedTags.map((t) => t.id) };
      });
      // Older stories' lists the new one should enter, after commit: derived data that a failure must not
      // undo the publish for (a failed list stays as it was until its next refresh).
      if (input.status === 'published' && !input.skipRelated) await related.refreshNeighbours(article.id);
      events.emit({ type: 'article.changed', articleId: article.id, sectionId: article.sectionId, tagIds });
      return { created: true, article };
    },

    async getPublished(id) {
      const article = await findArticleById(db, id);
      if (!article || article.status !== 'published' || !article.publishedAt || article.publishedAt.getTime() > notAfter()) {
        throw new AppError('ARTICLE_NOT_FOUND', { details: String(id) });
      }
      return article;
    },

    listPage: (filter, page) => listPublishedByOffset(db, { ...filter, notAfter: notAfter() }, page),

    async listByCursor(filter, page) {
      const after = page.cursor ? decodeCursor(page.cursor) : null;
      const rows = await listPublishedAfter(db, { ...filter, notAfter: notAfter() }, { limit: page.limit + 1, after });
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      const nextCursor = rows.length > page.limit && last ? encodeCursor({ publishedAt: last.publishedAt.getTime(), id: last.id }) : null;
      return { items, nextCursor };
    },

    countPublished: (filter) => countPublished(db, { ...filter, notAfter: notAfter() }),
    searchSources: (ids) => searchSourcesByIds(db, ids),
    summaries: (ids) => summariesByIds(db, ids, notAfter()),
    summariesWithBodies: (ids) => summariesWithBodiesByIds(db, ids, notAfter()),

    async related(articleId) {
      return summariesByIds(db, await related.idsFor(articleId), notAfter());
    },

    async refreshAllRelated() {
      const all = await listPublishedTexts(db);
      await related.refreshAll(all);
      events.emit({ type: 'content.bulk-changed' });
      return all.length;
    },

    countAll: () => countAllArticles(db),
  };
}

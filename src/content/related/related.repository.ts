import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** A weighted significant term of one article. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Replaces the stored terms of an article. */
export async function replaceArticleTerms(db: Executor, articleId: number, terms: readonly WeightedTerm[]): Promise<void> {
  await db.deleteFrom('article_terms').where('article_id', '=', articleId).execute();
  if (terms.length === 0) return;
  await db
    .insertInto('article_terms')
    .values(terms.map((t) => ({ article_id: articleId, term: t.term, weight: t.weight })))
    .execute();
}

/** How many articles carry each of these terms (document frequency). */
export async function documentFrequencies(db: Executor, terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await db
    .selectFrom('article_terms')
    .select(['term', (eb) => eb.fn.countAll<number>().as('df')])
    .where('term', 'in', terms)
    .groupBy('term')
    .execute();
  return new Map(rows.map((r) => [r.term, Number(r.df)]));
}

/** Number of articles that have terms at all (the N of idf). */
export async function countIndexedArticles(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('article_terms')
    .select((eb) => eb.fn.count<number>('article_id').distinct().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Term weights of published articles in a section sharing any of these terms, except one article. */
export async function candidateTerms(
  db: Executor,
  input: { terms: readonly string[]; sectionId: number; excludeId: number; notAfter: number },
): Promise<{ articleId: number; term: string; weight: number; publishedAt: number; headline: string }[]> {
  if (input.terms.length === 0) return [];
  const rows = await db
    .selectFrom('article_terms')
    .innerJoin('articles', 'articles.id', 'article_terms.article_id')
    .select(['article_terms.article_id', 'article_terms.term', 'article_terms.weight', 'articles.published_at', 'articles.headline'])
    .where('article_terms.term', 'in', input.terms)
    .where('articles.section_id', '=', input.sectionId)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', input.notAfter)
    .where('articles.id', '!=', input.excludeId)
    .execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    term: r.term,
    weight: r.weight,
    publishedAt: r.published_at ?? 0,
    headline: r.headline,
  }));
}

/** Replaces the stored related list of an article. */
export async function replaceRelated(
  db: Executor,
  articleId: number,
  related: readonly { relatedId: number; score: number }[],
): Promise<void> {
  await db.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
  if (related.length === 0) return;
  await db
    .insertInto('related_articles')
    .values(related.map((r, position) => ({ article_id: articleId, related_id: r.relatedId, position, score: r.score })))
    .execute();
}

/** The stored related ids of an article, best first. */
export async function relatedIds(db: Executor, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('related_articles')
    .select('related_id')
    .where('article_id', '=', articleId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.related_id);
}

/** Rows per multi-row INSERT: well under both engines' bound-parameter limits. */
const INSERT_CHUNK = 500;

/** Replaces the terms and related lists of many articles at once (bulk imports). */
export async function replaceAllDerived(
  db: Executor,
  derived: readonly { articleId: number; terms: readonly WeightedTerm[]; related: readonly { relatedId: number; score: number }[] }[],
): Promise<void> {
  const ids = derived.map((d) => d.articleId);
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    const chunk = ids.slice(i, i + INSERT_CHUNK);
    await db.deleteFrom('article_terms').where('article_id', 'in', chunk).execute();
    await db.deleteFrom('related_articles').where('article_id', 'in', chunk).execute();
  }
  const termRows = derived.flatMap((d) => d.terms.map((t) => ({ article_id: d.articleId, term: t.term, weight: t.weight })));
  for (let i = 0; i < termRows.length; i += INSERT_CHUNK) {
    await db.insertInto('article_terms').values(termRows.slice(i, i + INSERT_CHUNK)).execute();
  }
  const relatedRows = derived.flatMap((d) =>
    d.related.map((r, position) => ({ article_id: d.articleId, related_id: r.relatedId, position, score: r.score })),
  );
  for (let i = 0; i < relatedRows.length; i += INSERT_CHUNK) {
    await db.insertInto('related_articles').values(relatedRows.slice(i, i + INSERT_CHUNK)).execute();
  }
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { MINHASH_SIZE, type MinHash } from '../../arabic/minhash.ts';
import type { WeightedTerm } from './term-vector.ts';

/** Tables of migration 0003, which only this repository reads and writes. */
interface RelatedTables {
  term_document_counts: { term: string; article_count: number };
  article_fingerprints: { article_id: number; minhash: string; shingle_count: number };
  article_fingerprint_buckets: { article_id: number; band: number; bucket: number };
}
type RelatedDatabase = Database & RelatedTables;
type Executor = Kysely<Database> | Transaction<Database>;

// Kysely types a database by its tables; these three are known here only, so the handle is widened here.
function widen(db: Executor): Kysely<RelatedDatabase> {
  return db as unknown as Kysely<RelatedDatabase>;
}

/** Rows per multi-row INSERT and values per IN list: well under both engines' bound-parameter limits. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A signature as text: base64 of its little-endian 32-bit values, stored alike by SQLite and PostgreSQL. */
export function encodeSignature(signature: Uint32Array): string {
  const bytes = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  return bytes.toString('base64');
}

/** The signature stored by encodeSignature. */
export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const signature = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE && i * 4 + 4 <= bytes.length; i++) signature[i] = bytes.readUInt32LE(i * 4);
  return signature;
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

// Weights are 32-bit floats (see termVector). PostgreSQL prints a real in its shortest decimal form, which
// parses to a nearby double rather than to the float itself; rounding again gives both engines the same number.

/** The stored term vectors of these articles, each heaviest first. */
export async function termVectorsOf(db: Executor, articleIds: readonly number[]): Promise<Map<number, WeightedTerm[]>> {
  const out = new Map<number, WeightedTerm[]>();
  for (const ids of chunks(articleIds)) {
    const rows = await db.selectFrom('article_terms').select(['article_id', 'term', 'weight']).where('article_id', 'in', ids).execute();
    for (const row of rows) {
      const list = out.get(row.article_id) ?? [];
      list.push({ term: row.term, weight: Math.fround(row.weight) });
      out.set(row.article_id, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return out;
}

/** How many articles use each of these terms (terms never seen are absent). */
export async function termDocumentCounts(db: Executor, terms: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks([...new Set(terms)])) {
    const rows = await widen(db).selectFrom('term_document_counts').select(['term', 'article_count']).where('term', 'in', part).execute();
    for (const row of rows) out.set(row.term, Number(row.article_count));
  }
  return out;
}

/** Counts one more article for each of these terms. */
export async function countTermsOnce(db: Executor, terms: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(terms)])) {
    await widen(db)
      .insertInto('term_document_counts')
      .values(part.map((term) => ({ term, article_count: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ article_count: sql`term_document_counts.article_count + 1` }))
      .execute();
  }
}

/** Articles counted in term_document_counts (each has a fingerprint): the N of idf. */
export async function countFingerprinted(db: Executor): Promise<number> {
  const row = await widen(db)
    .selectFrom('article_fingerprints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether an article has a fingerprint (so its terms are already counted). */
export async function hasFingerprint(db: Executor, articleId: number): Promise<boolean> {
  const row = await widen(db).selectFrom('article_fingerprints').select('article_id').where('article_id', '=', articleId).executeTakeFirst();
  return row !== undefined;
}

/** Replaces an article's fingerprint and its LSH buckets. */
export async function saveFingerprint(db: Executor, articleId: number, minhash: MinHash, buckets: readonly number[]): Promise<void> {
  const wide = widen(db);
  await wide.deleteFrom('article_fingerprints').where('article_id', '=', articleId).execute();
  await wide.deleteFrom('article_fingerprint_buckets').where('article_id', '=', articleId).execute();
  await wide
    .insertInto('article_fingerprints')
    .values({ article_id: articleId, minhash: encodeSignature(minhash.signature), shingle_count: minhash.shingles })
    .execute();
  if (buckets.length === 0) return;
  await wide
    .insertInto('article_fingerprint_buckets')
    .values(buckets.map((bucket, band) => ({ article_id: articleId, band, bucket })))
    .execute();
}

/** The fingerprints of these articles (those that have one). */
export async function fingerprintsOf(db: Executor, articleIds: readonly number[]): Promise<Map<number, MinHash>> {
  const out = new Map<number, MinHash>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await widen(db)
      .selectFrom('article_fingerprints')
      .select(['article_id', 'minhash', 'shingle_count'])
      .where('article_id', 'in', ids)
      .execute();
    for (const row of rows) out.set(row.article_id, { signature: decodeSignature(row.minhash), shingles: Number(row.shingle_count) });
  }
  return out;
}

/** Articles sharing at least one LSH bucket with these, with how many they share, most first. */
export async function articlesSharingBuckets(
  db: Executor,
  buckets: readonly number[],
  options: { excludeId?: number; limit: number },
): Promise<{ articleId: number; shared: number }[]> {
  if (buckets.length === 0) return [];
  let query = widen(db)
    .selectFrom('article_fingerprint_buckets')
    .select(['article_id', (eb) => eb.fn.countAll<number>().as('shared')])
    .where('bucket', 'in', [...buckets]);
  if (options.excludeId !== undefined) query = query.where('article_id', '!=', options.excludeId);
  const rows = await query.groupBy('article_id').orderBy('shared', 'desc').orderBy('article_id', 'desc').limit(options.limit).execute();
  return rows.map((r) => ({ articleId: r.article_id, shared: Number(r.shared) }));
}

/** What scoring reads of an article besides its terms. */
export interface ArticleFacts {
  id: number;
  sectionId: number;
  publishedAt: number;
  published: boolean;
}

/** Section, publication time and status of these articles. */
export async function articleFacts(db: Executor, articleIds: readonly number[]): Promise<Map<number, ArticleFacts>> {
  const out = new Map<number, ArticleFacts>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'section_id', 'published_at', 'status', 'created_at'])
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) {
      out.set(r.id, { id: r.id, sectionId: r.section_id, publishedAt: r.published_at ?? r.created_at, published: r.status === 'published' });
    }
  }
  return out;
}

/** The dek of an article (null when it has none). */
export async function dekOf(db: Executor, articleId: number): Promise<string | null> {
  const row = await db.selectFrom('articles').select('dek').where('id', '=', articleId).executeTakeFirst();
  return row?.dek ?? null;
}

/** The deks of all articles that have one. */
export async function allDeks(db: Executor): Promise<Map<number, string>> {
  const rows = await db.selectFrom('articles').select(['id', 'dek']).where('dek', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.dek ?? '']));
}

/** Tag ids of these articles. */
export async function tagIdsOf(db: Executor, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db.selectFrom('article_tags').select(['article_id', 'tag_id']).where('article_id', 'in', ids).execute();
    for (const row of rows) {
      const list = out.get(row.article_id) ?? [];
      list.push(row.tag_id);
      out.set(row.article_id, list);
    }
  }
  return out;
}

/** Tag ids of every article (bulk refresh). */
export async function allTagIds(db: Executor): Promise<Map<number, number[]>> {
  const rows = await db.selectFrom('article_tags').select(['article_id', 'tag_id']).execute();
  const out = new Map<number, number[]>();
  for (const row of rows) {
    const list = out.get(row.article_id) ?? [];
    list.push(row.tag_id);
    out.set(row.article_id, list);
  }
  return out;
}

/**
 * Published articles sharing any of these terms in their stored vectors, best first by the partial dot
 * product over these terms (ties: higher id), at most `limit`. The sums are grouped in a subquery read
 * through the term index, and only then joined to articles: joined directly, SQLite walks every published
 * article and probes each for the terms.
 */
export async function candidatesByTerms(
  db: Executor,
  input: { terms: readonly WeightedTerm[]; excludeId: number; limit: number },
): Promise<{ articleId: number; overlap: number }[]> {
  if (input.terms.length === 0) return [];
  const weightOfTerm = sql`case article_terms.term ${sql.join(
    input.terms.map((t) => sql`when ${t.term} then cast(${t.weight} as double precision)`),
    sql` `,
  )} end`;
  const overlaps = db
    .selectFrom('article_terms')
    .select(['article_terms.article_id', sql<number>`sum(cast(article_terms.weight as double precision) * ${weightOfTerm})`.as('overlap')])
    .where(
      'article_terms.term',
      'in',
      input.terms.map((t) => t.term),
    )
    .where('article_terms.article_id', '!=', input.excludeId)
    .groupBy('article_terms.article_id')
    .as('overlaps');
  const rows = await db
    .selectFrom(overlaps)
    .innerJoin('articles', 'articles.id', 'overlaps.article_id')
    .select(['overlaps.article_id', 'overlaps.overlap'])
    .where('articles.status', '=', 'published')
    .orderBy('overlaps.overlap', 'desc')
    .orderBy('overlaps.article_id', 'desc')
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, overlap: Number(r.overlap) }));
}

/** The weights these articles give these terms: article id → term → weight. */
export async function weightsOfTerms(db: Executor, articleIds: readonly number[], terms: readonly string[]): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (terms.length === 0) return out;
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db
      .selectFrom('article_terms')
      .select(['article_id', 'term', 'weight'])
      .where('article_id', 'in', ids)
      .where('term', 'in', [...terms])
      .execute();
    for (const row of rows) {
      const weights = out.get(row.article_id) ?? new Map<string, number>();
      weights.set(row.term, Math.fround(row.weight));
      out.set(row.article_id, weights);
    }
  }
  return out;
}

/**
 * Replaces the stored related list of an article. The insert overwrites on conflict: two instances
 * refreshing one list at once both succeed, and the later list wins whole (the trailing delete drops
 * positions the earlier one had beyond it).
 */
export async function replaceRelated(db: Executor, articleId: number, related: readonly { relatedId: number; score: number }[]): Promise<void> {
  await db.deleteFrom('related_articles').where('article_id', '=', articleId).execute();
  if (related.length > 0) {
    await db
      .insertInto('related_articles')
      .values(related.map((r, position) => ({ article_id: articleId, related_id: r.relatedId, position, score: r.score })))
      .onConflict((oc) =>
        oc.columns(['article_id', 'position']).doUpdateSet((eb) => ({
          related_id: eb.ref('excluded.related_id'),
          score: eb.ref('excluded.score'),
        })),
      )
      .execute();
  }
  await db.deleteFrom('related_articles').where('article_id', '=', articleId).where('position', '>=', related.length).execute();
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

/** The stored related ids of several articles, each best first. */
export async function relatedIdsOf(db: Executor, articleIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db
      .selectFrom('related_articles')
      .select(['article_id', 'related_id'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = out.get(row.article_id) ?? [];
      list.push(row.related_id);
      out.set(row.article_id, list);
    }
  }
  return out;
}

/** For each of these articles, how many related stories its stored list has and the lowest score among them. */
export async function relatedScoreFloors(db: Executor, articleIds: readonly number[]): Promise<Map<number, { count: number; lowest: number }>> {
  const out = new Map<number, { count: number; lowest: number }>();
  for (const ids of chunks([...new Set(articleIds)])) {
    const rows = await db
      .selectFrom('related_articles')
      .select(['article_id', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.min<number>('score').as('lowest')])
      .where('article_id', 'in', ids)
      .groupBy('article_id')
      .execute();
    for (const row of rows) out.set(row.article_id, { count: Number(row.count), lowest: Number(row.lowest) });
  }
  return out;
}

/** Articles whose stored related list contains this one. */
export async function listsContaining(db: Executor, articleId: number): Promise<number[]> {
  const rows = await db.selectFrom('related_articles').select('article_id').where('related_id', '=', articleId).execute();
  return [...new Set(rows.map((r) => r.article_id))];
}

/** Everything a bulk refresh derives, for many articles at once. */
export interface DerivedData {
  /** Articles whose terms and related lists are replaced. */
  articles: readonly {
    articleId: number;
    terms: readonly WeightedTerm[];
    minhash: MinHash;
    buckets: readonly number[];
    related: readonly { relatedId: number; score: number }[];
  }[];
  /** The whole document-frequency table. */
  termCounts: ReadonlyMap<string, number>;
}

/**
 * Replaces the derived data of a bulk refresh. The document counts and fingerprints are rebuilt whole
 * from these articles, so that they count exactly the articles they describe.
 */
export async function replaceAllDerived(db: Executor, derived: DerivedData): Promise<void> {
  const wide = widen(db);
  await wide.deleteFrom('term_document_counts').execute();
  await wide.deleteFrom('article_fingerprint_buckets').execute();
  await wide.deleteFrom('article_fingerprints').execute();
  for (const part of chunks(derived.articles.map((d) => d.articleId))) {
    await db.deleteFrom('article_terms').where('article_id', 'in', part).execute();
    await db.deleteFrom('related_articles').where('article_id', 'in', part).execute();
  }
  const counts = [...derived.termCounts].map(([term, article_count]) => ({ term, article_count }));
  for (const part of chunks(counts)) await wide.insertInto('term_document_counts').values(part).execute();
  const fingerprints = derived.articles.map((d) => ({
    article_id: d.articleId,
    minhash: encodeSignature(d.minhash.signature),
    shingle_count: d.minhash.shingles,
  }));
  for (const part of chunks(fingerprints)) await wide.insertInto('article_fingerprints').values(part).execute();
  const buckets = derived.articles.flatMap((d) => d.buckets.map((bucket, band) => ({ article_id: d.articleId, band, bucket })));
  for (const part of chunks(buckets)) await wide.insertInto('article_fingerprint_buckets').values(part).execute();
  const terms = derived.articles.flatMap((d) => d.terms.map((t) => ({ article_id: d.articleId, term: t.term, weight: t.weight })));
  for (const part of chunks(terms)) await db.insertInto('article_terms').values(part).execute();
  const related = derived.articles.flatMap((d) =>
    d.related.map((r, position) => ({ article_id: d.articleId, related_id: r.relatedId, position, score: r.score })),
  );
  for (const part of chunks(related)) await db.insertInto('related_articles').values(part).execute();
  
}

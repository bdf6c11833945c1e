import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Dialect } from './database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** An article's analyzed terms per field, in text order (positions matter for phrases). */
export interface SearchFields {
  headline: readonly string[];
  dek: readonly string[];
  body: readonly string[];
}

/** One part of a query: a single term, or terms that must stand next to each other in this order. */
export type SearchClause = { kind: 'term'; term: string } | { kind: 'phrase'; terms: readonly string[] };

export interface FullTextQuery {
  clauses: readonly SearchClause[];
  /** 'all': every clause must match; 'any': at least one. */
  mode: 'all' | 'any';
  sectionId?: number;
  /** Only articles published at or before this time (epoch ms); also the "now" of the recency boost. */
  now: number;
  limit: number;
  offset: number;
}

export interface FullTextResult {
  total: number;
  hits: { id: number; score: number }[];
}

/** The engine-specific half of search: keeping the index and running ranked queries. */
export interface FullTextIndex {
  upsert(db: Executor, articleId: number, fields: SearchFields): Promise<void>;
  remove(db: Executor, articleId: number): Promise<void>;
  search(db: Executor, query: FullTextQuery): Promise<FullTextResult>;
  /** Ids of articles the index does not hold yet (after a restore, or an upgrade that added the index). */
  missing(db: Executor, limit: number): Promise<number[]>;
  /** The plain `LIKE '%q%'` search that WordPress does, for measuring against; never used by readers. */
  likeBaseline(db: Executor, text: string, limit: number): Promise<number[]>;
}

// Field weights: the headline counts five times the body, the dek twice (FTS5 bm25 column weights;
// PostgreSQL's weights array is ordered D, C, B, A, and the body is D).
const HEADLINE_WEIGHT = 5;
const DEK_WEIGHT = 2;
const BODY_WEIGHT = 1;
const PG_WEIGHTS = `{${BODY_WEIGHT / HEADLINE_WEIGHT}, 0, ${DEK_WEIGHT / HEADLINE_WEIGHT}, 1}`;
/** A recent story gets up to this much more score, fading over RECENCY_DAYS. */
const RECENCY_BOOST = 0.2;
const RECENCY_DAYS = 30;
const DAY_MS = 86_400_000;
/** PostgreSQL keeps at most 256 positions per lexeme and positions up to 16,383. */
const PG_MAX_POSITIONS = 256;
const PG_MAX_POSITION = 16_383;
/** A gap between fields in the tsvector, so that a phrase never spans headline and body. */
const PG_FIELD_GAP = 100;

/**
 * The form a term takes inside either engine: letters and digits only, so that no tokenizer, query
 * syntax or quoting can see anything else (FTS5 operators, tsquery operators, quotes).
 */
export function indexForm(term: string): string {
  return term.replace(/[^\p{L}\p{N}]+/gu, '');
}

function cleanTerms(terms: readonly string[]): string[] {
  return terms.map(indexForm).filter((t) => t !== '');
}

/** An FTS5 MATCH expression in which every term is a quoted string: user syntax never reaches FTS5. */
function fts5Match(query: FullTextQuery): string {
  const parts = query.clauses
    .map((clause) => {
      const terms = clause.kind === 'term' ? cleanTerms([clause.term]) : cleanTerms(clause.terms);
      return terms.length === 0 ? '' : `"${terms.join(' ')}"`;
    })
    .filter(Boolean);
  return parts.join(query.mode === 'all' ? ' AND ' : ' OR ');
}

/** A tsquery literal; terms are letters and digits only, so quoting them is enough. */
function tsqueryLiteral(query: FullTextQuery): string {
  const parts = query.clauses
    .map((clause) => {
      const terms = clause.kind === 'term' ? cleanTerms([clause.term]) : cleanTerms(clause.terms);
      if (terms.length === 0) return '';
      return terms.length === 1 ? `'${terms[0]}'` : `(${terms.map((t) => `'${t}'`).join(' <-> ')})`;
    })
    .filter(Boolean);
  return parts.join(query.mode === 'all' ? ' & ' : ' | ');
}

/** A tsvector literal with positions and weights, built without PostgreSQL's parser (whose idea of a letter depends on the database's locale). */
function tsvectorLiteral(fields: SearchFields): string {
  const positions = new Map<string, string[]>();
  let position = 1;
  const add = (terms: readonly string[], weight: string) => {
    for (const term of cleanTerms(terms)) {
      if (position > PG_MAX_POSITION) return;
      const list = positions.get(term) ?? [];
      if (list.length < PG_MAX_POSITIONS) list.push(`${position}${weight}`);
      positions.set(term, list);
      position++;
    }
    position += PG_FIELD_GAP;
  };
  add(fields.headline, 'A');
  add(fields.dek, 'B');
  add(fields.body, '');
  return [...positions].map(([term, list]) => `'${term}':${list.join(',')}`).join(' ');
}

/** 1 + RECENCY_BOOST for a story published now, falling towards 1 as it ages (floating point on both engines). */
function recencyFactor(now: number) {
  const boost = sql.lit(RECENCY_BOOST);
  const scale = sql.lit(DAY_MS * RECENCY_DAYS);
  return sql<number>`(1.0 + ${boost} / (1.0 + CAST(${now} - articles.published_at AS double precision) / ${scale}))`;
}

function sqliteIndex(): FullTextIndex {
  return {
    async upsert(db, articleId, fields) {
      await sql`DELETE FROM article_search WHERE rowid = ${articleId}`.execute(db);
      await sql`INSERT INTO article_search (rowid, headline, dek, body) VALUES (${articleId}, ${cleanTerms(fields.headline).join(' ')}, ${cleanTerms(fields.dek).join(' ')}, ${cleanTerms(fields.body).join(' ')})`.execute(db);
    },
    async remove(db, articleId) {
      await sql`DELETE FROM article_search WHERE rowid = ${articleId}`.execute(db);
    },
    async search(db, query) {
      const match = fts5Match(query);
      if (!match) return { total: 0, hits: [] };
      // CROSS JOIN fixes the order: the FTS5 match first, then each hit's article by primary key.
      // Left to itself the planner walks every published article and probes the index per row.
      const section = query.sectionId === undefined ? sql`` : sql`AND articles.section_id = ${query.sectionId}`;
      const where = sql`article_search MATCH ${match} AND articles.status = 'published' AND articles.published_at <= ${query.now} ${section}`;
      const rows = await sql<{ id: number; score: number }>`
        SELECT articles.id AS id, -bm25(article_search, ${HEADLINE_WEIGHT}, ${DEK_WEIGHT}, ${BODY_WEIGHT}) * ${recencyFactor(query.now)} AS score
        FROM article_search CROSS JOIN articles ON articles.id = article_search.rowid
        WHERE ${where}
        ORDER BY score DESC, articles.id DESC
        LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
      const count = await sql<{ n: number }>`
        SELECT count(*) AS n FROM article_search CROSS JOIN articles ON articles.id = article_search.rowid WHERE ${where}`.execute(db);
      return { total: Number(count.rows[0]?.n ?? 0), hits: rows.rows.map((r) => ({ id: r.id, score: r.score })) };
    },
    async missing(db, limit) {
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE id NOT IN (SELECT rowid FROM article_search) ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async likeBaseline(db, text, limit) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE status = 'published' AND (headline LIKE ${pattern} ESCAPE '\\' OR body_text LIKE ${pattern} ESCAPE '\\')
        ORDER BY published_at DESC, id DESC LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}

function postgresIndex(): FullTextIndex {
  return {
    async upsert(db, articleId, fields) {
      const document = tsvectorLiteral(fields);
      await sql`
        INSERT INTO article_search (article_id, document) VALUES (${articleId}, ${document}::tsvector)
        ON CONFLICT (article_id) DO UPDATE SET document = excluded.document`.execute(db);
    },
    async remove(db, articleId) {
      await sql`DELETE FROM article_search WHERE article_id = ${articleId}`.execute(db);
    },
    async search(db, query) {
      const tsquery = tsqueryLiteral(query);
      if (!tsquery) return { total: 0, hits: [] };
      const section = query.sectionId === undefined ? sql`` : sql`AND articles.section_id = ${query.sectionId}`;
      const where = sql`article_search.document @@ ${tsquery}::tsquery AND articles.status = 'published' AND articles.published_at <= ${query.now} ${section}`;
      const rows = await sql<{ id: number; score: number }>`
        SELECT articles.id AS id, CAST(ts_rank(${PG_WEIGHTS}::float4[], article_search.document, ${tsquery}::tsquery, 1) AS double precision) * ${recencyFactor(query.now)} AS score
        FROM article_search JOIN articles ON articles.id = article_search.article_id
        WHERE ${where}
        ORDER BY score DESC, articles.id DESC
        LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
      const count = await sql<{ n: number }>`
        SELECT count(*) AS n FROM article_search JOIN articles ON articles.id = article_search.article_id WHERE ${where}`.execute(db);
      return { total: Number(count.rows[0]?.n ?? 0), hits: rows.rows.map((r) => ({ id: r.id, score: Number(r.score) })) };
    },
    async missing(db, limit) {
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE NOT EXISTS (SELECT 1 FROM article_search WHERE article_search.article_id = articles.id)
        ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async likeBaseline(db, text, limit) {
      const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE status = 'published' AND (headline LIKE ${pattern} OR body_text LIKE ${pattern})
        ORDER BY published_at DESC, id DESC LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
}

/** The full-text index of the database's engine: FTS5 on SQLite, tsvector + GIN on PostgreSQL. */
export function fullTextIndexFor(dialect: Dialect): FullTextIndex {
  return dialect === 'sqlite' ? sqliteIndex() : postgresIndex();
}

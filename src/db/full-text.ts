import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { PREPARED } from './connect.ts';
import type { Database, Dialect } from './database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** An article's analyzed terms per field, in text order (positions matter for phrases). */
export interface SearchFields {
  headline: readonly string[];
  dek: readonly string[];
  body: readonly string[];
  /** The first this many body terms are the story's lead (its first sentence), weighted above the rest. */
  lead: number;
}

/** One article's entry in the index. */
export interface IndexEntry {
  articleId: number;
  fields: SearchFields;
}

/** One part of a query: a single term, or terms that must stand next to each other in this order. */
export type SearchClause = { kind: 'term'; term: string } | { kind: 'phrase'; terms: readonly string[] };

/**
 * A query ranks at most its newest MATCH_CAP + 1 matches (by article id) and counts no further:
 * a total above MATCH_CAP means "more than 1000". Ranking every match of a common word would read
 * the index entry of a third of the archive for ten results.
 */
export const MATCH_CAP = 1000;

export interface FullTextQuery {
  clauses: readonly SearchClause[];
  /** 'all': every clause must match; 'any': at least one; 'partial': at least one but not all of them. */
  mode: 'all' | 'any' | 'partial';
  sectionId?: number;
  /** Only articles published at or before this time (epoch ms); also the "now" of the recency boost. */
  now: number;
  /** 0 counts without ranking. */
  limit: number;
  offset: number;
}

export interface FullTextResult {
  /** Matches, counted up to MATCH_CAP + 1. */
  total: number;
  hits: { id: number; score: number }[];
}

/** The engine-specific half of search: keeping the index and running ranked queries. */
export interface FullTextIndex {
  upsert(db: Executor, articleId: number, fields: SearchFields): Promise<void>;
  /** The same for many articles at once, in few statements (bulk indexing and rebuilds). */
  upsertMany(db: Executor, entries: readonly IndexEntry[]): Promise<void>;
  remove(db: Executor, articleId: number): Promise<void>;
  search(db: Executor, query: FullTextQuery): Promise<FullTextResult>;
  /** Ids of articles the index does not hold yet (after a restore, or an upgrade that added the index). */
  missing(db: Executor, limit: number): Promise<number[]>;
  /** Ids of all articles, in any status, after this id in id order: a whole rebuild walks them in batches. */
  articlesAfter(db: Executor, afterId: number, limit: number): Promise<number[]>;
  /** The plain `LIKE '%q%'` search that WordPress does, for measuring against; never used by readers. */
  likeBaseline(db: Executor, text: string, limit: number): Promise<number[]>;
}

// Field weights: the headline counts five times the body, the dek twice, and a word of the lead (the
// body's first sentence) once more than the rest of the body (FTS5 bm25 column weights; the lead
// column repeats the body's first terms, so a word there counts in both). PostgreSQL's weights array
// is ordered D, C, B, A: the body is D and the lead C, its positions marked in place, at the body's
// weight plus the lead's. Measured by `npm run eval:search`: lead weight 1 took known-item search over
// bodies from MRR@10 0.754 to 0.782, the product's from 0.993 to 0.992 and the hand queries' recall
// from 0.874 to 0.876; weight 2 gave 0.788, 0.991 and 0.871.
const HEADLINE_WEIGHT = 5;
const DEK_WEIGHT = 2;
const BODY_WEIGHT = 1;
const LEAD_WEIGHT = 1;
const PG_WEIGHTS = `{${BODY_WEIGHT / HEADLINE_WEIGHT}, ${(BODY_WEIGHT + LEAD_WEIGHT) / HEADLINE_WEIGHT}, ${DEK_WEIGHT / HEADLINE_WEIGHT}, 1}`;
/**
 * What the index stores of an article beyond analyze()'s terms; stored with ANALYZER_VERSION, and a
 * change rebuilds the index at start-up. 2: the lead (migration 0008 gave FTS5 its column).
 */
export const FULL_TEXT_LAYOUT = 2;
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
 * PostgreSQL's GIN index hands over every match of a term at once, unordered, and each one costs a
 * visit to its table row; the newest thousand of a common word are a small part of them. So every
 * tsvector also holds, per level, a lexeme naming its block of 2^level article ids ("~14.5": ids
 * 81,920–98,303), and a search first asks for its matches in the two newest blocks of the lowest
 * level, then, if they are too few, in a window as wide as their density says it needs. The lexemes
 * are not letters and digits, so no query term is one.
 */
const PG_BLOCK_LEVELS: readonly number[] = [12, 13, 14, 15, 16, 17, 18, 19, 20, 21];

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

/** Each clause in engine syntax, or nothing for a clause with no letters or digits left. */
function clauseParts(query: FullTextQuery, term: (t: string) => string, phrase: (ts: string[]) => string): string[] {
  return query.clauses
    .map((clause) => {
      const terms = clause.kind === 'term' ? cleanTerms([clause.term]) : cleanTerms(clause.terms);
      if (terms.length === 0) return '';
      return terms.length === 1 ? term(terms[0]!) : phrase(terms);
    })
    .filter(Boolean);
}

/** Clauses joined by the query's mode; '' when nothing is left to match. */
function combine(parts: readonly string[], mode: FullTextQuery['mode'], and: string, or: string, andNot: string): string {
  if (parts.length === 0) return '';
  if (mode === 'all') return parts.join(and);
  if (mode === 'any') return parts.join(or);
  // 'partial' of one clause is nothing: that clause alone is all of them.
  if (parts.length === 1) return '';
  return `(${parts.join(or)})${andNot}(${parts.join(and)})`;
}

/** An FTS5 MATCH expression in which every term is a quoted string: user syntax never reaches FTS5. */
function fts5Match(query: FullTextQuery): string {
  const parts = clauseParts(query, (t) => `"${t}"`, (ts) => `"${ts.join(' ')}"`);
  return combine(parts, query.mode, ' AND ', ' OR ', ' NOT ');
}

/**
 * The tsqueries of one PostgreSQL search (literals; terms are letters and digits only, so quoting
 * them is enough). `candidates` is what the GIN index answers exactly, without reading a tsvector:
 * plain terms, phrases as their words anywhere. `check`, when there is one, is what each candidate
 * must then satisfy (phrases in order, "some but not all"), read in the tsvector itself. `excluded`,
 * for "some but not all" of plain terms, is the exact GIN query of the articles to leave out.
 * `rank` ranks: the clauses joined by AND or, for 'any' and 'partial', OR.
 */
function pgQueries(query: FullTextQuery): { candidates: string; check: string | null; excluded: string | null; rank: string } | null {
  const exact = clauseParts(query, (t) => `'${t}'`, (ts) => `(${ts.map((t) => `'${t}'`).join(' <-> ')})`);
  const loose = clauseParts(query, (t) => `'${t}'`, (ts) => `(${ts.map((t) => `'${t}'`).join(' & ')})`);
  const full = combine(exact, query.mode, ' & ', ' | ', ' & !');
  if (!full) return null;
  const rank = combine(exact, query.mode === 'all' ? 'all' : 'any', ' & ', ' | ', '');
  const candidates = combine(loose, query.mode === 'all' ? 'all' : 'any', ' & ', ' | ', '');
  const phrases = query.clauses.some((c) => c.kind === 'phrase' && cleanTerms(c.terms).length > 1);
  if (query.mode === 'partial' && !phrases) return { candidates, check: null, excluded: combine(loose, 'all', ' & ', ' | ', ''), rank };
  return { candidates, check: phrases || query.mode === 'partial' ? full : null, excluded: null, rank };
}

/**
 * An article's two tsvector literals, built without PostgreSQL's parser (whose idea of a letter
 * depends on the database's locale): `document`, every term with positions and weights (A headline,
 * B dek, C the body's lead, the rest of the body unweighted) plus the block lexemes, for matching;
 * and `rank`, only the terms of the headline, dek and lead and those the body uses at least twice,
 * for ranking. The rank vector is small enough to stay in the table row, so ranking a thousand
 * candidates reads no TOASTed tsvector; a word the body uses once adds little to a rank, and the
 * recency boost orders such articles.
 */
function tsvectorLiterals(articleId: number, fields: SearchFields): { document: string; rank: string } {
  const positions = new Map<string, string[]>();
  let position = 1;
  const add = (terms: readonly string[], weightOf: (index: number) => string) => {
    for (const [index, written] of terms.entries()) {
      const term = indexForm(written);
      if (term === '') continue;
      if (position > PG_MAX_POSITION) return;
      const list = positions.get(term) ?? [];
      if (list.length < PG_MAX_POSITIONS) list.push(`${position}${weightOf(index)}`);
      positions.set(term, list);
      position++;
    }
    position += PG_FIELD_GAP;
  };
  add(fields.headline, () => 'A');
  add(fields.dek, () => 'B');
  add(fields.body, (index) => (index < fields.lead ? 'C' : ''));
  const entries = [...positions].map(([term, list]) => ({ text: `'${term}':${list.join(',')}`, ranked: list.length > 1 || /[ABC]$/.test(list[0]!) }));
  const blocks = PG_BLOCK_LEVELS.map((level) => `'${blockLexeme(level, Math.floor(articleId / 2 ** level))}'`);
  return {
    document: [...entries.map((e) => e.text), ...blocks].join(' '),
    rank: entries.flatMap((e) => (e.ranked ? [e.text] : [])).join(' '),
  };
}

function blockLexeme(level: number, block: number): string {
  return `~${level}.${block}`;
}

/** 1 + RECENCY_BOOST for a story published now, falling towards 1 as it ages (floating point on both engines). */
function recencyFactor(now: number, publishedAt: string) {
  const boost = sql.lit(RECENCY_BOOST);
  const scale = sql.lit(DAY_MS * RECENCY_DAYS);
  return sql<number>`(1.0 + ${boost} / (1.0 + CAST(${now} - ${sql.ref(publishedAt)} AS double precision) / ${scale}))`;
}

/** The rows a query may rank and count: its newest matches, one more than MATCH_CAP. */
const CANDIDATES = MATCH_CAP + 1;
/**
 * A wider window is sized to hold this many times CANDIDATES by the density of the newest blocks, so
 * that a window seldom proves too small and needs another try. Every match in it is visited and
 * scored, so a wider margin costs on every query: over the benchmark's queries at 100,000 articles,
 * 1.2 ran 0.8 ms faster at the median than 1.5 (1.1 and 1.3: no better). A query with a check (a
 * phrase) takes the density of its words anywhere, of which only some stand in order: 1.2 was too
 * little for «مجلس الأمن» (a second try, 50 ms instead of 21), so such queries keep 1.5.
 */
const WINDOW_MARGIN = 1.2;
const CHECKED_WINDOW_MARGIN = 1.5;
/**
 * How long, and for how many queries, PostgreSQL search remembers the window that answered a query.
 * Readers ask the same few queries again and again; a remembered window can grow stale when a word's
 * density changes (a window too small is still widened in the same statement, one too large only
 * costs time), hence the few minutes.
 */
const WINDOW_MEMORY_MS = 5 * 60_000;
const WINDOW_MEMORY_SIZE = 2_000;

/** Chunks of this many rows per multi-row statement (SQLite allows 32,766 parameters, PostgreSQL 65,535). */
const UPSERT_CHUNK = 200;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The last entry per article, so that one statement never writes the same row twice. */
function lastPerArticle(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...new Map(entries.map((e) => [e.articleId, e])).values()];
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function sqliteIndex(): FullTextIndex {
  const index: FullTextIndex = {
    upsert: (db, articleId, fields) => index.upsertMany(db, [{ articleId, fields }]),
    async upsertMany(db, entries) {
      for (const part of chunks(lastPerArticle(entries), UPSERT_CHUNK)) {
        const ids = part.map((e) => e.articleId);
        await sql`DELETE FROM article_search WHERE rowid IN (${sql.join(ids)})`.execute(db);
        const rows = part.map(
          ({ articleId, fields }) =>
            sql`(${articleId}, ${cleanTerms(fields.headline).join(' ')}, ${cleanTerms(fields.dek).join(' ')}, ${cleanTerms(fields.body).join(' ')}, ${cleanTerms(fields.body.slice(0, fields.lead)).join(' ')})`,
        );
        await sql`INSERT INTO article_search (rowid, headline, dek, body, lead) VALUES ${sql.join(rows)}`.execute(db);
      }
    },
    async remove(db, articleId) {
      await sql`DELETE FROM article_search WHERE rowid = ${articleId}`.execute(db);
    },
    async search(db, query) {
      const match = fts5Match(query);
      if (!match) return { total: 0, hits: [] };
      // FTS5 drives the join (CROSS JOIN fixes the order) and hands over its matches newest first;
      // each one's status, date and section come from the covering index, never from the article
      // row, whose body SQLite stores on overflow pages ahead of the columns that follow it.
      const from = sql`article_search CROSS JOIN articles INDEXED BY articles_search_filter ON articles.id = article_search.rowid`;
      const section = query.sectionId === undefined ? sql`` : sql`AND articles.section_id = ${query.sectionId}`;
      const where = sql`article_search MATCH ${match} AND articles.status = 'published' AND articles.published_at <= ${query.now} ${section}`;
      if (query.limit > 0) {
        const rows = await sql<{ id: number; score: number; total: number }>`
          SELECT id, -rank * ${recencyFactor(query.now, 'candidates.published_at')} AS score, count(*) OVER () AS total
          FROM (SELECT articles.id AS id, articles.published_at AS published_at, bm25(article_search, ${HEADLINE_WEIGHT}, ${DEK_WEIGHT}, ${BODY_WEIGHT}, ${LEAD_WEIGHT}) AS rank
                FROM ${from} WHERE ${where}
                ORDER BY article_search.rowid DESC LIMIT ${CANDIDATES}) AS candidates
          ORDER BY score DESC, id DESC
          LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
        const first = rows.rows[0];
        if (first || query.offset === 0) return { total: Number(first?.total ?? 0), hits: rows.rows.map((r) => ({ id: r.id, score: r.score })) };
      }
      const count = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${CANDIDATES})`.execute(db);
      return { total: Number(count.rows[0]?.n ?? 0), hits: [] };
    },
    async missing(db, limit) {
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE id NOT IN (SELECT rowid FROM article_search) ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async articlesAfter(db, afterId, limit) {
      const rows = await sql<{ id: number }>`SELECT id FROM articles WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async likeBaseline(db, text, limit) {
      const pattern = likePattern(text);
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE status = 'published' AND (headline LIKE ${pattern} ESCAPE '\\' OR body_text LIKE ${pattern} ESCAPE '\\')
        ORDER BY published_at DESC, id DESC LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
  return index;
}

function postgresIndex(): FullTextIndex {
  // The window that answered each recent query (see `search`): level null is all ids.
  const answeredBy = new Map<string, { level: number | null; blocks: number; until: number }>();
  // The window is remembered for WINDOW_MEMORY_MS from when it was first needed, not from its last
  // use, so that one grown too large for a word that became common is forgotten in time.
  const rememberWindow = (key: string, newest: number, level: number | null, windowIds: number) => {
    const blocks = level === null ? 0 : Math.floor(newest / 2 ** level) + 1 - Math.round((newest + 1 - windowIds) / 2 ** level);
    const known = answeredBy.get(key);
    if (known && known.level === level && known.blocks === blocks && known.until > Date.now()) return;
    answeredBy.delete(key);
    if (level === PG_BLOCK_LEVELS[0] && blocks === 2) return;
    if (answeredBy.size >= WINDOW_MEMORY_SIZE) answeredBy.delete(answeredBy.keys().next().value!);
    answeredBy.set(key, { level, blocks, until: Date.now() + WINDOW_MEMORY_MS });
  };
  const index: FullTextIndex = {
    upsert: (db, articleId, fields) => index.upsertMany(db, [{ articleId, fields }]),
    async upsertMany(db, entries) {
      for (const part of chunks(lastPerArticle(entries), UPSERT_CHUNK)) {
        const rows = part.map(({ articleId, fields }) => {
          const { document, rank } = tsvectorLiterals(articleId, fields);
          return sql`(${articleId}::integer, ${document}::tsvector, ${rank}::tsvector)`;
        });
        // Who may see the article and its section come from its row, as it stands in this
        // transaction (migration 0007; a trigger keeps them in step afterwards). A LEFT JOIN, so
        // that an id with no article still fails on the foreign key instead of being skipped.
        await sql`
          INSERT INTO article_search (article_id, document, rank_document, visible_at, section_id)
          SELECT entry.article_id, entry.document, entry.rank_document,
                 CASE WHEN articles.status = 'published' THEN articles.published_at END, articles.section_id
          FROM (VALUES ${sql.join(rows)}) AS entry (article_id, document, rank_document)
          LEFT JOIN articles ON articles.id = entry.article_id
          ON CONFLICT (article_id) DO UPDATE SET document = excluded.document, rank_document = excluded.rank_document,
            visible_at = excluded.visible_at, section_id = excluded.section_id`.execute(db);
      }
    },
    async remove(db, articleId) {
      await sql`DELETE FROM article_search WHERE article_id = ${articleId}`.execute(db);
    },
    async search(db, query) {
      const queries = pgQueries(query);
      if (!queries) return { total: 0, hits: [] };
      const margin = queries.check === null ? WINDOW_MARGIN : CHECKED_WINDOW_MARGIN;
      // Who may see a match, and its section, are columns of article_search itself (migration
      // 0007): they are filtered in the same visit of the row that the GIN scan makes anyway.
      const section = query.sectionId === undefined ? sql`` : sql`AND article_search.section_id = ${query.sectionId}`;
      const visible = sql`AND article_search.visible_at <= ${query.now} ${section}`;
      // A phrase found in the small rank vector (a subset of the document's terms, with their true
      // positions) is in the document; only otherwise is the TOASTed document read. Not for "some but
      // not all": a term missing from the rank vector may still be in the document.
      const surely = queries.check !== null && query.mode !== 'partial' ? sql`rank_document @@ ${queries.check}::tsquery` : sql`false`;
      // Newest first, and only until there are MATCH_CAP + 1: without a check, the newest of the
      // matches; with one, those that pass it, one at a time: surely, or else by their document
      // (LIMIT 1 in a lateral subquery keeps the planner from turning the check into a join, or a
      // hashed subplan, that checks every row of the table).
      const candidatesOf = (matches: string) => {
        if (queries.check === null) return sql`SELECT article_id AS id, score FROM ${sql.table(matches)} ORDER BY article_id DESC LIMIT ${CANDIDATES}`;
        return sql`
          SELECT newest_first.article_id AS id, newest_first.score
          FROM (SELECT article_id, score, tid, surely FROM ${sql.table(matches)} ORDER BY article_id DESC OFFSET 0) AS newest_first
          JOIN LATERAL (
            SELECT 1 WHERE newest_first.surely
            UNION ALL SELECT 1 FROM article_search AS checked WHERE checked.ctid = newest_first.tid AND checked.document @@ ${queries.check}::tsquery
            LIMIT 1
          ) AS passed ON true
          ORDER BY newest_first.article_id DESC LIMIT ${CANDIDATES}`;
      };
      // A window's tsquery: the query's own among all ids (level null), or ANDed with the lexemes of
      // the newest blocks at the level. It is computed in the statement (an InitPlan), so the planner
      // cannot see that a word is common and trade the GIN index for reading every tsvector.
      const inWindow = (tsquery: string, level: RawBuilder<number | null>, blocks: RawBuilder<number>) =>
        sql`(SELECT CASE WHEN ${level} IS NULL THEN ${tsquery}::tsquery
                 ELSE ('(' || ${tsquery}::text || ') & (' || (
                   SELECT string_agg('''~' || ${level} || '.' || block || '''', ' | ')
                   FROM generate_series(greatest((newest.id >> ${level}) - ${blocks} + 1, 0), newest.id >> ${level}) AS block) || ')')::tsquery END
               FROM newest)`;
      // The window's visible matches through the GIN index (a MATERIALIZED CTE keeps the planner from
      // walking the newest rows and reading every tsvector on the way), scored in the same visit of
      // their rows (a second visit per candidate, by ctid, cost more than ranking them all), then
      // its candidates. "Some but not all" leaves out, by a hashed list of ids, the matches of every
      // clause, which the GIN index finds exactly.
      const windowCtes = (n: number, level: RawBuilder<number | null>, blocks: RawBuilder<number>) => {
        const excluded =
          queries.excluded === null
            ? sql``
            : sql`AND article_search.article_id NOT IN (SELECT article_id FROM article_search WHERE document @@ ${inWindow(queries.excluded, level, blocks)})`;
        return sql`
          ${sql.raw(`matches${n}`)} AS MATERIALIZED (
            SELECT article_id, ctid AS tid, ${surely} AS surely,
                   CAST(ts_rank(${PG_WEIGHTS}::float4[], coalesce(rank_document, document), ${queries.rank}::tsquery, 1) AS double precision)
                     * ${recencyFactor(query.now, 'article_search.visible_at')} AS score
            FROM article_search WHERE document @@ ${inWindow(queries.candidates, level, blocks)} ${visible} ${excluded}
          ), ${sql.raw(`candidates${n}`)} AS MATERIALIZED (${candidatesOf(`matches${n}`)})`;
      };
      // The ids a window of the newest `blocks` blocks at a level spans.
      const windowIdsSql = (level: RawBuilder<number>, blocks: RawBuilder<number>) =>
        sql`(newest.id - greatest(0, (newest.id >> ${level}) - ${blocks} + 1) * (1 << ${level}) + 1)`;
      // One try, from the newest `blocks` blocks of a level (or all ids, level null) in one statement.
      // When they hold too few candidates, the statement goes on to the narrowest window that their
      // density says holds `margin` × CANDIDATES: the newest 1 to 4 blocks of the lowest level that
      // needs no more (a tighter fit than doubling the block size, and few posting lists for the GIN
      // index to read), or all ids when such a window would reach the oldest block. The candidates
      // of the window that answered are counted, and ranked when they are enough or are all;
      // `level` and `windowIds` say which window that was.
      const attempt = async (level: number | null, blocks: number) => {
        const first = sql.lit(level) as RawBuilder<number | null>;
        const firstBlocks = sql.lit(blocks) as RawBuilder<number>;
        const windows =
          level === null
            ? sql`${windowCtes(1, first, firstBlocks)}, candidates AS (SELECT * FROM candidates1), counted AS (
                SELECT count(*) AS total, true AS covered, (SELECT id FROM newest) AS newest, NULL::integer AS level, NULL::integer AS window_ids FROM candidates)`
            : sql`${windowCtes(1, first, firstBlocks)}, next AS MATERIALIZED (
                SELECT found.n >= ${CANDIDATES} OR (newest.id >> ${first}) < ${firstBlocks} AS done, ${windowIdsSql(first as RawBuilder<number>, firstBlocks)} AS first_ids,
                       pick.level, pick.blocks, ${windowIdsSql(sql`pick.level`, sql`pick.blocks`)} AS window_ids
                FROM newest CROSS JOIN LATERAL (
                  -- Fewer matches than CANDIDATES in a window that is not every id cannot answer: their
                  -- count gives the density without checking a phrase in any of them.
                  SELECT CASE WHEN loose.n >= ${CANDIDATES} OR (newest.id >> ${first}) < ${firstBlocks} THEN (SELECT count(*) FROM candidates1) ELSE loose.n END AS n
                  FROM (SELECT count(*) AS n FROM matches1) AS loose
                ) AS found
                LEFT JOIN LATERAL (
                  SELECT wider AS level, span.blocks
                  FROM generate_series(${first}, ${sql.lit(PG_BLOCK_LEVELS.at(-1)!)}) AS wider,
                       LATERAL (SELECT 1 + greatest(0, ceil((${sql.lit(margin)} * ${CANDIDATES} * ${windowIdsSql(first as RawBuilder<number>, firstBlocks)} / greatest(1, found.n)
                                 - (newest.id - ((newest.id >> wider) << wider) + 1)) / (1 << wider)))::integer AS blocks) AS span
                  WHERE span.blocks <= 4 AND span.blocks <= (newest.id >> wider)
                  ORDER BY wider LIMIT 1
                ) AS pick ON true
              ), ${windowCtes(2, sql`(SELECT level FROM next)`, sql`(SELECT blocks FROM next)`)}, candidates AS MATERIALIZED (
                SELECT * FROM candidates1 WHERE (SELECT done FROM next)
                UNION ALL SELECT * FROM candidates2 WHERE NOT (SELECT done FROM next)
              ), counted AS (
                SELECT count(*) AS total, (SELECT done OR level IS NULL FROM next) AS covered, (SELECT id FROM newest) AS newest,
                       (SELECT CASE WHEN done THEN ${first} ELSE level END FROM next) AS level,
                       (SELECT CASE WHEN done THEN first_ids ELSE window_ids END FROM next) AS window_ids
                FROM candidates)`;
        const rows = await sql<{ newest: number | null; covered: boolean; total: number; level: number | null; window_ids: number | null; id: number | null; score: number | null }>`${sql.raw(PREPARED)}
          WITH newest AS MATERIALIZED (
            SELECT coalesce(max(article_id), 0) AS id FROM article_search
          ), ${windows}
          SELECT counted.newest, counted.covered, counted.total, counted.level, counted.window_ids, page.id, page.score
          FROM counted LEFT JOIN LATERAL (
            SELECT candidates.id, candidates.score FROM candidates
            WHERE counted.total >= ${CANDIDATES} OR counted.covered
            ORDER BY score DESC, candidates.id DESC
            LIMIT ${query.limit} OFFSET ${query.offset}
          ) AS page ON true`.execute(db);
        const row = rows.rows[0]!;
        return {
          newest: Number(row.newest ?? 0),
          level: row.level === null ? null : Number(row.level),
          windowIds: Number(row.window_ids ?? 0),
          complete: Number(row.total) >= CANDIDATES || row.covered,
          found: { total: Number(row.total), hits: rows.rows.flatMap((r) => (r.id === null ? [] : [{ id: r.id, score: Number(r.score) }])) },
        };
      };
      // A query asked again starts from the window that answered it last time, if that was not the
      // first one: the first try then answers, and the scan of a window too small is saved.
      const key = `${query.sectionId ?? ''}|${queries.candidates}|${queries.check ?? ''}|${queries.excluded ?? ''}`;
      const remembered = answeredBy.get(key);
      let level: number | null = PG_BLOCK_LEVELS[0]!;
      let blocks = 2;
      if (remembered && remembered.until > Date.now()) ({ level, blocks } = remembered);
      for (;;) {
        const tried = await attempt(level, blocks);
        const { newest, complete, found } = tried;
        if (complete || tried.level === null) {
          rememberWindow(key, newest, tried.level, tried.windowIds);
          return found;
        }
        // Still too few in the wider window (the density of the newest blocks misled): the two
        // newest blocks of the first level above it that span what the density of this window says
        // `margin` × CANDIDATES need, or all ids.
        const from: number = tried.level;
        const windowIds = (l: number) => newest - Math.max(0, Math.floor(newest / 2 ** l) - 1) * 2 ** l + 1;
        const needed = (margin * CANDIDATES * tried.windowIds) / Math.max(1, found.total);
        const covering = PG_BLOCK_LEVELS.find((l) => Math.floor(newest / 2 ** l) <= 1) ?? null;
        const wide = PG_BLOCK_LEVELS.find((l) => l > from && windowIds(l) >= needed && l !== covering) ?? null;
        level = wide !== null && (covering === null || wide < covering) ? wide : null;
        blocks = 2;
      }
    },
    async missing(db, limit) {
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE NOT EXISTS (SELECT 1 FROM article_search WHERE article_search.article_id = articles.id)
        ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async articlesAfter(db, afterId, limit) {
      const rows = await sql<{ id: number }>`SELECT id FROM articles WHERE id > ${afterId} ORDER BY id LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
    async likeBaseline(db, text, limit) {
      const pattern = likePattern(text);
      const rows = await sql<{ id: number }>`
        SELECT id FROM articles WHERE status = 'published' AND (headline LIKE ${pattern} OR body_text LIKE ${pattern})
        ORDER BY published_at DESC, id DESC LIMIT ${limit}`.execute(db);
      return rows.rows.map((r) => r.id);
    },
  };
  return index;
}

/** The full-text index of the database's engine: FTS5 on SQLite, tsvector + GIN on PostgreSQL. */
export function fullTextIndexFor(dialect: Dialect): FullTextIndex {
  return dialect === 'sqlite' ? sqliteIndex() : postgresIndex();
}

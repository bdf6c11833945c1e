/**
 * `npm run eval:search`: measures Midad's search on the ANT news corpus against a plain LIKE search and
 * Lucene's light10 stemmer, and writes the figures to bench/results/search-eval.json.
 *
 *   (a) known-item: every article's title is the query; the rank of that article (MRR@10, recall@10),
 *       in three settings: the notes' protocol (bodies only, plain bm25, the title's words OR'd;
 *       comparable to the published light10 0.720 / Snowball 0.725); Midad's ranking over bodies only
 *       (the same, with the lead weighted as the product weights it, for light10 too); and the product
 *       (headline, dek, body and lead with the service's weights and recency; articles with every word
 *       first, the page then filled with those that have some of them);
 *   (b) the hand-written queries of scripts/search-queries.json: recall@10 of the articles each must
 *       find, and whether every variant (clitics, hamza, diacritics…) returns what its base returns.
 *
 * The corpus is loaded into a fresh temporary SQLite file through the real import service, so the
 * product index is the one the site builds. The comparison indexes are FTS5 tables in the same file,
 * filled from the same article text through another analyzer and queried with the product's SQL.
 *
 * Run: node --import tsx scripts/eval-search.ts [--corpus FILE] [--queries FILE] [--out FILE]
 *      [--every N]   known-item on every Nth article only, for a quick look
 *      [--part P]    known-item | hand: run only (a) or only (b) (default: both); the corpus is still
 *                    loaded and checked, the skipped part is printed as skipped
 *      [--keep-db]   keep the temporary database
 *      [--db FILE]   load into FILE and keep it; an existing FILE is reused without importing again
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { fixedClock } from '../src/content/clock.ts';
import { createContentEvents } from '../src/content/content-events.ts';
import { parseQuery } from '../src/content/search/search-query.ts';
import { createDb } from '../src/db/connect.ts';
import type { Database } from '../src/db/database.ts';
import { leadEnd } from '../src/content/search/search-indexer.ts';
import { fullTextIndexFor, indexForm, MATCH_CAP, type FullTextIndex, type SearchClause } from '../src/db/full-text.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createServices } from '../src/main.ts';
import {
  columnText,
  light10Analyzer,
  matchExpression,
  type MatchMode,
  normalizeOnlyAnalyzer,
  oursAnalyzer,
  oursWithoutStopWordsAnalyzer,
  parseClauses,
  type Analyzer,
} from './eval-search-analyzers.ts';
import { createLikeSearch } from './eval-search-like.ts';
import {
  CUTOFF,
  diagnoseMisses,
  knownItemScore,
  mean,
  recall,
  reciprocalRank,
  round,
  sameList,
  sameSet,
  type KnownItemMiss,
  type KnownItemScore,
  type MissDiagnosis,
} from './eval-search-metrics.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus/ant-news-2018-03-01_2018-04-21.jsonl') },
    queries: { type: 'string', default: resolve(root, 'scripts/search-queries.json') },
    out: { type: 'string', default: resolve(root, 'bench/results/search-eval.json') },
    every: { type: 'string', default: '1' },
    part: { type: 'string', default: 'all' },
    'keep-db': { type: 'boolean', default: false },
    db: { type: 'string' },
  },
});
const every = Math.max(1, Number(args.every));
if (!['all', 'known-item', 'hand'].includes(args.part)) throw new Error(`--part must be known-item or hand, not ${args.part}`);
const runKnownItem = args.part !== 'hand';
const runHand = args.part !== 'known-item';

/** The notes' figures for the body-only protocol, and Midad's target. */
const PUBLISHED = { light10: 0.72, snowball: 0.725, target: 0.76 } as const;

interface CorpusLine {
  id: string;
  title: string;
  published: string;
}

interface HandQuery {
  query: string;
  kind?: string;
  why: string;
  mustFind: string[];
  variants?: string[];
}

/** 'all': every result has every word; 'any': the page was filled with results that have only some. */
type Mode = 'all' | 'any';
interface RunResult {
  ids: number[];
  total: number;
  mode: Mode;
}
type SystemName = 'like' | 'light10' | 'ours';
interface VariantRow {
  variant: string;
  recall: number;
  sameTop10: boolean;
  sameMatchSet: boolean;
  matches: number;
}
interface SystemRow {
  recall: number;
  top10: number[];
  matches: number;
  mode: Mode;
  variants: VariantRow[];
}
interface QueryRow {
  query: string;
  kind: string;
  mustFind: string[];
  systems: Record<SystemName, SystemRow>;
}
const SYSTEMS: readonly SystemName[] = ['like', 'light10', 'ours'];
const SYSTEM_LABELS: Record<string, string> = {
  raw: "raw unicode61 (FTS5's own tokenizer)",
  norm: 'normalization + stop words, no stemming',
  light10: 'Lucene light10 (our normalization + stop words)',
  ours: 'Midad (src/arabic/stem.ts analyze)',
  oursNoStop: 'Midad without stop words (diagnostic)',
  like: "LIKE '%q%' (likeBaseline, newest first)",
};

function seconds(since: number): number {
  return round((performance.now() - since) / 1000, 1);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------------
// The product's ranking (src/db/full-text.ts, SQLite), replicated for the comparison tables with the
// table name as a parameter. full-text.ts keeps its constants private; the evaluation checks that this
// SQL over the product's own table returns exactly what FullTextIndex.search returns, so a drift in
// either shows up as a failed check.
const HEADLINE_WEIGHT = 5;
const DEK_WEIGHT = 2;
const BODY_WEIGHT = 1;
const LEAD_WEIGHT = 1;
const RECENCY_BOOST = 0.2;
const RECENCY_MS = 86_400_000 * 30;

/** One page of one FTS5 query the way full-text.ts runs it: its newest MATCH_CAP + 1 matches, ranked. */
async function productQuery(
  db: Kysely<Database>,
  table: string,
  clauses: readonly SearchClause[],
  mode: MatchMode,
  now: number,
  limit: number,
  offset = 0,
): Promise<{ ids: number[]; total: number }> {
  const match = matchExpression(clauses, mode);
  if (!match) return { ids: [], total: 0 };
  const t = sql.table(table);
  const from = sql`${t} CROSS JOIN articles ON articles.id = ${t}.rowid`;
  const where = sql`${t} MATCH ${match} AND articles.status = 'published' AND articles.published_at <= ${now}`;
  if (limit === 0) {
    const count = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${MATCH_CAP + 1})`.execute(db);
    return { ids: [], total: Number(count.rows[0]?.n ?? 0) };
  }
  const rows = await sql<{ id: number; total: number }>`
    SELECT id, -rank * (1.0 + ${sql.lit(RECENCY_BOOST)} / (1.0 + CAST(${now} - candidates.published_at AS double precision) / ${sql.lit(RECENCY_MS)})) AS score, count(*) OVER () AS total
    FROM (SELECT articles.id AS id, articles.published_at AS published_at, bm25(${t}, ${HEADLINE_WEIGHT}, ${DEK_WEIGHT}, ${BODY_WEIGHT}, ${LEAD_WEIGHT}) AS rank
          FROM ${from} WHERE ${where}
          ORDER BY ${t}.rowid DESC LIMIT ${MATCH_CAP + 1}) AS candidates
    ORDER BY score DESC, id DESC
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return { ids: rows.rows.map((r) => r.id), total: Number(rows.rows[0]?.total ?? 0) };
}

/**
 * search.service's order over any one query function: the articles with every clause, then, when
 * there is more than one clause and no more than MATCH_CAP of them, the page filled with those that
 * have some of the clauses ('partial').
 */
async function allThenPartial(
  clauseCount: number,
  limit: number,
  page: (mode: 'all' | 'partial', limit: number) => Promise<{ ids: number[]; total: number }>,
): Promise<RunResult> {
  const all = await page('all', limit);
  if (clauseCount < 2 || all.total > MATCH_CAP) return { ids: all.ids, total: all.total, mode: 'all' };
  const some = await page('partial', limit - all.ids.length);
  const ids = [...all.ids, ...some.ids];
  return { ids, total: all.total + some.total, mode: some.ids.length > 0 ? 'any' : 'all' };
}

/** The service's matching over a comparison table. */
async function productSearch(
  db: Kysely<Database>,
  table: string,
  analyzer: Analyzer,
  q: string,
  now: number,
  limit: number,
): Promise<RunResult> {
  const clauses = parseClauses(q, analyzer);
  if (clauses.length === 0) return { ids: [], total: 0, mode: 'all' };
  return allThenPartial(clauses.length, limit, (mode, pageLimit) => productQuery(db, table, clauses, mode, now, pageLimit));
}

/** Midad's own path: parseQuery and FullTextIndex.search, in the service's order. */
async function oursSearch(db: Kysely<Database>, fullText: FullTextIndex, q: string, now: number, limit: number): Promise<RunResult> {
  const { clauses } = parseQuery(q);
  if (clauses.length === 0) return { ids: [], total: 0, mode: 'all' };
  return allThenPartial(clauses.length, limit, async (mode, pageLimit) => {
    const found = await fullText.search(db, { clauses, now, limit: pageLimit, offset: 0, mode });
    return { ids: found.hits.map((h) => h.id), total: found.total };
  });
}

// Quotes mean phrases to the FTS systems; a LIKE search gets the words between them.
const QUOTES = /["“”«»„]/g;
function likeText(q: string): string {
  return q.replace(QUOTES, ' ').replace(/\s+/g, ' ').trim();
}

/** The notes' protocol: one body column, plain bm25, the query's distinct terms OR'd. */
async function bodyOnlySearch(db: Kysely<Database>, table: string, terms: readonly string[], leadWeight?: number): Promise<number[]> {
  const unique = [...new Set(terms.map(indexForm).filter((t) => t !== ''))];
  if (unique.length === 0) return [];
  const t = sql.table(table);
  // With a lead weight, the table's second column holds the body's lead (its terms are also in the
  // body), weighted as the product weights it; every match has its terms in the body column.
  const rank = leadWeight === undefined ? sql`bm25(${t})` : sql`bm25(${t}, ${BODY_WEIGHT}, ${leadWeight})`;
  const rows = await sql<{ id: number }>`
    SELECT rowid AS id FROM ${t} WHERE ${t} MATCH ${unique.map((term) => `"${term}"`).join(' OR ')}
    ORDER BY ${rank}, rowid DESC LIMIT ${CUTOFF}`.execute(db);
  return rows.rows.map((r) => r.id);
}

// FTS5's unicode61 tokenizer splits at anything that is not a letter or digit (harakat included);
// the raw system's query is split the same way.
const rawAnalyzer: Analyzer = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const corpusText = readFileSync(args.corpus, 'utf8');
  const lines = corpusText.split('\n').filter((line) => line.trim() !== '');
  const corpus = lines.map((line) => JSON.parse(line) as CorpusLine);
  const handQueries = JSON.parse(readFileSync(args.queries, 'utf8')) as HandQuery[];
  // "Now" is just after the newest article, as for a reader searching while these were the news:
  // the recency boost then ranges from 1.2 (newest) to about 1.07 (oldest, seven weeks earlier).
  const newest = Math.max(...corpus.map((c) => Date.parse(c.published)));
  const now = newest + 3_600_000;

  const dir = mkdtempSync(join(tmpdir(), 'midad-eval-'));
  const dbPath = args.db ?? join(dir, 'eval.db');
  const reuse = args.db !== undefined && existsSync(args.db);
  const db = await createDb({ kind: 'sqlite', path: dbPath });
  const kysely = db.kysely;
  // Evaluation only: nothing here has to survive a power cut, and FULL sync per article triples the load time.
  await sql`PRAGMA synchronous = OFF`.execute(kysely);
  await migrateToLatest(db);
  const services = createServices({ db, clock: fixedClock(new Date(now)), events: createContentEvents() });
  const fullText = fullTextIndexFor('sqlite');

  // 1. Load the corpus through the import service (the product index is built as articles are saved).
  let t = performance.now();
  const load = { created: 0, existing: 0, failed: [] as string[] };
  for (const [index, line] of (reuse ? [] : lines).entries()) {
    const outcome = await services.imports.importCorpusLine(line, { publish: true, computeRelated: false });
    if (!outcome.ok) load.failed.push(`${corpus[index]?.id}: ${outcome.code}`);
    else if (outcome.created) load.created++;
    else load.existing++;
    if ((index + 1) % 1000 === 0) log(`  imported ${index + 1}/${lines.length} (${seconds(t)} s)`);
  }
  const importSeconds = seconds(t);
  log(`imported ${load.created} articles in ${importSeconds} s (${load.existing} duplicates, ${load.failed.length} failed)`);

  const articles = await sql<{ id: number; origin: string; headline: string; dek: string | null; body_text: string; published_at: number }>`
    SELECT id, origin, headline, dek, body_text, published_at FROM articles ORDER BY id`.execute(kysely);
  const idOf = new Map<string, number>();
  for (const row of articles.rows) idOf.set(row.origin.replace(/^corpus:/, ''), row.id);

  // 2. What a reader waits for: the search service, snippets included, on titles spread over the corpus.
  const latencyProbe = corpus.filter((_, i) => i % 400 === 200).map((c) => c.title);
  const latencyStart = performance.now();
  for (const q of latencyProbe) await services.search.search({ q, limit: CUTOFF, cursor: null });
  const latency = { queries: latencyProbe.length, msPerSearch: round((performance.now() - latencyStart) / latencyProbe.length, 1) };
  log(`search.service: ${latency.msPerSearch} ms per search`);

  // 3. Comparison indexes over the same stored text.
  t = performance.now();
  const fts = (columns: string, tokenizer = 'unicode61 remove_diacritics 0') =>
    `fts5(${columns}, content='', tokenize='${tokenizer}')`;
  for (const name of ['light10', 'body_raw', 'body_norm', 'body_light10', 'body_ours', 'body_oursNoStop', 'lead_light10', 'lead_ours']) {
    await sql.raw(`DROP TABLE IF EXISTS eval_${name}`).execute(kysely);
  }
  await sql.raw(`CREATE VIRTUAL TABLE eval_light10 USING ${fts('headline, dek, body, lead')}`).execute(kysely);
  const bodyTables = {
    raw: rawAnalyzer,
    norm: normalizeOnlyAnalyzer,
    light10: light10Analyzer,
    ours: oursAnalyzer,
    oursNoStop: oursWithoutStopWordsAnalyzer,
  } as const;
  for (const name of Object.keys(bodyTables)) {
    await sql.raw(`CREATE VIRTUAL TABLE eval_body_${name} USING ${fts('body', name === 'raw' ? 'unicode61' : undefined)}`).execute(kysely);
  }
  // The same bodies with Midad's ranking: the lead (src/content/search/search-indexer.ts) in a column
  // of its own, weighted as the product weights it, for Midad's analyzer and for light10 alike.
  const leadTables = { light10: light10Analyzer, ours: oursAnalyzer } as const;
  for (const name of Object.keys(leadTables)) {
    await sql.raw(`CREATE VIRTUAL TABLE eval_lead_${name} USING ${fts('body, lead')}`).execute(kysely);
  }
  await kysely.transaction().execute(async (trx) => {
    for (const row of articles.rows) {
      const lead = row.body_text.slice(0, leadEnd(row.body_text));
      await sql`INSERT INTO eval_light10 (rowid, headline, dek, body, lead) VALUES (${row.id}, ${columnText(light10Analyzer(row.headline))}, ${columnText(light10Analyzer(row.dek ?? ''))}, ${columnText(light10Analyzer(row.body_text))}, ${columnText(light10Analyzer(lead))})`.execute(trx);
      for (const [name, analyzer] of Object.entries(bodyTables)) {
        const text = name === 'raw' ? row.body_text : columnText(analyzer(row.body_text));
        await sql`INSERT INTO ${sql.table(`eval_body_${name}`)} (rowid, body) VALUES (${row.id}, ${text})`.execute(trx);
      }
      for (const [name, analyzer] of Object.entries(leadTables)) {
        await sql`INSERT INTO ${sql.table(`eval_lead_${name}`)} (rowid, body, lead) VALUES (${row.id}, ${columnText(analyzer(row.body_text))}, ${columnText(analyzer(lead))})`.execute(trx);
      }
    }
  });
  const indexSeconds = seconds(t);
  log(`comparison indexes built in ${indexSeconds} s`);

  // 4. Checks that the comparison is fair: same parsing and same SQL as the product for `ours`.
  t = performance.now();
  const checks: string[] = [];
  const titles = corpus.map((c) => c.title);
  const allQueryTexts = handQueries.flatMap((h) => [h.query, ...(h.variants ?? [])]);
  const parseMismatch = [...titles, ...allQueryTexts].filter(
    (q) => JSON.stringify(parseClauses(q, oursAnalyzer)) !== JSON.stringify(parseQuery(q).clauses),
  );
  if (parseMismatch.length > 0) checks.push(`parseClauses differs from parseQuery on ${parseMismatch.length} queries, e.g. ${parseMismatch[0]}`);
  const sample = [...titles.filter((_, i) => i % 100 === 0), ...allQueryTexts];
  let replicaChecked = 0;
  for (const q of sample) {
    const real = await oursSearch(kysely, fullText, q, now, CUTOFF);
    const replica = await productSearch(kysely, 'article_search', oursAnalyzer, q, now, CUTOFF);
    replicaChecked++;
    if (!sameList(real.ids, replica.ids)) checks.push(`replicated SQL differs from FullTextIndex.search for «${q}»`);
  }
  let serviceChecked = 0;
  for (const q of [...titles.filter((_, i) => i % 200 === 0), ...handQueries.map((h) => h.query)]) {
    const direct = await oursSearch(kysely, fullText, q, now, CUTOFF);
    const service = await services.search.search({ q, limit: CUTOFF, cursor: null });
    serviceChecked++;
    if (!sameList(direct.ids, service.hits.map((h) => h.article.id))) checks.push(`FullTextIndex path differs from search.service for «${q}»`);
  }
  const likeSearch = createLikeSearch(
    articles.rows.map((row) => ({ id: row.id, publishedAt: row.published_at, headline: row.headline, body: row.body_text })),
  );
  let likeChecked = 0;
  for (const q of [...titles.filter((_, i) => i % 200 === 0), ...handQueries.map((h) => likeText(h.query))]) {
    likeChecked++;
    if (!sameList(likeSearch(q, CUTOFF), await fullText.likeBaseline(kysely, q, CUTOFF))) checks.push(`in-memory LIKE differs from likeBaseline for «${q}»`);
  }
  const checkSeconds = seconds(t);
  log(`checks: ${replicaChecked} queries replicated, ${serviceChecked} against the service, ${likeChecked} LIKE, ${checks.length} problems (${checkSeconds} s)`);
  for (const problem of checks.slice(0, 10)) log(`  CHECK FAILED: ${problem}`);

  // 5. Known-item search.
  const knownItems = corpus
    .map((c, index) => ({ ...c, index, articleId: idOf.get(c.id) }))
    .filter((c): c is typeof c & { articleId: number } => runKnownItem && c.articleId !== undefined && c.index % every === 0);
  const titleCounts = new Map<string, number>();
  for (const c of corpus) titleCounts.set(c.title.trim(), (titleCounts.get(c.title.trim()) ?? 0) + 1);
  const sharedTitles = knownItems.filter((c) => (titleCounts.get(c.title.trim()) ?? 0) > 1).length;

  const bodyRanks: Record<keyof typeof bodyTables, number[]> = { raw: [], norm: [], light10: [], ours: [], oursNoStop: [] };
  const leadRanks: Record<keyof typeof leadTables, number[]> = { light10: [], ours: [] };
  const productRanks: Record<SystemName, number[]> = { like: [], light10: [], ours: [] };
  const productFilled: Record<SystemName, number> = { like: 0, light10: 0, ours: 0 };
  const oursMisses: KnownItemMiss[] = [];
  const timing: Record<string, number> = {};
  const timed = async <T>(key: string, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timing[key] = (timing[key] ?? 0) + (performance.now() - start);
    return result;
  };
  t = performance.now();
  for (const [n, item] of knownItems.entries()) {
    for (const [name, analyzer] of Object.entries(bodyTables) as [keyof typeof bodyTables, Analyzer][]) {
      const titleTerms = analyzer(item.title);
      const ids = await timed(`body:${name}`, () => bodyOnlySearch(kysely, `eval_body_${name}`, titleTerms));
      bodyRanks[name].push(reciprocalRank(ids, item.articleId));
    }
    for (const [name, analyzer] of Object.entries(leadTables) as [keyof typeof leadTables, Analyzer][]) {
      const titleTerms = analyzer(item.title);
      const ids = await timed(`lead:${name}`, () => bodyOnlySearch(kysely, `eval_lead_${name}`, titleTerms, LEAD_WEIGHT));
      leadRanks[name].push(reciprocalRank(ids, item.articleId));
      if (name === 'ours' && ids[0] !== item.articleId) oursMisses.push({ titleTerms, articleId: item.articleId, firstId: ids[0] });
    }
    const ours = await timed('product:ours', () => oursSearch(kysely, fullText, item.title, now, CUTOFF));
    const light10 = await timed('product:light10', () => productSearch(kysely, 'eval_light10', light10Analyzer, item.title, now, CUTOFF));
    const like = await timed('product:like', async () => likeSearch(item.title, CUTOFF));
    productRanks.ours.push(reciprocalRank(ours.ids, item.articleId));
    productRanks.light10.push(reciprocalRank(light10.ids, item.articleId));
    productRanks.like.push(reciprocalRank(like, item.articleId));
    if (ours.mode === 'any') productFilled.ours++;
    if (light10.mode === 'any') productFilled.light10++;
    if ((n + 1) % 1000 === 0) log(`  known-item ${n + 1}/${knownItems.length} (${seconds(t)} s)`);
  }
  const knownItemSeconds = seconds(t);
  const bodyScores = Object.fromEntries(Object.entries(bodyRanks).map(([k, v]) => [k, knownItemScore(v)])) as Record<
    keyof typeof bodyTables,
    KnownItemScore
  >;
  const leadScores = Object.fromEntries(Object.entries(leadRanks).map(([k, v]) => [k, knownItemScore(v)])) as Record<keyof typeof leadTables, KnownItemScore>;
  const productScores = Object.fromEntries(Object.entries(productRanks).map(([k, v]) => [k, knownItemScore(v)])) as Record<
    SystemName,
    KnownItemScore
  >;
  // Why Midad's body-only misses miss: what the title shares with its own body and with the body ranked first.
  const bodyTextOf = new Map(articles.rows.map((row) => [row.id, row.body_text]));
  const termSets = new Map<number, ReadonlySet<string>>();
  const bodyTermsOf = (id: number) => {
    let terms = termSets.get(id);
    if (!terms) termSets.set(id, (terms = new Set(oursAnalyzer(bodyTextOf.get(id) ?? ''))));
    return terms;
  };
  const missDiagnosis = diagnoseMisses(oursMisses, bodyTermsOf);

  // 6. Hand-written queries (LIKE through likeBaseline itself, Midad's top 10 through the service).
  t = performance.now();
  const run = async (system: SystemName, q: string, limit: number): Promise<RunResult> => {
    if (system === 'like') {
      const ids = await fullText.likeBaseline(kysely, likeText(q), limit);
      return { ids, total: ids.length, mode: 'all' };
    }
    if (system === 'light10') return productSearch(kysely, 'eval_light10', light10Analyzer, q, now, limit);
    return oursSearch(kysely, fullText, q, now, limit);
  };
  const ALL = 1_000_000;
  const unknownIds: string[] = [];
  const perQuery: QueryRow[] = [];
  for (const hand of runHand ? handQueries : []) {
    const mustFind = hand.mustFind.flatMap((id) => {
      const articleId = idOf.get(id);
      if (articleId === undefined) unknownIds.push(id);
      return articleId === undefined ? [] : [articleId];
    });
    const systems = {} as Record<SystemName, SystemRow>;
    for (const system of SYSTEMS) {
      // Midad's top 10 comes from the search service itself, as a reader would get it.
      const top =
        system === 'ours'
          ? (await services.search.search({ q: hand.query, limit: CUTOFF, cursor: null })).hits.map((h) => h.article.id)
          : (await run(system, hand.query, CUTOFF)).ids;
      // LIKE's top 10 comes from likeBaseline itself; its full match sets from the in-memory copy.
      const base = system === 'like' ? { ids: likeSearch(likeText(hand.query), ALL), total: 0, mode: 'all' as Mode } : await run(system, hand.query, ALL);
      const variants: VariantRow[] = [];
      for (const variant of hand.variants ?? []) {
        const vTop = (await run(system, variant, CUTOFF)).ids;
        const vAll = system === 'like' ? { ids: likeSearch(likeText(variant), ALL) } : await run(system, variant, ALL);
        variants.push({
          variant,
          recall: recall(vTop, mustFind),
          sameTop10: sameList(vTop, top),
          sameMatchSet: sameSet(vAll.ids, base.ids),
          matches: vAll.ids.length,
        });
      }
      systems[system] = { recall: recall(top, mustFind), top10: top, matches: base.ids.length, mode: base.mode, variants };
    }
    perQuery.push({ query: hand.query, kind: hand.kind ?? 'other', mustFind: hand.mustFind, systems });
  }
  // Diagnostic, not the product: how the same analyzer does if the page holds only the articles with
  // every word, falling back to any word when none has them all (the service's earlier rule), or with
  // any word alone. The service itself fills the page behind the every-word articles.
  const rankingDiagnostics = { andThenOrWhenEmpty: [] as number[], orOnly: [] as number[], asShipped: [] as number[] };
  for (const [i, hand] of (runHand ? handQueries : []).entries()) {
    const mustFind = hand.mustFind.flatMap((id) => idOf.get(id) ?? []);
    const { clauses } = parseQuery(hand.query);
    const all = await productQuery(kysely, 'article_search', clauses, 'all', now, CUTOFF);
    const any = await productQuery(kysely, 'article_search', clauses, 'any', now, CUTOFF);
    rankingDiagnostics.andThenOrWhenEmpty.push(recall(all.ids.length > 0 || clauses.length < 2 ? all.ids : any.ids, mustFind));
    rankingDiagnostics.orOnly.push(recall(any.ids, mustFind));
    rankingDiagnostics.asShipped.push(perQuery[i]!.systems.ours.recall);
  }
  const rankingDiagnosticScores = {
    note: "Midad's analyzer on the product index; only the rule for combining AND and OR differs",
    asShipped: round(mean(rankingDiagnostics.asShipped)),
    andThenOrWhenEmpty: round(mean(rankingDiagnostics.andThenOrWhenEmpty)),
    orOnly: round(mean(rankingDiagnostics.orOnly)),
  };
  const handSeconds = seconds(t);

  const sys = (row: QueryRow, system: SystemName): SystemRow => row.systems[system];
  const handSummary = (rows: readonly QueryRow[], system: SystemName) => {
    const variants = rows.flatMap((r) => sys(r, system).variants);
    return {
      queries: rows.length,
      recall: round(mean(rows.map((r) => sys(r, system).recall))),
      allFound: round(mean(rows.map((r) => (sys(r, system).recall === 1 ? 1 : 0)))),
      variants: variants.length,
      variantRecall: round(mean(variants.map((v) => v.recall))),
      variantsSameTop10: round(mean(variants.map((v) => (v.sameTop10 ? 1 : 0)))),
      variantsSameMatchSet: round(mean(variants.map((v) => (v.sameMatchSet ? 1 : 0)))),
    };
  };
  const kinds = [...new Set(perQuery.map((r) => r.kind))].sort();
  const handScores = Object.fromEntries(SYSTEMS.map((s) => [s, handSummary(perQuery, s)]));
  const byKind = Object.fromEntries(
    kinds.map((kind) => [kind, Object.fromEntries(SYSTEMS.map((s) => [s, handSummary(perQuery.filter((r) => r.kind === kind), s)]))]),
  );
  const variantFailures = Object.fromEntries(
    SYSTEMS.map((s) => [
      s,
      perQuery.flatMap((r) =>
        sys(r, s)
          .variants.filter((v) => !v.sameTop10 || !v.sameMatchSet)
          .map((v) => ({ query: r.query, variant: v.variant, sameTop10: v.sameTop10, sameMatchSet: v.sameMatchSet, baseMatches: sys(r, s).matches, variantMatches: v.matches })),
      ),
    ]),
  );
  const missed = perQuery
    .filter((r) => sys(r, 'ours').recall < 1)
    .map((r) => ({ query: r.query, kind: r.kind, recall: round(sys(r, 'ours').recall), light10: round(sys(r, 'light10').recall), like: round(sys(r, 'like').recall) }));

  const totalSeconds = seconds(started);
  const report = {
    generatedAt: new Date().toISOString(),
    corpus: { file: args.corpus, lines: lines.length, ...load, failed: load.failed.length, failures: load.failed.slice(0, 20) },
    now: new Date(now).toISOString(),
    timings: {
      totalSeconds,
      importSeconds,
      comparisonIndexSeconds: indexSeconds,
      checkSeconds,
      knownItemSeconds,
      handQuerySeconds: handSeconds,
      knownItemQuerySecondsBySystem: Object.fromEntries(Object.entries(timing).map(([k, v]) => [k, round(v / 1000, 1)])),
    },
    latency,
    checks: { parseClausesMatchesParseQuery: parseMismatch.length === 0, replicaChecked, serviceChecked, likeChecked, problems: checks },
    knownItem: {
      articles: knownItems.length,
      every,
      articlesSharingTheirTitle: sharedTitles,
      bodyOnly: {
        protocol: "the notes' protocol: only bodies indexed (one FTS5 column), plain bm25, the title's distinct terms OR'd, no recency",
        published: { light10: PUBLISHED.light10, snowball: PUBLISHED.snowball, raw: 0.679, normalizationOnly: 0.673 },
        ...bodyScores,
      },
      bodyOnlyLeadWeighted: {
        protocol: `Midad's ranking over bodies only: the same, with the lead (first sentence) in a second column weighted ${LEAD_WEIGHT} as the product weights it`,
        ...leadScores,
        oursMisses: missDiagnosis,
      },
      product: {
        protocol: `the product: headline, dek, body and lead indexed, bm25 weights 5/2/1/${LEAD_WEIGHT} × recency boost over the newest 1,001 matches, articles with all terms first and the page filled with those with some (search.service), title through parseQuery`,
        ...productScores,
        filledWithPartialMatches: productFilled,
      },
      target: PUBLISHED.target,
      targetMet: { bodyOnly: bodyScores.ours.mrr >= PUBLISHED.target, bodyOnlyLeadWeighted: leadScores.ours.mrr >= PUBLISHED.target, product: productScores.ours.mrr >= PUBLISHED.target },
    },
    handWritten: {
      file: args.queries,
      unknownIds,
      ...handScores,
      byKind,
      variantFailures,
      notFullyFoundByOurs: missed,
      rankingDiagnostics: rankingDiagnosticScores,
      perQuery,
    },
  };
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);

  printReport(report, { bodyScores, leadScores, productScores, missDiagnosis, handScores, byKind, variantFailures, missed, kinds });
  await db.close();
  if (args['keep-db']) log(`database kept: ${dbPath}`);
  else rmSync(dir, { recursive: true, force: true });
}

function pad(text: string | number, width: number): string {
  const s = String(text);
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}
function fix(value: number): string {
  return value.toFixed(3);
}

function printReport(
  report: { corpus: { lines: number; created: number; existing: number; failed: number }; latency: { queries: number; msPerSearch: number }; timings: { totalSeconds: number; importSeconds: number }; knownItem: { articles: number; articlesSharingTheirTitle: number }; checks: { problems: string[]; replicaChecked: number; serviceChecked: number }; handWritten: { unknownIds: string[]; rankingDiagnostics: { asShipped: number; andThenOrWhenEmpty: number; orOnly: number } } },
  figures: {
    bodyScores: Record<string, KnownItemScore>;
    leadScores: Record<string, KnownItemScore>;
    productScores: Record<string, KnownItemScore>;
    missDiagnosis: MissDiagnosis;
    handScores: Record<string, { queries: number; recall: number; allFound: number; variants: number; variantRecall: number; variantsSameTop10: number; variantsSameMatchSet: number }>;
    byKind: Record<string, Record<string, { queries: number; recall: number }>>;
    variantFailures: Record<string, { query: string; variant: string; sameTop10: boolean; sameMatchSet: boolean; baseMatches: number; variantMatches: number }[]>;
    missed: { query: string; kind: string; recall: number; light10: number; like: number }[];
    kinds: string[];
  },
): void {
  const out: string[] = [];
  const { corpus, timings, knownItem, checks } = report;
  out.push(`Search evaluation: ${corpus.created} articles loaded of ${corpus.lines} (${corpus.existing} duplicates, ${corpus.failed} failed); import ${timings.importSeconds} s, total ${timings.totalSeconds} s`);
  out.push(`search.service on this corpus: ${report.latency.msPerSearch} ms per search (${report.latency.queries} titles, snippets included)`);
  out.push(`Checks: ${checks.problems.length === 0 ? 'passed' : `${checks.problems.length} FAILED`} (parseQuery clauses; replicated SQL = FullTextIndex.search on ${checks.replicaChecked} queries; = search.service on ${checks.serviceChecked})`);
  out.push('');
  out.push(`(a) Known-item search: each article's title as the query, ${knownItem.articles} articles (${knownItem.articlesSharingTheirTitle} share their title with another)`);
  out.push('');
  if (!runKnownItem) {
    out.push('  skipped (--part hand)');
  } else {
    out.push("  1. The notes' protocol: bodies only, plain bm25, title words OR'd (published: light10 0.720, Snowball 0.725)");
    out.push(`     ${pad('system', 50)} ${pad('MRR@10', 8)} ${pad('R@10', 8)} ${pad('S@1', 8)}`);
    for (const name of ['raw', 'norm', 'light10', 'ours', 'oursNoStop']) {
      const s = figures.bodyScores[name]!;
      out.push(`     ${pad(SYSTEM_LABELS[name]!, 50)} ${pad(fix(s.mrr), 8)} ${pad(fix(s.recall), 8)} ${pad(fix(s.successAt1), 8)}`);
    }
    out.push('');
    out.push(`  2. Midad's ranking over bodies only: the same, with the body's lead (its first sentence) weighted ${LEAD_WEIGHT} more, as in the product`);
    out.push(`     ${pad('system', 50)} ${pad('MRR@10', 8)} ${pad('R@10', 8)} ${pad('S@1', 8)}`);
    for (const name of ['light10', 'ours']) {
      const s = figures.leadScores[name]!;
      out.push(`     ${pad(SYSTEM_LABELS[name]!, 50)} ${pad(fix(s.mrr), 8)} ${pad(fix(s.recall), 8)} ${pad(fix(s.successAt1), 8)}`);
    }
    const d = figures.missDiagnosis;
    const share = (n: number) => `${n} (${Math.round((100 * n) / Math.max(1, d.misses))} %)`;
    out.push(`     Midad's ${d.misses} titles not ranked first: title words absent from the article's own body ${share(d.titleWordsAbsentFromOwnBody)}; the first-ranked body holds as many of the title's words ${share(d.firstHoldsAsManyTitleTerms)}; the first-ranked is a near-copy ${share(d.firstIsNearCopy)}`);
    out.push('');
    out.push(`  3. The product: headline + dek + body + lead, weights 5/2/1/${LEAD_WEIGHT}, recency, all terms first then filled with some (LIKE: headline or body, newest first)`);
    out.push(`     ${pad('system', 50)} ${pad('MRR@10', 8)} ${pad('R@10', 8)} ${pad('S@1', 8)}`);
    for (const name of ['like', 'light10', 'ours']) {
      const s = figures.productScores[name]!;
      out.push(`     ${pad(SYSTEM_LABELS[name]!, 50)} ${pad(fix(s.mrr), 8)} ${pad(fix(s.recall), 8)} ${pad(fix(s.successAt1), 8)}`);
    }
    const bodyOurs = figures.bodyScores.ours!.mrr;
    const leadOurs = figures.leadScores.ours!.mrr;
    const productOurs = figures.productScores.ours!.mrr;
    out.push('');
    const verdict = (mrr: number) => `${fix(mrr)} → ${mrr >= PUBLISHED.target ? 'MET' : 'NOT MET'}`;
    out.push(`  Target MRR@10 >= ${PUBLISHED.target}: notes' protocol ${verdict(bodyOurs)}; Midad's ranking over bodies ${verdict(leadOurs)}; product ${fix(productOurs)} → ${productOurs >= PUBLISHED.target ? 'MET' : 'NOT MET'}`);
  }
  out.push('');
  if (!runHand) {
    out.push('(b) Hand-written queries: skipped (--part known-item)');
    console.log(out.join('\n'));
    return;
  }
  const first = figures.handScores.ours!;
  out.push(`(b) Hand-written queries: ${first.queries} queries, ${first.variants} variants (product setting; recall@10 of each query's must-find articles)`);
  out.push(`     ${pad('system', 50)} ${pad('R@10', 8)} ${pad('all', 8)} ${pad('var R@10', 9)} ${pad('var =top10', 11)} ${pad('var =set', 9)}`);
  for (const name of SYSTEMS) {
    const s = figures.handScores[name]!;
    out.push(`     ${pad(SYSTEM_LABELS[name]!, 50)} ${pad(fix(s.recall), 8)} ${pad(fix(s.allFound), 8)} ${pad(fix(s.variantRecall), 9)} ${pad(fix(s.variantsSameTop10), 11)} ${pad(fix(s.variantsSameMatchSet), 9)}`);
  }
  out.push('');
  out.push(`     recall@10 by kind:  ${pad('kind', 18)} ${pad('n', 4)} ${pad('LIKE', 7)} ${pad('light10', 8)} ${pad('Midad', 7)}`);
  for (const kind of figures.kinds) {
    const k = figures.byKind[kind]!;
    out.push(`                         ${pad(kind, 18)} ${pad(k.ours!.queries, 4)} ${pad(fix(k.like!.recall), 7)} ${pad(fix(k.light10!.recall), 8)} ${pad(fix(k.ours!.recall), 7)}`);
  }
  out.push('');
  for (const name of SYSTEMS) {
    const failures = figures.variantFailures[name]!;
    out.push(`     variants not identical to their base, ${name}: ${failures.length}`);
    if (name === 'ours') {
      for (const f of failures) {
        out.push(`       «${f.variant}» vs «${f.query}»: top 10 ${f.sameTop10 ? 'same' : 'differs'}, matches ${f.variantMatches} vs ${f.baseMatches}`);
      }
    }
  }
  const rd = report.handWritten.rankingDiagnostics;
  out.push('');
  out.push(`     diagnostic, Midad's analyzer with another AND/OR rule: as shipped (every word, then filled with some) ${fix(rd.asShipped)}; every word, any word only when none has all ${fix(rd.andThenOrWhenEmpty)}; any word ${fix(rd.orOnly)}`);
  out.push('');
  out.push(`     queries where Midad misses a must-find article: ${figures.missed.length}`);
  for (const m of figures.missed) out.push(`       [${m.kind}] «${m.query}»: Midad ${fix(m.recall)}, light10 ${fix(m.light10)}, LIKE ${fix(m.like)}`);
  if (report.handWritten.unknownIds.length > 0) out.push(`     unknown must-find ids: ${report.handWritten.unknownIds.join(', ')}`);
  console.log(out.join('\n'));
}

await main();

/**
 * Search benchmark: 100,000 articles generated from the corpus (bench/search-corpus.ts), loaded
 * into a SQLite file and into an embedded PostgreSQL, then a fixed mix of 64 reader queries
 * (bench/search-queries.ts). For each engine it reports indexing throughput measured two ways and
 * query latency (p50/p95/p99/mean) three ways: the real search service (parse, FTS, snippets), the
 * FTS query alone, and WordPress's `LIKE '%q%'` over the same queries, for the ratio.
 *
 * Loading: the first SEARCH_BENCH_FULL articles go through `services.articles.create` as an editor's
 * publish does (one transaction each, terms and related list computed), the next
 * SEARCH_BENCH_CREATE through the same call with `skipRelated` as the corpus import does; both are
 * timed. The rest are written in batches of 1,000 (the article rows and tags in one transaction,
 * with the repository's insert and the tag service, exactly the rows `create` writes), then indexed
 * by the search indexer in a second transaction per batch: that second step is the "search index
 * alone" figure (the indexer's multi-row indexMany, as start-up rebuilds use it). Related lists are not
 * computed for the batch-loaded articles; search does not read them.
 *
 * Run with `npm run bench:search`. Options: SEARCH_BENCH_ARTICLES (100000), SEARCH_BENCH_FULL (200),
 * SEARCH_BENCH_CREATE (5000), SEARCH_BENCH_ROUNDS (5 timed passes over the queries), SEARCH_BENCH_STOP_MS (5000: a slower query in the warm-up pass skips the timed rounds),
 * SEARCH_BENCH_LIKE_ROUNDS (2; 0 skips LIKE altogether), SEARCH_BENCH_ENGINES (sqlite,postgres: `postgres` alone skips SQLite). Writes bench/results/search.json.
 * To measure queries again without loading again: SEARCH_BENCH_SQLITE_FILE (a file path) and
 * SEARCH_BENCH_PG_URL (the URL of an existing, empty or loaded, PostgreSQL database). An empty one is
 * loaded and kept; one that already holds SEARCH_BENCH_ARTICLES articles is only migrated and
 * queried, and the report then has no indexing figures.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { deriveSourceKind } from '../src/arabic/wire-copy.ts';
import { documentFromParagraphs, documentParagraphs } from '../src/content/articles/article-document.ts';
import type { NewArticleInput } from '../src/content/articles/article.ts';
import { insertArticle } from '../src/content/articles/articles.repository.ts';
import { contentHashOf } from '../src/content/articles/articles.service.ts';
import { slugify } from '../src/arabic/slug.ts';
import { fixedClock } from '../src/content/clock.ts';
import { createContentEvents } from '../src/content/content-events.ts';
import { CORPUS_SECTIONS } from '../src/content/imports/corpus-sections.ts';
import { createSearchIndexer, type IndexableArticle } from '../src/content/search/search-indexer.ts';
import { parseQuery } from '../src/content/search/search-query.ts';
import { createDb } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { fullTextIndexFor, MATCH_CAP, type FullTextIndex } from '../src/db/full-text.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createServices, type Services } from '../src/main.ts';
import { createTestDatabase, startEmbeddedPostgres } from '../test/helpers/postgres.ts';
import { generateArticles, loadCorpus, seededRandom, YEAR_END, type GeneratedArticle } from './search-corpus.ts';
import { explainStatements, type ExplainedStatement } from './search-explain.ts';
import { BENCH_QUERIES, type BenchQuery } from './search-queries.ts';

const env = process.env;
const ARTICLES = Number(env.SEARCH_BENCH_ARTICLES ?? 100_000);
const FULL_CREATE = Math.min(ARTICLES, Number(env.SEARCH_BENCH_FULL ?? 200));
const IMPORT_CREATE = Math.min(ARTICLES - FULL_CREATE, Number(env.SEARCH_BENCH_CREATE ?? 5_000));
const ROUNDS = Number(env.SEARCH_BENCH_ROUNDS ?? 5);
const STOP_MS = Number(env.SEARCH_BENCH_STOP_MS ?? 5_000);
const LIKE_ROUNDS = Number(env.SEARCH_BENCH_LIKE_ROUNDS ?? 2);
const ENGINES = (env.SEARCH_BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()) as ('sqlite' | 'postgres')[];
const BATCH = 1_000;
const LIMIT = 10;
const SEED = 20_180_301;
const CORPUS = '/work/shared/corpus/ant-news-2018-03-01_2018-04-21.jsonl';
const NOW = new Date(YEAR_END);
const root = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Figures

interface Latency {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function latency(values: readonly number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

interface Throughput {
  articles: number;
  seconds: number;
  perSecond: number;
  /** Median time of one article (create paths) or one batch of 1,000 (batch paths), ms. */
  p50Ms: number;
}

function throughput(count: number, ms: number, unitMs: readonly number[]): Throughput {
  const sorted = [...unitMs].sort((a, b) => a - b);
  return {
    articles: count,
    seconds: Math.round(ms) / 1000,
    perSecond: count === 0 ? 0 : Math.round(count / (ms / 1000)),
    p50Ms: Math.round(percentile(sorted, 50) * 100) / 100,
  };
}

const progress = (text: string) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------------------------------------
// Engines

interface Engine {
  db: Db;
  version: string;
  sizeMiB(): Promise<Record<string, number>>;
  /** What a running site's background maintenance would have done after a bulk load. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

async function openSqlite(keptFile: string | undefined): Promise<Engine> {
  const dir = keptFile ? undefined : mkdtempSync(join(tmpdir(), 'midad-search-bench-'));
  const path = keptFile ?? join(dir!, 'bench.db');
  const db = await createDb({ kind: 'sqlite', path });
  const version = (await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(db.kysely)).rows[0]!.v;
  const size = (file: string) => (existsSync(file) ? statSync(file).size / 2 ** 20 : 0);
  return {
    db,
    version: `SQLite ${version}`,
    async sizeMiB() {
      return { database: Math.round(size(path)), wal: Math.round(size(`${path}-wal`)) };
    },
    // Nothing runs in the background on SQLite; the WAL is checkpointed as the app's writes do.
    async settle() {},
    async close() {
      await db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(keptUrl: string | undefined): Promise<Engine> {
  if (keptUrl) {
    const db = await createDb({ kind: 'postgres', url: keptUrl });
    return { db, ...(await postgresFacts(db)), close: () => db.close() };
  }
  const server = await startEmbeddedPostgres();
  try {
    const database = await createTestDatabase(server.url);
    const db = await createDb({ kind: 'postgres', url: database.url });
    return {
      db,
      ...(await postgresFacts(db)),
      async close() {
        await db.close();
        await database.drop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function postgresFacts(db: Db): Promise<Omit<Engine, 'db' | 'close'>> {
  const version = (await sql<{ server_version: string }>`SHOW server_version`.execute(db.kysely)).rows[0]!.server_version;
  return {
    version: `PostgreSQL ${version}`,
    async sizeMiB() {
      const rows = await sql<{ db: number; search: number; gin: number; articles: number }>`
        SELECT pg_database_size(current_database()) AS db,
               pg_total_relation_size('article_search') AS search,
               pg_relation_size('article_search_document') AS gin,
               pg_total_relation_size('articles') AS articles`.execute(db.kysely);
      const r = rows.rows[0]!;
      const mib = (n: number) => Math.round(Number(n) / 2 ** 20);
      return { database: mib(r.db), articles: mib(r.articles), articleSearch: mib(r.search), ginIndex: mib(r.gin) };
    },
    // Autovacuum would flush the GIN pending list and gather statistics within a minute of the load.
    async settle() {
      await sql`VACUUM ANALYZE`.execute(db.kysely);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Loaded {
  fullCreate: Throughput;
  importCreate: Throughput;
  batchRows: Throughput;
  searchIndexOnly: Throughput;
}

function createInput(article: GeneratedArticle, sectionId: number, origin: string, skipRelated: boolean): NewArticleInput {
  return {
    headline: article.headline,
    byline: article.byline,
    sourceKind: deriveSourceKind(article.byline),
    sectionId,
    body: documentFromParagraphs(article.paragraphs),
    tags: article.tags,
    status: 'published',
    publishedAt: article.publishedAt,
    origin,
    skipRelated,
  };
}

async function load(
  db: Db,
  services: Services,
  indexer: ReturnType<typeof createSearchIndexer>,
  articles: readonly GeneratedArticle[],
  sectionIds: ReadonlyMap<string, number>,
): Promise<Loaded> {
  const section = (a: GeneratedArticle) => sectionIds.get(a.sectionKey)!;

  // (a) The real create path, one transaction per article.
  async function viaCreate(from: number, to: number, skipRelated: boolean, label: string): Promise<Throughput> {
    const each: number[] = [];
    const start = performance.now();
    for (let i = from; i < to; i++) {
      const t = performance.now();
      const result = await services.articles.create(createInput(articles[i]!, section(articles[i]!), `bench:${i}`, skipRelated));
      each.push(performance.now() - t);
      if (!result.created) throw new Error(`article ${i} was a duplicate`);
      if ((i - from + 1) % 2000 === 0) progress(`  ${label}: ${i - from + 1}/${to - from}`);
    }
    return throughput(to - from, performance.now() - start, each);
  }
  progress(`  create (publish, with terms and related): ${FULL_CREATE} articles`);
  const fullCreate = await viaCreate(0, FULL_CREATE, false, 'create');
  progress(`  create (skipRelated, as the import does): ${IMPORT_CREATE} articles`);
  const importCreate = await viaCreate(FULL_CREATE, FULL_CREATE + IMPORT_CREATE, true, 'create skipRelated');

  // (b) The rest in batches: rows and tags in one transaction, then the search index in another.
  const rowBatches: number[] = [];
  const indexBatches: number[] = [];
  for (let from = FULL_CREATE + IMPORT_CREATE; from < articles.length; from += BATCH) {
    const batch = articles.slice(from, from + BATCH);
    let t = performance.now();
    const sources: IndexableArticle[] = await db.kysely.transaction().execute(async (trx) => {
      const saved: IndexableArticle[] = [];
      for (const [k, a] of batch.entries()) {
        const body = documentFromParagraphs(a.paragraphs);
        const paragraphs = documentParagraphs(body);
        const bodyText = paragraphs.join('\n\n');
        const row = await insertArticle(trx, {
          slug: slugify(a.headline, 100) || 'article',
          section_id: section(a),
          headline: a.headline,
          dek: null,
          byline: a.byline,
          source_kind: deriveSourceKind(a.byline),
          body_doc: JSON.stringify(body),
          body_text: bodyText,
          status: 'published',
          content_hash: contentHashOf(a.headline, paragraphs),
          origin: `bench:${from + k}`,
          created_at: NOW.getTime(),
          published_at: a.publishedAt.getTime(),
          updated_at: null,
          modified_at: NOW.getTime(),
        });
        const tags = await services.tags.ensureAll(a.tags, trx);
        await services.tags.setForArticle(row.id, tags.map((tag) => tag.id), trx);
        saved.push({ id: row.id, headline: row.headline, dek: row.dek, bodyText });
      }
      return saved;
    });
    rowBatches.push(performance.now() - t);
    t = performance.now();
    await db.kysely.transaction().execute((trx) => indexer.indexMany(sources, trx));
    indexBatches.push(performance.now() - t);
    const done = from + batch.length - FULL_CREATE - IMPORT_CREATE;
    if (done % 10_000 === 0) progress(`  batches: ${done}/${articles.length - FULL_CREATE - IMPORT_CREATE}`);
  }
  const batched = articles.length - FULL_CREATE - IMPORT_CREATE;
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  return {
    fullCreate,
    importCreate,
    batchRows: throughput(batched, sum(rowBatches), rowBatches),
    searchIndexOnly: throughput(batched, sum(indexBatches), indexBatches),
  };
}

// ---------------------------------------------------------------------------------------------
// Queries

interface QueryFigures {
  q: string;
  kind: string;
  section?: string;
  /** As the service reports it: at most 1001, with totalIsLowerBound above 1000. */
  total: number;
  totalIsLowerBound: boolean;
  /** How many of them have every word (they come first). */
  allTotal: number;
  mode: 'all' | 'any';
  /** Median over the timed rounds, ms. */
  serviceMs: number;
  ftsMs: number;
  likeMs: number;
  likeHits: number;
}

interface SearchFigures {
  /** null when the probe pass stopped: some query took longer than SEARCH_BENCH_STOP_MS. */
  service: Latency | null;
  ftsOnly: Latency | null;
  like: Latency;
  /** LIKE p50 / service p50 (the headline ratio). */
  likeRatioP50: number | null;
  /** The same ratio at the other points: LIKE is quick for common words (ten recent hits end its scan) and slow for rare ones. */
  likeRatio: { p95: number; p99: number; mean: number } | null;
  /** The first query over the limit in the probe pass, which ends the timed rounds for this engine. */
  stopped: { q: string; ms: number } | null;
  /** Each query once, in list order, before the timed rounds (warm-up), ms. */
  probeMs: Record<string, number>;
  byKind: Record<string, { serviceP50: number; ftsP50: number; likeP50: number }>;
  queries: QueryFigures[];
  /** How the engine ran the FTS statements of a few queries. */
  plans: Record<string, ExplainedStatement[]>;
}

const likeText = (query: BenchQuery) => query.q.replace(/["“”«»„]/g, ' ').replace(/\s+/g, ' ').trim();

/** Every pass visits the queries in a different (seeded) order, so no query always follows the same one. */
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function runQueries(db: Db, services: Services, fullText: FullTextIndex, sectionIds: ReadonlyMap<string, number>): Promise<SearchFigures> {
  const sectionOf = (query: BenchQuery) => (query.section ? { sectionId: sectionIds.get(query.section)! } : {});
  const service = (query: BenchQuery) => services.search.search({ q: query.q, limit: LIMIT, cursor: null, ...sectionOf(query) });
  // What the service does before it reads summaries and builds snippets: parse, then the articles with
  // every word and, while they are no more than MATCH_CAP, those with some (to fill the page and count).
  const ftsStatements = async (executor: typeof db.kysely, query: BenchQuery) => {
    const parsed = parseQuery(query.q);
    const base = { clauses: parsed.clauses, now: NOW.getTime(), offset: 0, ...sectionOf(query) };
    const all = await fullText.search(executor, { ...base, mode: 'all', limit: LIMIT });
    if (parsed.clauses.length < 2 || all.total > MATCH_CAP) return all;
    const some = await fullText.search(executor, { ...base, mode: 'partial', limit: LIMIT - all.hits.length });
    return { total: all.total + some.total, hits: [...all.hits, ...some.hits] };
  };
  const ftsOnly = (query: BenchQuery) => ftsStatements(db.kysely, query);
  const like = (query: BenchQuery) => fullText.likeBaseline(db.kysely, likeText(query), LIMIT);

  const queries = BENCH_QUERIES;
  const times = {
    service: new Map<BenchQuery, number[]>(queries.map((q) => [q, []])),
    fts: new Map<BenchQuery, number[]>(queries.map((q) => [q, []])),
    like: new Map<BenchQuery, number[]>(queries.map((q) => [q, []])),
  };
  type Facts = Pick<QueryFigures, 'total' | 'totalIsLowerBound' | 'allTotal' | 'mode' | 'likeHits'>;
  const facts = new Map<BenchQuery, Facts>();
  const time = async (list: number[], work: () => Promise<unknown>) => {
    const t = performance.now();
    await work();
    list.push(performance.now() - t);
  };

  // Probe and warm-up: each query once through the service and the FTS path (this also reads the
  // pages the queries need into the caches). A query slower than STOP_MS stops the latency rounds: a
  // plan that slow would keep the benchmark running for hours, and the report says which query it was.
  const probeMs: Record<string, number> = {};
  let stopped: SearchFigures['stopped'] = null;
  for (const query of queries) {
    const t = performance.now();
    const result = await service(query);
    const ms = performance.now() - t;
    probeMs[query.q] = Math.round(ms * 100) / 100;
    facts.set(query, { total: result.total, totalIsLowerBound: result.totalIsLowerBound, allTotal: result.allTotal, mode: result.mode, likeHits: 0 });
    if (ms > STOP_MS) {
      stopped = { q: query.q, ms: Math.round(ms) };
      progress(`  "${query.q}" took ${Math.round(ms)} ms (> ${STOP_MS} ms): no timed rounds on this engine`);
      break;
    }
    await ftsOnly(query);
  }
  const plans: SearchFigures['plans'] = {};
  const explained = [...(['name', 'common', 'phrase', 'fallback'] as const).map((kind) => queries.find((q) => q.kind === kind)), queries.find((q) => q.q === stopped?.q)];
  for (const query of new Set(explained)) {
    if (!query) continue;
    plans[query.q] = await explainStatements(db.kysely, db.dialect, (recording) => ftsStatements(recording, query));
  }
  const random = seededRandom(SEED + 1);
  for (let round = 0; round < (stopped ? 0 : ROUNDS); round++) {
    for (const query of shuffled(queries, random)) await time(times.service.get(query)!, () => service(query));
    for (const query of shuffled(queries, random)) await time(times.fts.get(query)!, () => ftsOnly(query));
  }
  progress(LIKE_ROUNDS > 0 ? `  LIKE: warm-up and ${LIKE_ROUNDS} passes` : '  LIKE: skipped (SEARCH_BENCH_LIKE_ROUNDS=0)');
  for (const query of LIKE_ROUNDS > 0 ? queries : []) {
    const hits = (await like(query)).length;
    const known = facts.get(query);
    if (known) known.likeHits = hits;
    else facts.set(query, { total: NaN, totalIsLowerBound: false, allTotal: NaN, mode: 'all', likeHits: hits });
  }
  for (let round = 0; round < LIKE_ROUNDS; round++) {
    for (const query of shuffled(queries, random)) await time(times.like.get(query)!, () => like(query));
  }

  const all = (map: Map<BenchQuery, number[]>, filter: (q: BenchQuery) => boolean = () => true) =>
    [...map].filter(([q]) => filter(q)).flatMap(([, v]) => v);
  const figures = {
    service: stopped ? null : latency(all(times.service)),
    ftsOnly: stopped ? null : latency(all(times.fts)),
    like: latency(all(times.like)),
  };
  const byKind: SearchFigures['byKind'] = {};
  for (const kind of new Set(queries.map((q) => q.kind))) {
    const ofKind = (q: BenchQuery) => q.kind === kind;
    byKind[kind] = {
      serviceP50: latency(all(times.service, ofKind)).p50,
      ftsP50: latency(all(times.fts, ofKind)).p50,
      likeP50: latency(all(times.like, ofKind)).p50,
    };
  }
  return {
    ...figures,
    likeRatioP50: figures.service ? Math.round((figures.like.p50 / figures.service.p50) * 10) / 10 : null,
    likeRatio: figures.service
      ? {
          p95: Math.round((figures.like.p95 / figures.service.p95) * 10) / 10,
          p99: Math.round((figures.like.p99 / figures.service.p99) * 10) / 10,
          mean: Math.round((figures.like.mean / figures.service.mean) * 10) / 10,
        }
      : null,
    stopped,
    probeMs,
    byKind,
    plans,
    queries: queries.map((query) => ({
      q: query.q,
      kind: query.kind,
      ...(query.section ? { section: query.section } : {}),
      total: facts.get(query)!.total,
      totalIsLowerBound: facts.get(query)!.totalIsLowerBound,
      allTotal: facts.get(query)!.allTotal,
      mode: facts.get(query)!.mode,
      serviceMs: latency(times.service.get(query)!).p50,
      ftsMs: latency(times.fts.get(query)!).p50,
      likeMs: latency(times.like.get(query)!).p50,
      likeHits: facts.get(query)!.likeHits,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// One engine, end to end

interface EngineFigures {
  version: string;
  articles: number;
  /** null when the run reused a loaded database (SEARCH_BENCH_SQLITE_FILE, SEARCH_BENCH_PG_URL). */
  indexing: Loaded | null;
  sizeMiB: Record<string, number>;
  search: SearchFigures;
  seconds: { load: number; queries: number };
}

async function runEngine(dialect: 'sqlite' | 'postgres', articles: readonly GeneratedArticle[]): Promise<EngineFigures> {
  progress(`\n[${dialect}] starting`);
  const engine = dialect === 'sqlite' ? await openSqlite(env.SEARCH_BENCH_SQLITE_FILE) : await openPostgres(env.SEARCH_BENCH_PG_URL);
  try {
    const { db } = engine;
    await migrateToLatest(db);
    const loaded = await db.kysely.selectFrom('articles').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const clock = fixedClock(NOW);
    const services = createServices({ db, clock, events: createContentEvents() });
    const fullText = fullTextIndexFor(db.dialect);
    const indexer = createSearchIndexer({ db: db.kysely, fullText });
    const sectionIds = new Map<string, number>();
    for (const { key, name } of CORPUS_SECTIONS) sectionIds.set(key, (await services.sections.ensure(name)).id);

    let t = performance.now();
    const reused = Number(loaded.n) === articles.length;
    if (reused) progress(`  reusing the ${articles.length} articles already loaded`);
    const indexing = reused ? null : await load(db, services, indexer, articles, sectionIds);
    await engine.settle();
    const loadSeconds = (performance.now() - t) / 1000;
    const count = await services.articles.countAll();
    const missing = await fullText.missing(db.kysely, 10);
    if (count !== articles.length || missing.length > 0) throw new Error(`loaded ${count} articles, ${missing.length} not indexed`);
    progress(`[${dialect}] loaded ${count} articles in ${loadSeconds.toFixed(0)} s; running ${BENCH_QUERIES.length} queries`);

    t = performance.now();
    const search = await runQueries(db, services, fullText, sectionIds);
    const querySeconds = (performance.now() - t) / 1000;
    return {
      version: engine.version,
      articles: count,
      indexing,
      sizeMiB: await engine.sizeMiB(),
      search,
      seconds: { load: Math.round(loadSeconds), queries: Math.round(querySeconds) },
    };
  } finally {
    await engine.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function printReport(engines: Record<string, EngineFigures>, machine: string): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`\nSearch over ${ARTICLES.toLocaleString('en')} articles — ${machine}`);
  console.log('\nlatency, ms          engine      p50     p95     p99    mean   (samples)');
  for (const [name, e] of Object.entries(engines)) {
    const rows: [string, Latency | null][] = [
      ['search (service)', e.search.service],
      ['FTS query only', e.search.ftsOnly],
      ["LIKE '%q%'", e.search.like],
    ];
    for (const [label, l] of rows) {
      if (!l) console.log(`${label.padEnd(20)} ${name.padEnd(9)} not measured: "${e.search.stopped?.q}" took ${e.search.stopped?.ms} ms in the probe pass`);
      else console.log(`${label.padEnd(20)} ${name.padEnd(9)} ${pad(l.p50, 7)} ${pad(l.p95, 7)} ${pad(l.p99, 7)} ${pad(l.mean, 7)}   (${l.samples})`);
    }
    if (e.search.likeRatioP50 !== null && e.search.likeRatio) {
      const r = e.search.likeRatio;
      console.log(`${'LIKE / ours'.padEnd(20)} ${name.padEnd(9)} ${pad(`×${e.search.likeRatioP50}`, 7)} ${pad(`×${r.p95}`, 7)} ${pad(`×${r.p99}`, 7)} ${pad(`×${r.mean}`, 7)}`);
    }
  }
  console.log('\nindexing, articles/s                    ' + Object.keys(engines).map((n) => n.padStart(10)).join(''));
  const indexRows: [string, keyof Loaded][] = [
    ['create, publish with related (first N)', 'fullCreate'],
    ['create, skipRelated (import path)', 'importCreate'],
    ['batch rows + tags (no index)', 'batchRows'],
    ['search index alone (batches of 1000)', 'searchIndexOnly'],
  ];
  for (const [label, key] of indexRows) {
    console.log(`${label.padEnd(40)}${Object.values(engines).map((e) => pad(e.indexing ? `${e.indexing[key].perSecond}` : 'reused', 10)).join('')}`);
  }
  console.log('\nby kind, p50 ms (service / FTS / LIKE)');
  for (const [name, e] of Object.entries(engines)) {
    console.log(`  ${name}: ${Object.entries(e.search.byKind).map(([k, v]) => `${k} ${v.serviceP50}/${v.ftsP50}/${v.likeP50}`).join(' · ')}`);
  }
  console.log('\nslowest queries by service p50, or by the probe pass when it stopped (ms, total hits)');
  for (const [name, e] of Object.entries(engines)) {
    const ms = (q: QueryFigures) => (e.search.stopped ? e.search.probeMs[q.q] ?? 0 : q.serviceMs);
    const slow = [...e.search.queries].filter((q) => q.q in e.search.probeMs).sort((a, b) => ms(b) - ms(a)).slice(0, 6);
    console.log(`  ${name}: ${slow.map((q) => `${q.q} ${ms(q)} (${q.total})`).join(' · ')}`);
  }
  console.log('\nplans of the FTS statements');
  for (const [name, e] of Object.entries(engines)) {
    for (const [q, statements] of Object.entries(e.search.plans)) {
      for (const [k, st] of statements.entries()) {
        const lines = st.plan.filter((line) => !/^\s*(Planning|Buffers: shared hit=\d+$)/.test(line)).slice(0, 14);
        console.log(`  ${name} «${q}» statement ${k + 1}:\n${lines.map((line) => `      ${line}`).join('\n')}`);
      }
    }
  }
}

async function main() {
  const started = performance.now();
  const loadStart = loadavg();
  progress(`generating ${ARTICLES} articles from the corpus (seed ${SEED})`);
  const corpus = loadCorpus(CORPUS);
  const articles = [...generateArticles(corpus, ARTICLES, SEED)];
  const bodyChars = articles.map((a) => a.paragraphs.join('\n\n').length).sort((a, b) => a - b);

  const engines: Record<string, EngineFigures> = {};
  for (const dialect of ENGINES) engines[dialect] = await runEngine(dialect, articles);

  const cpu = cpus()[0]?.model ?? 'cpu';
  const machine = `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const sectionCounts: Record<string, number> = {};
  for (const a of articles) sectionCounts[a.sectionKey] = (sectionCounts[a.sectionKey] ?? 0) + 1;
  const report = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpuModel: cpu,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { start: loadStart.map((n) => Math.round(n * 100) / 100), end: loadavg().map((n) => Math.round(n * 100) / 100) },
    },
    dataset: {
      articles: ARTICLES,
      seed: SEED,
      source: 'ANT Corpus v2.1 (Chouigui, Ben Khiroun, Elayeb, AICCSA 2017): 8,115 stories recombined by paragraph',
      bodyChars: { p50: percentile(bodyChars, 50), p90: percentile(bodyChars, 90), max: bodyChars.at(-1) },
      sections: sectionCounts,
      published: { from: new Date(YEAR_END - 365 * 86_400_000).toISOString(), to: new Date(YEAR_END).toISOString() },
      loading: {
        fullCreate: FULL_CREATE,
        importCreate: IMPORT_CREATE,
        batched: ARTICLES - FULL_CREATE - IMPORT_CREATE,
        batchSize: BATCH,
      },
    },
    queries: { count: BENCH_QUERIES.length, limit: LIMIT, timedRounds: ROUNDS, likeRounds: LIKE_ROUNDS },
    engines,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/search.json'), JSON.stringify(report, null, 2));
  printReport(engines, machine);
  console.log(`\n${report.seconds} s in all; bench/results/search.json written`);
}

await main();

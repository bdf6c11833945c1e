/**
 * Measures related articles on the ANT corpus: loads it into a fresh SQLite site through the import
 * service (importJsonlFile, whose last step is the bulk refresh), then, for the hand-picked articles of
 * scripts/related-expectations.json, counts how many of the stories a reader would expect are among the
 * 4 shown — for the current scoring, the previous one (kept below), and "latest in the same section".
 *
 *   node --import tsx scripts/eval-related.ts [--corpus FILE] [--expectations FILE] [--no-tags] [--keep DIR]
 *
 * --keep DIR keeps the database in DIR, and reuses it when it is already loaded (then only the bulk
 * refresh runs again). Tags are added the way scripts/make-demo-sample.ts adds them to the demo
 * (well-known names mentioned at least twice), unless --no-tags.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeForMatch } from '../src/arabic/normalize.ts';
import { demoTagsOf } from './demo-tags.ts';
import { significantTerms } from '../src/arabic/terms.ts';
import { minhash } from '../src/arabic/minhash.ts';
import { fixedClock } from '../src/content/clock.ts';
import { createContentEvents } from '../src/content/content-events.ts';
import { importJsonlFile } from '../src/content/imports/demo-content.ts';
import { CORPUS_SECTIONS } from '../src/content/imports/corpus-sections.ts';
import { isSameStory } from '../src/content/related/related-ranking.ts';
import { createDb } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createServices } from '../src/main.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus/ant-news-2018-03-01_2018-04-21.jsonl' },
    expectations: { type: 'string', default: 'scripts/related-expectations.json' },
    'no-tags': { type: 'boolean', default: false },
    keep: { type: 'string' },
  },
});

interface CorpusLine {
  id: string;
  section: string;
  title: string;
  body: string;
  published: string;
}
interface Expectation {
  id: string;
  note: string;
  expected: string[];
}

const SHOWN = 4;

const tagsOf = demoTagsOf;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

// The site: a fresh SQLite file (in memory-backed /dev/shm when there is one, since each import commits).
const scratch = args.keep ?? mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'midad-eval-related-'));
mkdirSync(scratch, { recursive: true });
const corpus = readFileSync(args.corpus, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as CorpusLine);
const latest = Math.max(...corpus.map((a) => Date.parse(a.published)));
const db = await createDb({ kind: 'sqlite', path: join(scratch, 'midad.db') });
await migrateToLatest(db);
const services = createServices({ db, clock: fixedClock(new Date(latest + 86_400_000)), events: createContentEvents() });

let relatedTime = 0;
const refreshAll = services.articles.refreshAllRelated.bind(services.articles);
services.articles.refreshAllRelated = async () => {
  const started = performance.now();
  const count = await refreshAll();
  relatedTime = performance.now() - started;
  return count;
};

const loaded = await services.articles.countAll();
if (loaded === 0) {
  for (const section of CORPUS_SECTIONS) await services.sections.ensure(section.name);
  const file = join(scratch, 'corpus.jsonl');
  const lines = corpus.map((a) => JSON.stringify(args['no-tags'] ? a : { ...a, tags: tagsOf(a.title, a.body) }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const started = performance.now();
  const report = await importJsonlFile(services, file, { publish: true });
  const total = performance.now() - started;
  console.log(
    `loaded ${report.created} articles (${report.failed.length} failed) in ${(total / 1000).toFixed(1)} s: ` +
      `imports ${((total - relatedTime) / 1000).toFixed(1)} s, bulk related refresh ${(relatedTime / 1000).toFixed(1)} s`,
  );
} else {
  await services.articles.refreshAllRelated();
  console.log(`reused ${loaded} articles in ${scratch}; bulk related refresh ${(relatedTime / 1000).toFixed(1)} s`);
}

// Corpus ids ↔ article ids, and what the other two methods read.
const rows = await db.kysely
  .selectFrom('articles')
  .select(['id', 'origin', 'section_id', 'headline', 'body_text', 'published_at'])
  .where('status', '=', 'published')
  .orderBy('id')
  .execute();
const articleIdOf = new Map<string, number>();
const corpusIdOf = new Map<number, string>();
for (const row of rows) {
  const corpusId = row.origin?.replace(/^corpus:/, '');
  if (!corpusId) continue;
  articleIdOf.set(corpusId, row.id);
  corpusIdOf.set(row.id, corpusId);
}
const byId = new Map(rows.map((r) => [r.id, r]));

/**
 * The scoring this replaces, as it was: significant words of headline (counted double) and body, only
 * within the article's section, idf-weighted overlap with a 30-day half-life, same headline excluded.
 */
function previousScoring(): Map<number, number[]> {
  const weightsOf = (headline: string, body: string) => {
    const weights = new Map<string, number>();
    significantTerms(body, 30).forEach((term, rank) => weights.set(term, 1 + (30 - rank) / 30));
    for (const term of significantTerms(headline, 12)) weights.set(term, (weights.get(term) ?? 0) + 2);
    return weights;
  };
  const terms = new Map(rows.map((r) => [r.id, weightsOf(r.headline, r.body_text)]));
  const df = new Map<string, number>();
  const postings = new Map<string, { id: number; weight: number }[]>();
  for (const row of rows) {
    for (const [term, weight] of terms.get(row.id)!) {
      df.set(term, (df.get(term) ?? 0) + 1);
      const key = `${row.section_id}\u0000${term}`;
      const list = postings.get(key) ?? [];
      list.push({ id: row.id, weight });
      postings.set(key, list);
    }
  }
  const headlines = new Map(rows.map((r) => [r.id, normalizeForMatch(r.headline).trim()]));
  const out = new Map<number, number[]>();
  for (const row of rows) {
    const ownHeadline = headlines.get(row.id);
    const scores = new Map<number, number>();
    for (const [term, weight] of terms.get(row.id)!) {
      const idf = Math.log(1 + rows.length / Math.max(1, df.get(term) ?? 1));
      for (const posting of postings.get(`${row.section_id}\u0000${term}`) ?? []) {
        if (posting.id === row.id) continue;
        if (headlines.get(posting.id) === ownHeadline) continue;
        scores.set(posting.id, (scores.get(posting.id) ?? 0) + idf * weight * posting.weight);
      }
    }
    const ranked = [...scores]
      .map(([id, score]) => {
        const days = Math.abs((row.published_at ?? 0) - (byId.get(id)!.published_at ?? 0)) / 86_400_000;
        return { id, score: score * Math.pow(0.5, days / 30) };
      })
      .sort((a, b) => b.score - a.score || b.id - a.id);
    out.set(row.id, ranked.slice(0, SHOWN).map((r) => r.id));
  }
  return out;
}

/** The newest stories of the same section published before the article. */
function latestInSection(articleId: number): number[] {
  const own = byId.get(articleId)!;
  return rows
    .filter((r) => r.section_id === own.section_id && r.id !== own.id && (r.published_at ?? 0) <= (own.published_at ?? 0))
    .sort((a, b) => (b.published_at ?? 0) - (a.published_at ?? 0) || b.id - a.id)
    .slice(0, SHOWN)
    .map((r) => r.id);
}

const expectations = (JSON.parse(readFileSync(args.expectations, 'utf8')) as { articles: Expectation[] }).articles;
const started = performance.now();
const previous = previousScoring();
console.log(`previous scoring computed in memory in ${seconds(started)}\n`);

const fingerprints = new Map<number, ReturnType<typeof minhash>>();
const fingerprint = (id: number) => {
  let f = fingerprints.get(id);
  if (!f) fingerprints.set(id, (f = minhash(byId.get(id)!.body_text)));
  return f;
};

type Method = 'current' | 'previous' | 'latest in section';
const methods: Method[] = ['current', 'previous', 'latest in section'];
const totals = Object.fromEntries(methods.map((m) => [m, { hits: 0, found: 0, possible: 0, shown: 0, copies: 0, firstRank: 0 }])) as Record<
  Method,
  { hits: number; found: number; possible: number; shown: number; copies: number; firstRank: number }
>;
let copiesExpected = 0;

for (const expectation of expectations) {
  const articleId = articleIdOf.get(expectation.id);
  if (articleId === undefined) throw new Error(`not in the corpus: ${expectation.id}`);
  // Copies of the article's own story are never shown, so they are not expected either.
  const expected = new Set<number>();
  for (const corpusId of expectation.expected) {
    const id = articleIdOf.get(corpusId);
    if (id === undefined) throw new Error(`not in the corpus: ${corpusId}`);
    if (isSameStory(fingerprint(articleId), fingerprint(id))) copiesExpected++;
    else expected.add(id);
  }
  const lists: Record<Method, number[]> = {
    current: (await services.articles.related(articleId)).map((a) => a.id),
    previous: previous.get(articleId) ?? [],
    'latest in section': latestInSection(articleId),
  };
  console.log(`${expectation.id}  ${byId.get(articleId)!.headline}`);
  console.log(`  expected: ${expected.size} stories (${expectation.note})`);
  for (const method of methods) {
    const list = lists[method];
    const found = list.filter((id) => expected.has(id)).length;
    const copies = list.filter((id) => isSameStory(fingerprint(articleId), fingerprint(id))).length;
    const t = totals[method];
    t.hits += found > 0 ? 1 : 0;
    t.found += found;
    t.possible += Math.min(SHOWN, expected.size);
    t.shown += list.length;
    t.copies += copies;
    const first = list.findIndex((id) => expected.has(id));
    t.firstRank += first === -1 ? 0 : 1 / (first + 1);
    const marks = list.map((id) => (expected.has(id) ? '✓' : isSameStory(fingerprint(articleId), fingerprint(id)) ? 'copy' : '·')).join(' ');
    console.log(`  ${method.padEnd(18)} ${found}/${Math.min(SHOWN, expected.size)}  [${marks}]`);
    if (method === 'current') for (const id of list) console.log(`      ${expected.has(id) ? '✓' : ' '} ${corpusIdOf.get(id)}  ${byId.get(id)!.headline}`);
  }
}

const n = expectations.length;
console.log(`\n${n} articles, ${[...expectations].reduce((s, e) => s + e.expected.length, 0)} expected stories (${copiesExpected} of them copies of the article's own story, left out)`);
console.log('method              hit rate  recall@4  precision@4  MRR    copies shown');
for (const method of methods) {
  const t = totals[method];
  console.log(
    `${method.padEnd(18)}  ${(t.hits / n).toFixed(2).padStart(8)}  ${(t.found / t.possible).toFixed(2).padStart(8)}  ${(t.found / Math.max(1, t.shown)).toFixed(2).padStart(11)}  ${(t.firstRank / n).toFixed(2).padStart(5)}  ${String(t.copies).padStart(12)}`,
  );
}
console.log(
  '\nhit rate: share of articles with at least one expected story among the 4; recall@4: expected stories found / min(4, expected);' +
    '\nprecision@4: shown stories that were expected (a lower bound: the lists of expectations are not exhaustive);' +
    '\nMRR: mean of 1/rank of the first expected story; copies shown: stories that are copies of the article itself.',
);

await db.close();
if (!args.keep) rmSync(scratch, { recursive: true, force: true });

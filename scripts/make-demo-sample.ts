/**
 * Builds demo/articles.jsonl: a fixed, reproducible sample of the ANT corpus for the demo site,
 * spread over the six sections and over the corpus's seven weeks, with the stories about Russia and
 * North Korea kept so that the reference article has real neighbours. Tags are the well-known
 * names each article mentions most. Run: node --import tsx scripts/make-demo-sample.ts [CORPUS]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { normalizeForMatch } from '../src/arabic/normalize.ts';
import { demoTagsOf } from './demo-tags.ts';

const corpusPath = process.argv[2] ?? '../shared/corpus/ant-news-2018-03-01_2018-04-21.jsonl';
const QUOTAS: Record<string, number> = {
  internationalNews: 90,
  middleEast: 70,
  sport: 60,
  economy: 50,
  technology: 45,
  culture: 40,
};
/** Stories a reader of the reference article would expect next to it. */
const NEIGHBOUR_WORDS = ['لافروف', 'كوريا الشمالية', 'بيونغ يانغ', 'بوتين'];
const NEIGHBOURS_MAX = 30;


interface CorpusArticle {
  id: string;
  source: string;
  section: string;
  title: string;
  body: string;
  published: string;
  url: string;
  author: string;
}

const articles = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as CorpusArticle)
  .sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));

const padded = (text: string) => ` ${normalizeForMatch(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
const mentions = (haystack: string, word: string) => {
  const needle = ` ${normalizeForMatch(word)} `;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
};

const chosen: CorpusArticle[] = [];
for (const [section, quota] of Object.entries(QUOTAS)) {
  const pool = articles.filter((a) => a.section === section && a.body.length > 400 && a.body.length < 6000);
  const picked = new Set<CorpusArticle>();
  if (section === 'internationalNews') {
    for (const a of pool) {
      if (picked.size >= NEIGHBOURS_MAX) break;
      const text = padded(`${a.title} ${a.body}`);
      if (NEIGHBOUR_WORDS.some((w) => mentions(text, w) > 0)) picked.add(a);
    }
  }
  // The rest evenly across the weeks, so every day of the demo has news.
  const step = pool.length / (quota - picked.size);
  for (let i = 0; picked.size < quota && i < pool.length * 2; i++) {
    const candidate = pool[Math.floor((i * step) % pool.length)];
    if (candidate) picked.add(candidate);
  }
  chosen.push(...picked);
}

const lines = chosen
  .sort((a, b) => a.published.localeCompare(b.published))
  .map((a) => {
    const tags = demoTagsOf(a.title, a.body);
    return JSON.stringify({ ...a, tags });
  });
writeFileSync('demo/articles.jsonl', lines.join('\n') + '\n');
console.log(`wrote ${lines.length} articles to demo/articles.jsonl`);

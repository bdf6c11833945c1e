/**
 * The search benchmark's articles: any number of them, generated deterministically from the ANT
 * corpus by recombining its real paragraphs. Each article takes a real story as its template (its
 * section, title, byline, lede and number of paragraphs), keeps the lede so that headline and text
 * agree, and fills the rest with paragraphs drawn from other stories of the same section, so that
 * lengths, vocabulary and section mix are those of the corpus. Dates are spread over one year.
 */
import { readFileSync } from 'node:fs';
import { contentHashOf } from '../src/content/articles/articles.service.ts';

/** One line of the corpus file. */
interface CorpusLine {
  id: string;
  section: string;
  title: string;
  body: string;
  published: string;
  author?: string;
}

interface Template {
  section: string;
  title: string;
  author: string | null;
  paragraphs: string[];
}

/** What the corpus gives the generator, read once. */
export interface Corpus {
  templates: Template[];
  /** Every paragraph of every story of a section. */
  paragraphsBySection: Map<string, string[]>;
  sectionKeys: string[];
}

/** An article to save, in the shape the import path builds (paragraphs, byline, section key). */
export interface GeneratedArticle {
  headline: string;
  byline: string | null;
  sectionKey: string;
  paragraphs: string[];
  publishedAt: Date;
  tags: string[];
}

/** The year the generated stories are published in; the corpus itself ends on 2018-04-21. */
export const YEAR_END = Date.parse('2018-04-22T00:00:00Z');
const YEAR_MS = 365 * 86_400_000;

// A newsroom tags about half its stories with a topic or two; the corpus has no tags, so these stand in.
const TAGS_BY_SECTION: Record<string, string[]> = {
  internationalNews: ['روسيا', 'الولايات المتحدة', 'أوروبا', 'كوريا الشمالية', 'الهجرة', 'الانتخابات'],
  middleEast: ['سوريا', 'اليمن', 'العراق', 'فلسطين', 'إيران', 'مصر'],
  economy: ['النفط', 'الأسواق', 'العملات', 'التجارة', 'البنوك'],
  sport: ['كرة القدم', 'كأس العالم', 'الدوري الإنجليزي', 'الدوري الإسباني', 'التنس'],
  technology: ['فيسبوك', 'الهواتف الذكية', 'الفضاء', 'الأمن الإلكتروني'],
  culture: ['السينما', 'الكتب', 'الموسيقى', 'التراث'],
};

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same articles on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads the corpus JSONL file into templates and per-section paragraph pools. */
export function loadCorpus(path: string): Corpus {
  const templates: Template[] = [];
  const paragraphsBySection = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as CorpusLine;
    const paragraphs = row.body.split('\n').map((p) => p.trim()).filter(Boolean);
    const title = row.title.replace(/\s+/g, ' ').trim();
    if (paragraphs.length === 0 || !title) continue;
    templates.push({ section: row.section, title, author: row.author?.trim() || null, paragraphs });
    const pool = paragraphsBySection.get(row.section) ?? [];
    pool.push(...paragraphs);
    paragraphsBySection.set(row.section, pool);
  }
  return { templates, paragraphsBySection, sectionKeys: [...paragraphsBySection.keys()] };
}

/**
 * Yields `count` distinct articles (distinct by the content hash the service deduplicates on),
 * the same ones for the same seed. Memory stays flat: articles are made as they are read.
 */
export function* generateArticles(corpus: Corpus, count: number, seed: number): Generator<GeneratedArticle> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  for (let made = 0; made < count; ) {
    const template = pick(corpus.templates);
    const pool = corpus.paragraphsBySection.get(template.section)!;
    // The template's length, give or take a paragraph, and never a copy of the template alone.
    const length = Math.max(2, template.paragraphs.length + Math.floor(random() * 3) - 1);
    const paragraphs = [template.paragraphs[0]!];
    while (paragraphs.length < length) paragraphs.push(pick(pool));
    const hash = contentHashOf(template.title, paragraphs);
    if (seen.has(hash)) continue;
    seen.add(hash);
    const topics = TAGS_BY_SECTION[template.section] ?? [];
    const tagCount = random() < 0.5 ? 0 : 1 + Math.floor(random() * 2);
    const tags = [...new Set(Array.from({ length: tagCount }, () => pick(topics)))].filter(Boolean);
    made++;
    yield {
      headline: template.title,
      byline: template.author,
      sectionKey: template.section,
      paragraphs,
      publishedAt: new Date(YEAR_END - Math.floor(random() * YEAR_MS)),
      tags,
    };
  }
}

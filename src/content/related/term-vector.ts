import { analyze } from '../../arabic/stem.ts';

/** A term of an article's vector with its weight (the vector has unit length). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Terms kept per article: enough to describe a story, few enough to keep the term index small. */
export const TERM_VECTOR_SIZE = 32;
/** A headline word counts as three body words, a dek word as two: they say what the story is about. */
const HEADLINE_REPEAT = 3;
const DEK_REPEAT = 2;
const NUMBER = /^[\d.,]+$/u;

/** What an article's terms are taken from. */
export interface ArticleText {
  headline: string;
  dek?: string | null;
  bodyText: string;
}

/**
 * How often each analyzed term occurs (our analyzer: normalize, drop stop words, light stem), the
 * headline and dek counted extra. Bare numbers and one-letter terms say nothing about a story.
 */
export function termCounts(text: ArticleText): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (source: string, times: number) => {
    for (const term of analyze(source)) {
      if (term.length < 2 || NUMBER.test(term)) continue;
      counts.set(term, (counts.get(term) ?? 0) + times);
    }
  };
  add(text.headline, HEADLINE_REPEAT);
  if (text.dek) add(text.dek, DEK_REPEAT);
  add(text.bodyText, 1);
  return counts;
}

/** Inverse document frequency: a term in every article weighs ln 2, one in a single article ln(1 + N). */
export function inverseDocumentFrequency(articleCount: number, documents: number): number {
  return Math.log(1 + Math.max(1, articleCount) / Math.max(1, documents));
}

/**
 * The article's top terms by tf-idf (1 + ln tf, times idf), scaled to unit length, so that the dot
 * product of two vectors is their cosine. Weights are rounded to 32-bit floats, which is what
 * PostgreSQL's `real` keeps, so both engines and the in-memory bulk path compute identical scores.
 * Sorted by weight, heaviest first (ties by term).
 */
export function termVector(
  counts: ReadonlyMap<string, number>,
  documentsWith: (term: string) => number,
  articleCount: number,
  size = TERM_VECTOR_SIZE,
): WeightedTerm[] {
  const weighted = [...counts].map(([term, count]) => ({
    term,
    weight: (1 + Math.log(count)) * inverseDocumentFrequency(articleCount, documentsWith(term)),
  }));
  weighted.sort(byWeight);
  const top = weighted.slice(0, size);
  const norm = Math.sqrt(top.reduce((sum, t) => sum + t.weight * t.weight, 0));
  if (norm === 0) return [];
  return top.map((t) => ({ term: t.term, weight: Math.fround(t.weight / norm) }));
}

/** Heaviest first; equal weights by term, in code-unit order (the same in every engine and path). */
export function byWeight(a: WeightedTerm, b: WeightedTerm): number {
  return b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

import { normalizeForMatch } from './normalize.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

// The definite article, alone or after و ب ك ف, and لل (ل + ال, whose alef is dropped in writing:
// للأنباء = ل + الأنباء). Longer forms are tried first so that وال is not read as و + ال….
const ARTICLE_FORMS = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'] as const;
const MIN_LETTERS = 3;

/**
 * The words that say what a text is about: normalized, without function words, numbers and words
 * under 3 letters, the definite article removed; most frequent first (ties: first seen), each once.
 */
export function significantTerms(text: string, limit = 10): string[] {
  const counts = new Map<string, number>();
  for (const token of tokenize(text)) {
    const term = toTerm(normalizeForMatch(token.text));
    if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  // Map keeps insertion order and Array.prototype.sort is stable, so ties stay in order of first use.
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Math.max(0, limit))
    .map(([term]) => term);
}

function toTerm(normalized: string): string | undefined {
  if (isStopWord(normalized) || /^[\d.,]+$/.test(normalized)) return undefined;
  const term = withoutArticle(normalized);
  if (isStopWord(term) || [...term].length < MIN_LETTERS) return undefined;
  return term;
}

// The article is removed only when 3 letters remain, so short words that merely begin with ال
// (الله, الا) are left whole.
function withoutArticle(word: string): string {
  for (const article of ARTICLE_FORMS) {
    if (word.startsWith(article) && [...word].length - article.length >= MIN_LETTERS) {
      return word.slice(article.length);
    }
  }
  return word;
}

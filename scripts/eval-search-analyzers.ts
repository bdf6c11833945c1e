import { light10Stem } from '../src/arabic/light10.ts';
import { normalizeForMatch } from '../src/arabic/normalize.ts';
import { analyze, spellingVariantTerms, stem } from '../src/arabic/stem.ts';
import { isStopWord } from '../src/arabic/stop-words.ts';
import { tokenize } from '../src/arabic/tokenize.ts';
import { indexForm, type SearchClause } from '../src/db/full-text.ts';
import { parseQuery } from '../src/content/search/search-query.ts';

/** Text to search terms, in order, repeats kept: one function for indexing and querying alike. */
export type Analyzer = (text: string) => string[];

/** Midad's analyzer, exactly as the product indexes and queries. */
export const oursAnalyzer: Analyzer = analyze;

// Words repeat endlessly in a corpus; one cache per analyzer keeps a full run to seconds.
function cachedWordAnalyzer(termOf: (word: string) => string | readonly string[]): Analyzer {
  const cache = new Map<string, readonly string[]>();
  return (text) => {
    const terms: string[] = [];
    for (const token of tokenize(text)) {
      let wordTerms = cache.get(token.text);
      if (wordTerms === undefined) {
        const result = termOf(token.text);
        wordTerms = typeof result === 'string' ? (result === '' ? [] : [result]) : result;
        cache.set(token.text, wordTerms);
      }
      terms.push(...wordTerms);
    }
    return terms;
  };
}

/**
 * Lucene's light10 in Midad's pipeline: the same tokenizer, normalization and stop words as ours, then
 * light10Stem in place of our stemmer, so that a comparison measures the stemmer alone.
 */
export const light10Analyzer: Analyzer = cachedWordAnalyzer((word) => {
  const normalized = normalizeForMatch(word);
  return normalized === '' || isStopWord(normalized) ? '' : light10Stem(normalized);
});

/**
 * Midad's normalization, stemmer and spelling variants with no stop words at all: what the stop list
 * costs or gains.
 */
export const oursWithoutStopWordsAnalyzer: Analyzer = cachedWordAnalyzer((word) => {
  const normalized = normalizeForMatch(word);
  if (normalized === '') return '';
  const term = stem(normalized);
  return spellingVariantTerms().get(term) ?? term;
});

/** Normalization and stop words only, no stemming: how much the stemmers add. */
export const normalizeOnlyAnalyzer: Analyzer = cachedWordAnalyzer((word) => {
  const normalized = normalizeForMatch(word);
  return normalized === '' || isStopWord(normalized) ? '' : normalized;
});

/** parseQuery's clauses with another analyzer, so that every system reads a query the same way. */
export function parseClauses(raw: string, analyzer: Analyzer): SearchClause[] {
  return parseQuery(raw, analyzer).clauses;
}

/** How a query's clauses combine: every one, at least one, or at least one but not all (full-text.ts). */
export type MatchMode = 'all' | 'any' | 'partial';

/** The FTS5 MATCH expression the product builds (full-text.ts `fts5Match`): every clause quoted. */
export function matchExpression(clauses: readonly SearchClause[], mode: MatchMode): string {
  const parts = clauses
    .map((clause) => {
      const terms = (clause.kind === 'term' ? [clause.term] : clause.terms).map(indexForm).filter((t) => t !== '');
      return terms.length === 0 ? '' : `"${terms.join(' ')}"`;
    })
    .filter(Boolean);
  if (parts.length === 0) return '';
  if (mode === 'all') return parts.join(' AND ');
  if (mode === 'any') return parts.join(' OR ');
  // 'partial' of one clause is nothing: that clause alone is all of them.
  return parts.length === 1 ? '' : `(${parts.join(' OR ')}) NOT (${parts.join(' AND ')})`;
}

/** Terms as the product stores them in an FTS5 column: index forms joined by spaces. */
export function columnText(terms: readonly string[]): string {
  return terms
    .map(indexForm)
    .filter((t) => t !== '')
    .join(' ');
}

import { light10Stem } from '../src/arabic/light10.ts';
import { normalizeForMatch, stripInvisibleControls } from '../src/arabic/normalize.ts';
import { analyze, stem } from '../src/arabic/stem.ts';
import { isStopWord } from '../src/arabic/stop-words.ts';
import { tokenize } from '../src/arabic/tokenize.ts';
import { indexForm, type SearchClause } from '../src/db/full-text.ts';
import { MAX_CLAUSES, MAX_QUERY_CHARS } from '../src/content/search/search-query.ts';

/** Text to search terms, in order, repeats kept: one function for indexing and querying alike. */
export type Analyzer = (text: string) => string[];

/** Midad's analyzer, exactly as the product indexes and queries. */
export const oursAnalyzer: Analyzer = analyze;

// Words repeat endlessly in a corpus; one cache per analyzer keeps a full run to seconds.
function cachedWordAnalyzer(termOf: (word: string) => string): Analyzer {
  const cache = new Map<string, string>();
  return (text) => {
    const terms: string[] = [];
    for (const token of tokenize(text)) {
      let term = cache.get(token.text);
      if (term === undefined) {
        term = termOf(token.text);
        cache.set(token.text, term);
      }
      if (term !== '') terms.push(term);
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

/** Midad's normalization and stemmer with no stop words at all: what the stop list costs or gains. */
export const oursWithoutStopWordsAnalyzer: Analyzer = cachedWordAnalyzer((word) => {
  const normalized = normalizeForMatch(word);
  return normalized === '' ? '' : stem(normalized);
});

/** Normalization and stop words only, no stemming: how much the stemmers add. */
export const normalizeOnlyAnalyzer: Analyzer = cachedWordAnalyzer((word) => {
  const normalized = normalizeForMatch(word);
  return normalized === '' || isStopWord(normalized) ? '' : normalized;
});

// Straight and typographic double quotes and guillemets, as in parseQuery.
const QUOTE = /["“”«»„]/g;

/**
 * parseQuery's clauses (src/content/search/search-query.ts) with the analyzer as a parameter, so that
 * every system reads a query the same way: quoted text is a phrase, an unbalanced last quote is
 * punctuation, repeated terms count once, at most MAX_CLAUSES clauses. The evaluation checks that
 * this gives parseQuery's own clauses for `oursAnalyzer`.
 */
export function parseClauses(raw: string, analyzer: Analyzer): SearchClause[] {
  const text = stripInvisibleControls(raw).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  if (!text) return [];
  const quotes = text.match(QUOTE)?.length ?? 0;
  const pieces = text.split(QUOTE);
  const usable = quotes % 2 === 0 ? pieces : [...pieces.slice(0, -2), pieces.slice(-2).join(' ')];
  const clauses: SearchClause[] = [];
  const seen = new Set<string>();
  usable.forEach((piece, index) => {
    const terms = analyzer(piece);
    if (index % 2 === 1 && terms.length > 1) {
      const key = terms.join(' ');
      if (!seen.has(key)) clauses.push({ kind: 'phrase', terms });
      seen.add(key);
      return;
    }
    for (const term of terms) {
      if (!seen.has(term)) clauses.push({ kind: 'term', term });
      seen.add(term);
    }
  });
  return clauses.slice(0, MAX_CLAUSES);
}

/** The FTS5 MATCH expression the product builds (full-text.ts `fts5Match`): every clause quoted. */
export function matchExpression(clauses: readonly SearchClause[], mode: 'all' | 'any'): string {
  const parts = clauses
    .map((clause) => {
      const terms = (clause.kind === 'term' ? [clause.term] : clause.terms).map(indexForm).filter((t) => t !== '');
      return terms.length === 0 ? '' : `"${terms.join(' ')}"`;
    })
    .filter(Boolean);
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

/** Terms as the product stores them in an FTS5 column: index forms joined by spaces. */
export function columnText(terms: readonly string[]): string {
  return terms
    .map(indexForm)
    .filter((t) => t !== '')
    .join(' ');
}

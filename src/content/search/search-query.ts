import { analyze, analyzeWithOffsets, type AnalyzedTerm } from '../../arabic/stem.ts';
import { stripInvisibleControls } from '../../arabic/normalize.ts';
import type { SearchClause } from '../../db/full-text.ts';

/** Longest query text read; the rest is ignored (a reader's query is a few words). */
export const MAX_QUERY_CHARS = 300;
/** At most this many terms and phrases take part in one search. */
export const MAX_CLAUSES = 24;

/** A reader's query, analyzed: what the engines match, and which words to highlight. */
export interface ParsedQuery {
  /** The text as searched (trimmed, controls removed, cut to MAX_QUERY_CHARS). */
  text: string;
  clauses: SearchClause[];
  /** Every term of the query, for highlighting and snippets. */
  terms: Set<string>;
  /** Why nothing can be searched, when clauses is empty. */
  emptyReason: 'blank' | 'no-terms' | null;
}

// Straight and typographic double quotes, and Arabic guillemets, all open and close phrases.
const QUOTE = /["“”«»„]/g;

/**
 * Reads a query the way a reader means it: words are matched through the same analyzer as the
 * articles (so ولافروف finds لافروف and الاسلحة finds الأسلحة), text in quotes ("بيونغ يانغ") is a
 * phrase, and nothing in it is ever taken as search-engine syntax: *, -, NEAR, AND, :, brackets
 * and unbalanced quotes are just punctuation.
 */
export function parseQuery(raw: string, analyzer: (text: string) => string[] = analyze): ParsedQuery {
  const text = stripInvisibleControls(raw).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  if (!text) return { text, clauses: [], terms: new Set(), emptyReason: 'blank' };
  const quotes = text.match(QUOTE)?.length ?? 0;
  // With an odd number of quotes the last one opens nothing: treat it as punctuation.
  const pieces = text.split(QUOTE);
  const usable = quotes % 2 === 0 ? pieces : [...pieces.slice(0, -2), pieces.slice(-2).join(' ')];
  const clauses: SearchClause[] = [];
  const seen = new Set<string>();
  usable.forEach((piece, index) => {
    const inQuotes = index % 2 === 1;
    const terms = analyzer(piece);
    if (inQuotes && terms.length > 1) {
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
  const limited = clauses.slice(0, MAX_CLAUSES);
  const terms = new Set(limited.flatMap((c) => (c.kind === 'term' ? [c.term] : c.terms)));
  return { text, clauses: limited, terms, emptyReason: limited.length === 0 ? 'no-terms' : null };
}

/** A piece of a snippet; `match` pieces are words the query found, in their original spelling. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

const SNIPPET_WORDS = 32;
/** About how many characters of a body are analyzed at a time while looking for the snippet. */
const ANALYSIS_STEP_CHARS = 600;
// Whitespace but U+FEFF, a format character that may sit inside a word.
const WHITESPACE = /[^\S\uFEFF]/g;

/**
 * The analyzed words of a text, analyzed a piece at a time and only as far as asked. Pieces are cut at
 * whitespace, which no word spans and which every word rule sees as a border, and a word's terms depend
 * on the word alone: so the words come out exactly as analyzeWithOffsets gives them for the whole text.
 */
class StepwiseAnalysis {
  readonly words: AnalyzedTerm[] = [];
  private readonly text: string;
  private analyzedTo = 0;

  constructor(text: string) {
    this.text = text;
  }

  /** Analyzes on until at least `count` words are known or the text is done; whether the text is done. */
  reach(count: number): boolean {
    const { text, words } = this;
    while (words.length < count && this.analyzedTo < text.length) {
      const from = this.analyzedTo;
      WHITESPACE.lastIndex = from + ANALYSIS_STEP_CHARS;
      const cut = from + ANALYSIS_STEP_CHARS < text.length ? (WHITESPACE.exec(text)?.index ?? text.length) : text.length;
      for (const word of analyzeWithOffsets(text.slice(from, cut))) {
        words.push({ term: word.term, start: from + word.start, end: from + word.end });
      }
      this.analyzedTo = cut;
    }
    return this.analyzedTo >= text.length;
  }
}

/**
 * The passage of a text that best shows why it matched: the window of about 32 words holding the
 * most distinct query terms, with those words marked as written in the article (diacritics,
 * clitics and all). Falls back to the opening words.
 */
export function buildSnippet(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  const analysis = new StepwiseAnalysis(text);
  const analyzed = analysis.words;
  let bestStart = 0;
  let bestScore = -1;
  for (let i = 0; ; i++) {
    analysis.reach(i + 1);
    if (i >= analyzed.length) break;
    if (!terms.has(analyzed[i]!.term)) continue;
    // One word past the window, so that the passage chosen below knows whether more text follows.
    analysis.reach(i + SNIPPET_WORDS + 1);
    const window = new Set<string>();
    for (let j = i; j < Math.min(analyzed.length, i + SNIPPET_WORDS); j++) {
      if (terms.has(analyzed[j]!.term)) window.add(analyzed[j]!.term);
    }
    if (window.size > bestScore) {
      bestScore = window.size;
      bestStart = i;
    }
    // Every term of the query in one window: no later window can hold more, and the first one wins
    // ties, so the rest of the text need not be analyzed (most bodies of a single-word search stop here).
    if (bestScore === terms.size) break;
  }
  if (analyzed.length === 0) return text ? [{ text: text.slice(0, 240), match: false }] : [];
  // Start a few words before the first match, at a word boundary.
  const from = Math.max(0, bestStart - 4);
  analysis.reach(from + SNIPPET_WORDS + 1);
  const to = Math.min(analyzed.length, from + SNIPPET_WORDS);
  const startOffset = from === 0 ? 0 : analyzed[from]!.start;
  const endOffset = to >= analyzed.length ? text.length : analyzed[to - 1]!.end;
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', match: false });
  let cursor = startOffset;
  for (let k = from; k < to; k++) {
    const word = analyzed[k]!;
    if (!terms.has(word.term)) continue;
    if (word.start > cursor) parts.push({ text: text.slice(cursor, word.start), match: false });
    parts.push({ text: text.slice(word.start, word.end), match: true });
    cursor = word.end;
  }
  if (endOffset > cursor) parts.push({ text: text.slice(cursor, endOffset), match: false });
  if (endOffset < text.length) parts.push({ text: ' …', match: false });
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), match: p.match }));
}

/** The whole of a short text (a headline) with every word the query found marked. */
export function markMatches(text: string, terms: ReadonlySet<string>): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let cursor = 0;
  for (const word of analyzeWithOffsets(text)) {
    if (!terms.has(word.term)) continue;
    if (word.start > cursor) parts.push({ text: text.slice(cursor, word.start), match: false });
    parts.push({ text: text.slice(word.start, word.end), match: true });
    cursor = word.end;
  }
  if (cursor < text.length) parts.push({ text: text.slice(cursor), match: false });
  return parts;
}

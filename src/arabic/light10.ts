// Lucene's ArabicStemmer (Larkey, Ballesteros and Connell's "light10"), rule for rule, kept for
// evaluating our own stemmer against the analyzer most search engines ship. Input is expected to be
// normalized the Lucene way (alef forms folded, ى → ي, ة → ه, harakat and tatweel removed).

// Tried in this order; only the first match is removed.
const PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و'] as const;

// Tried in this order; every one that matches is removed, one after another.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'] as const;

// A one-letter prefix (و) needs a word of 4 letters or more; other prefixes leave at least 2 letters.
function hasPrefix(word: string, prefix: string): boolean {
  if (prefix.length === 1 && word.length < 4) return false;
  if (word.length < prefix.length + 2) return false;
  return word.startsWith(prefix);
}

// Every suffix must leave at least 2 letters.
function hasSuffix(word: string, suffix: string): boolean {
  return word.length >= suffix.length + 2 && word.endsWith(suffix);
}

/** Lucene's light10 stem of a normalized word: one prefix (ال وال بال كال فال لل و), then suffixes. */
export function light10Stem(word: string): string {
  let stem = word;
  const prefix = PREFIXES.find((candidate) => hasPrefix(stem, candidate));
  if (prefix !== undefined) stem = stem.slice(prefix.length);
  for (const suffix of SUFFIXES) {
    if (hasSuffix(stem, suffix)) stem = stem.slice(0, stem.length - suffix.length);
  }
  return stem;
}

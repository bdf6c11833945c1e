/** One word of a text: `text` is spelled as in the input, `start`/`end` are UTF-16 offsets into it. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// A word is a run of letters, combining marks and digits. Marks must not split a word: harakat are
// combining marks, and وَالْتَقَى is one word (SQLite's unicode61 splits it into five). Tatweel is a
// letter (Lm) and stays inside الـعـربـي. Invisible format characters (ZWNJ, RLM…) may sit inside a
// word without splitting it, never at its edges.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
const RUN = String.raw`${WORD_CHAR}(?:[\p{L}\p{M}\p{N}\p{Cf}]*${WORD_CHAR})?`;

// Latin words keep an inner apostrophe or hyphen (O'Brien, Putin’s, Jean-Marie, COVID-19, F-16), and a
// number keeps its decimal or thousands separator (3.5, 1,000, ٣٫٥). Arabic never joins words with
// them, and a bare number range (2018-2019) is two numbers.
const LATIN_JOINED = String.raw`(?<=[\p{Script=Latin}\p{Nd}])['’\u2010\u2011-](?=[\p{Script=Latin}\p{Nd}])`;
const NUMBER_JOINED = String.raw`(?<=\p{Nd})[.,\u066b\u066c](?=\p{Nd})`;
const WORD = new RegExp(`${RUN}(?:(?:${LATIN_JOINED}|${NUMBER_JOINED})${RUN})*`, 'gu');
const JOINER = /['’\u2010\u2011-]/;

/**
 * Splits text into words (letters, marks, digits, tatweel), in order, with their offsets. Everything
 * else separates words: spaces, Arabic punctuation (، ؛ ؟ « »), quotes (“ ”), dashes, symbols.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (JOINER.test(word) && !isJoinedSensibly(word)) {
      tokens.push(...splitAtJoiners(word, match.index));
      continue;
    }
    tokens.push({ text: word, start: match.index, end: match.index + word.length });
  }
  return tokens;
}

// The regex allows a joiner between any Latin letters or digits; a hyphen or apostrophe joining two
// plain numbers (2018-2019) or an Arabic word is a separator after all.
function isJoinedSensibly(word: string): boolean {
  const parts = word.split(JOINER);
  return parts.some((part) => /\p{Script=Latin}/u.test(part)) && !/\p{Script=Arabic}/u.test(word);
}

function splitAtJoiners(word: string, offset: number): Token[] {
  const parts: Token[] = [];
  for (const match of word.matchAll(/[^'’\u2010\u2011-]+/g)) {
    parts.push({ text: match[0], start: offset + match.index, end: offset + match.index + match[0].length });
  }
  return parts;
}

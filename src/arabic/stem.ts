import { wordFrequency } from './lexicon.ts';
import { normalizeForMatch } from './normalize.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

/** A search term with the UTF-16 offsets of the word it came from, for highlighting. */
export interface AnalyzedTerm {
  term: string;
  start: number;
  end: number;
}

const ARTICLE = 'ال';

// A word's frequency with and without the definite article, so that a stem is judged by all the ways
// it is written (البيت and بيت are one word).
function familyFrequency(word: string): number {
  return wordFrequency(word) + wordFrequency(ARTICLE + word);
}

// How much evidence there is for `rest` as a word of its own: its own frequency, plus that of the word
// behind the article when `rest` carries one (بالمسيرات → المسيرات, مسيرات).
function evidenceFor(rest: string): number {
  const behindArticle = rest.startsWith(ARTICLE) && rest.length >= 4 ? wordFrequency(rest.slice(2)) : 0;
  return wordFrequency(rest) + behindArticle;
}

/**
 * Whether the first letter of `word` is a one-letter proclitic (و ف "and, so"; ب ك ل "with, like, for").
 * Names and nouns begin with these letters too (وزير, واشنطن, بيونغ), so the letter is a prefix only
 * when the lexicon knows the rest as the more frequent word. For a word the lexicon has never seen,
 * و is taken as "and" (as light10 does), and any of these letters before the article as a proclitic.
 */
function isProclitic(word: string): boolean {
  if (word.length < 4) return false;
  const rest = word.slice(1);
  const whole = wordFrequency(word);
  const evidence = evidenceFor(rest);
  if (evidence !== whole) return evidence > whole;
  if (whole !== 0) return false;
  return word.startsWith('و') || (rest.startsWith(ARTICLE) && rest.length >= 4);
}

function stripProclitics(word: string): string {
  let stem = word;
  if ((stem.startsWith('و') || stem.startsWith('ف')) && isProclitic(stem)) stem = stem.slice(1);
  // لل is ل + ال with the alef dropped (للأنباء), or ل before a word that begins with ل (للافروف).
  if (stem.startsWith('لل') && stem.length >= 4) {
    const behindArticle = stem.slice(2);
    const behindLam = stem.slice(1);
    return wordFrequency(behindLam) > wordFrequency(behindArticle) ? behindLam : behindArticle;
  }
  if ((stem.startsWith('ب') || stem.startsWith('ك') || stem.startsWith('ل')) && isProclitic(stem)) {
    stem = stem.slice(1);
  }
  // The article is removed whenever 2 letters remain, as in light10: it is almost never part of a word.
  if (stem.startsWith(ARTICLE) && stem.length >= 4) stem = stem.slice(2);
  return stem;
}

// light10's suffixes, in its order: dual and plural endings, pronouns (ها ه), the nisba (ي, and يه for
// ية) and ta marbuta (ة is ه once normalized, so light10's ية and ة never match here). The plural
// pronouns هما and هم are added in front.
const SUFFIXES = ['هما', 'هم', 'ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;
const PRONOUNS: ReadonlySet<string> = new Set(['هما', 'هم', 'ها', 'ه']);
// Each removal leaves at least 3 letters: most Arabic roots have three, so a shorter stem is a guess.
const MIN_STEM = 3;
// A word written 10 times more often than what would remain is a name or a word of its own
// (لبنان not لبن, بوتين not بوت, ايران not اير, تفاهم not تفا) and keeps its ending.
const PROTECT_RATIO = 10;
// Accusative and dual-construct endings in ا (روسيا، وزيرا، كوريا) join their word's other forms
// (الروسي، وزير، الكورية) once removed; shorter words keep it (دنيا، جدا), and so does the pronoun ها.
const MIN_LENGTH_FOR_FINAL_ALEF = 5;

function stripSuffixes(word: string): string {
  let stem = word;
  if (stem.length >= MIN_LENGTH_FOR_FINAL_ALEF && stem.endsWith('ا') && !stem.endsWith('ها')) {
    stem = stem.slice(0, -1);
  }
  for (const suffix of SUFFIXES) {
    if (stem.length < suffix.length + MIN_STEM || !stem.endsWith(suffix)) continue;
    const shorter = stem.slice(0, -suffix.length);
    // Ta marbuta is written ت before a pronoun (زيارة → زيارته، قمة → قمتهما): the word behind the
    // pronoun is the ة form, stemmed as such so that both spellings meet.
    if (PRONOUNS.has(suffix) && shorter.endsWith('ت')) {
      const withTaMarbuta = `${shorter.slice(0, -1)}ه`;
      if (familyFrequency(withTaMarbuta) > familyFrequency(shorter)) return stripSuffixes(withTaMarbuta);
    }
    // A content word never stems to a function word (الولايه is not ولا "and not").
    if (isStopWord(shorter) || familyFrequency(shorter) * PROTECT_RATIO < familyFrequency(stem)) continue;
    stem = shorter;
  }
  return stem;
}

// A proclitic before a Latin word or a number is written with tatweel (لـCNN, الـ16, بـ2018); once
// normalized it is glued to the word, and the word is what is searched for.
const PROCLITIC_BEFORE_FOREIGN = /^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)(?=[\p{Script=Latin}\p{N}])/u;
const ARABIC_ONLY = /^\p{Script=Arabic}+$/u;

// Analyzing a corpus meets the same few thousand words over and over.
const stemCache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/**
 * The light stem of a word already passed through normalizeForMatch: proclitics و ف ب ك ل and the
 * article removed, then light10's suffixes, each checked against a frozen news lexicon so that words and
 * names stay whole (وزير, واشنطن, بيونغ, لبنان) while ولافروف, بلافروف and للافروف become لافروف.
 */
export function stem(normalizedWord: string): string {
  const cached = stemCache.get(normalizedWord);
  if (cached !== undefined) return cached;
  let result = normalizedWord;
  if (ARABIC_ONLY.test(normalizedWord)) {
    if (normalizedWord.length > 2) result = stripSuffixes(stripProclitics(normalizedWord));
  } else {
    result = normalizedWord.replace(PROCLITIC_BEFORE_FOREIGN, '');
  }
  if (stemCache.size >= CACHE_LIMIT) stemCache.clear();
  stemCache.set(normalizedWord, result);
  return result;
}

/**
 * The search terms of a text with their offsets: tokenize, normalize, drop stop words, stem. The same
 * function serves indexing and querying, so that both sides meet on the same terms.
 */
export function analyzeWithOffsets(text: string): AnalyzedTerm[] {
  const terms: AnalyzedTerm[] = [];
  for (const token of tokenize(text)) {
    const term = termOf(token.text);
    if (term !== '') terms.push({ term, start: token.start, end: token.end });
  }
  return terms;
}

const termCache = new Map<string, string>();

// The term of one word as written, '' for a stop word; cached because normalizing costs more than
// looking up the few thousand spellings that make most of any text.
function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    const normalized = normalizeForMatch(word);
    term = normalized === '' || isStopWord(normalized) ? '' : stem(normalized);
    // A function word behind a proclitic (وكذلك, ولكنه, بانهم) is still a function word.
    if (isStopWord(term)) term = '';
    if (termCache.size >= CACHE_LIMIT) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

/** The search terms of a text, in order, repeats kept (for indexing and for queries alike). */
export function analyze(text: string): string[] {
  return analyzeWithOffsets(text).map(({ term }) => term);
}

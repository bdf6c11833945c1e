import { toAsciiDigits } from './digits.ts';

// Bidi controls (LRM, RLM, LRE…RLO, LRI…PDI, Arabic letter mark) and zero-width characters (ZWSP, ZWNJ,
// ZWJ, word joiner, BOM). They are invisible, so two strings that look identical can differ by them;
// text copied from websites and word processors carries them in.
const INVISIBLE_CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/**
 * Removes bidi controls and zero-width characters, which are invisible and only get in the way of
 * matching and editing. A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is kept.
 */
export function stripInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, (control, offset: number, whole: string) =>
    control === '\u200d' && joinsEmoji(whole, offset) ? control : '',
  );
}

// Two UTF-16 units either side are enough to see one code point, astral (emoji) or not.
function joinsEmoji(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 2), offset);
  const after = text.slice(offset + 1, offset + 3);
  return (
    /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u.test(before) &&
    /^\p{Extended_Pictographic}/u.test(after)
  );
}

// Isolated and medial presentation forms of the harakat (U+FE70–U+FE7F, except the tail fragment
// U+FE73) and the shadda ligatures U+FC5E–U+FC63 decompose under NFKC to a space or tatweel plus the
// mark; dropping them first keeps a word from being split by that space.
const PRESENTATION_HARAKAT = /[\ufc5e-\ufc63\ufe70-\ufe72\ufe74-\ufe7f]/g;

// Harakat and other vowel/recitation signs are optional in Arabic spelling: most text omits them, so
// وَالْتَقَى must match والتقى. Removed: the harakat with hamza/madda marks (U+064B–U+065F), superscript
// (dagger) alef U+0670, Quranic annotation signs (U+0610–U+061A, U+06D6–U+06ED), the extended-A marks
// (U+08D3–U+08FF), and tatweel U+0640, which only stretches a word for layout (الـعـربـي).
const OPTIONAL_MARKS = /[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08e1\u08e3-\u08ff]/g;

/** Removes harakat, superscript alef, Quranic signs and tatweel, and nothing else (letters stay as written). */
export function removeOptionalMarks(text: string): string {
  return text.replace(OPTIONAL_MARKS, '');
}

// Letter folds for matching; each pair is spelled both ways in real copy.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  // Hamza on or under alef, madda and wasla are often dropped in typing (الأسلحة / الاسلحة).
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ٲ': 'ا',
  'ٳ': 'ا',
  // Final ya is written dotless (alef maqsura) in Egypt and dotted elsewhere (على / علي).
  'ى': 'ي',
  // Ta marbuta is written as a bare ha in informal copy (الشمالية / الشماليه).
  'ة': 'ه',
  // Persian- and Urdu-keyboard letters look (almost) the same as the Arabic ones and turn up in
  // copy typed on those keyboards (فیھا for فيها): Farsi ya and kaf, Urdu do-chashmi and goal heh.
  'ی': 'ي',
  'ک': 'ك',
  'ھ': 'ه',
  'ہ': 'ه',
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/**
 * The form used for matching, never for display: optional marks and tatweel removed, alef forms,
 * ى/ي, ة/ه and Persian/Urdu letters folded, digits to ASCII, Latin lower-cased, invisible controls removed.
 * ؤ ئ ء are kept: they are letters whose spelling carries meaning.
 */
export function normalizeForMatch(text: string): string {
  const withoutInvisible = text.replace(INVISIBLE_CONTROLS, '');
  // NFKC turns presentation forms (U+FB50–U+FEFF, e.g. the ligature ﻻ, or ﷲ) back into letters, and
  // composes alef/waw/ya + combining hamza (U+0654) into أ ؤ ئ, so both encodings of a letter agree.
  const composed = withoutInvisible.replace(PRESENTATION_HARAKAT, '').normalize('NFKC');
  const unmarked = removeOptionalMarks(composed);
  const folded = unmarked.replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
  return toAsciiDigits(folded).toLowerCase();
}

import { normalizeForMatch } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** Where a story comes from: news agencies ('wires'), our or another outlet's staff, or unknown. */
export type SourceKind = 'wires' | 'staff' | 'other';

/** An article draft read from agency copy; every string is a line exactly as written, trimmed. */
export interface WireDraft {
  sectionName: string | null;
  headline: string;
  byline: string | null;
  sourceKind: SourceKind;
  paragraphs: string[];
}

/** The outcome of parseWireCopy: a draft, or a permanent error code with an Arabic message. */
export type WireCopyResult =
  | { ok: true; draft: WireDraft }
  | { ok: false; code: 'EMPTY' | 'NO_HEADLINE' | 'NO_BODY'; message: string };

/** The outcome of decodeTextFile: the text, or a permanent error code with an Arabic message. */
export type DecodedTextFile =
  | { ok: true; text: string }
  | { ok: false; code: 'EMPTY' | 'TOO_LARGE' | 'BINARY' | 'INVALID_UTF8'; message: string };

/**
 * The words of a line in normalized form, for comparing lines by meaning: dots inside abbreviations
 * are word breaks (د.ب.أ = د ب أ), and a lone tatweel used as a dash (دبي ـ العربية.نت) is no word.
 */
function normalizedWords(line: string): string[] {
  return tokenize(normalizeForMatch(line).replace(/\./g, ' ')).map((token) => token.text);
}

// News agencies as they appear in bylines, normalized: hamza-less alef, ة → ه, abbreviations spaced.
const AGENCIES = [
  'وكالات', 'الوكالات', 'رويترز', 'رويتر', 'د ب ا', 'فرانس برس', 'فرانس پرس', 'فرانس بريس', 'ا ف ب',
  'الاناضول', 'اناضول', 'اسوشيتد برس', 'اسوشيتيد برس', 'ا ب', 'ا ش ا', 'شينخوا', 'سبوتنيك', 'انترفاكس',
  'تاس', 'واس', 'وام', 'قنا', 'كونا', 'سانا', 'بترا', 'يونهاب', 'كيودو', 'بلومبرغ', 'بلومبيرغ',
  'reuters', 'afp', 'ap', 'dpa', 'associated press', 'xinhua', 'anadolu', 'sputnik', 'interfax', 'tass',
  'bloomberg', 'kyodo', 'yonhap',
].map((name) => name.split(' '));

// و "and" attaches to the next word (العربية.نت ووكالات، تاس ورويترز), so a word may match without it.
function sameWord(word: string, name: string): boolean {
  return word === name || (word.startsWith('و') && word.slice(1) === name);
}

function namesAgency(words: readonly string[]): boolean {
  // وكالة "agency" names one whatever follows it (وكالة الأنباء الألمانية، الوكالة الوطنية للإعلام).
  if (words.some((word) => sameWord(word, 'وكاله') || sameWord(word, 'الوكاله'))) return true;
  return AGENCIES.some((name) =>
    words.some((_, start) => name.every((part, i) => {
      const word = words[start + i];
      return word !== undefined && (i === 0 ? sameWord(word, part) : word === part);
    })),
  );
}

/** 'wires' when the byline names a news agency (رويترز، د ب أ، وكالات…), 'staff' for any other byline, 'other' for none. */
export function deriveSourceKind(byline: string | null): SourceKind {
  if (byline === null || byline.trim() === '') return 'other';
  return namesAgency(normalizedWords(byline)) ? 'wires' : 'staff';
}

// Page furniture, normalized (اظهر for أظهر, ايضا for أيضاً, صله for صلة), compared as whole lines.
const FURNITURE_LINES = new Set([
  'اظهر المزيد', 'عرض المزيد', 'المزيد', 'تحميل المزيد', 'اقرا المزيد', 'مقالات ذات صله', 'اخبار ذات صله',
  'مواضيع ذات صله', 'موضوعات ذات صله', 'قصص ذات صله', 'زر الذهاب الي الاعلي', 'العوده للاعلي',
  'العوده الي الاعلي', 'الي الاعلي', 'للاعلي', 'اقرا ايضا', 'اقرا كذلك', 'شاهد ايضا', 'قد يهمك',
  'قد يهمك ايضا', 'اخترنا لك', 'شارك المقال', 'شارك الخبر', 'شارك هذا المقال', 'نسخ الرابط', 'تعليقات',
  'التعليقات', 'اضف تعليق', 'اضف تعليقا', 'الاكثر قراءه', 'الاكثر مشاهده', 'الاكثر تداولا', 'اعلان',
  'اعلانات', 'مساحه اعلانيه', 'اخبار متعلقه', 'مقالات مشابهه', 'share', 'share this', 'share this article',
  'print', 'comments', 'read more', 'read also', 'show more', 'load more', 'related', 'related articles',
  'related stories', 'back to top', 'most read', 'advertisement',
]);

// Buttons that come in rows (فيسبوك تويتر واتساب): a short line made only of these words is furniture,
// while a sentence that merely contains شارك is not.
const FURNITURE_WORDS = new Set([
  'شارك', 'مشاركه', 'طباعه', 'تابعنا', 'تابعونا', 'حفظ', 'ارسال', 'فيسبوك', 'فيس', 'بوك', 'تويتر', 'اكس',
  'واتساب', 'واتس', 'اب', 'تيليغرام', 'تلغرام', 'تليغرام', 'لينكدان', 'انستغرام', 'يوتيوب', 'بريد',
  'share', 'print', 'email', 'tweet', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin',
  'instagram', 'youtube', 'follow', 'us',
]);

// Lines that begin with these words are calls to follow or share, or links to another story
// (اقرأ أيضاً: عنوان…), when they are short.
const FURNITURE_OPENINGS: ReadonlyArray<{ words: string[]; maxWords: number }> = [
  ...['تابعنا', 'تابعونا', 'شارك', 'مشاركه'].flatMap((verb) =>
    ['علي', 'عبر', 'في'].map((preposition) => ({ words: [verb, preposition], maxWords: 8 })),
  ),
  ...['اقرا ايضا', 'اقرا كذلك', 'اقرا المزيد', 'شاهد ايضا', 'read also', 'read more', 'see also'].map(
    (opening) => ({ words: opening.split(' '), maxWords: 25 }),
  ),
];

// Headings that introduce a list of links to other stories at the foot of a page.
const RELATED_HEADINGS = new Set([
  'مقالات ذات صله', 'اخبار ذات صله', 'مواضيع ذات صله', 'موضوعات ذات صله', 'قصص ذات صله', 'اقرا ايضا',
  'اقرا كذلك', 'شاهد ايضا', 'قد يهمك', 'قد يهمك ايضا', 'اخترنا لك', 'الاكثر قراءه', 'الاكثر مشاهده',
  'الاكثر تداولا', 'اخبار متعلقه', 'مقالات مشابهه', 'related', 'related articles', 'related stories',
  'read also', 'most read',
]);

// A link to another story written as a label, a separator and that story's headline: "للمزيد: …",
// "قد يهمك.. …", "اقرأ: (…)", "أيضاً.. …", "شاهد.. …" (what was a link on the page it was copied from).
// The separator is what tells the label from a sentence that begins with the same word ("شاهد عيان
// قال…", "أيضاً قال الوزير…"). Labels that are never a sentence's first words (اقرأ أيضاً, شاهد أيضاً)
// need no separator and are FURNITURE_OPENINGS. Normalized spellings; longest labels first.
const LINK_LABELS = ['اقرا', 'للمزيد', 'قد يهمك ايضا', 'قد يهمك', 'شاهد', 'ايضا', 'اخترنا لك'];
const LINK_LINE = new RegExp(String.raw`^[\s*«"“(]*(?:${LINK_LABELS.join('|')})[\s»"”)]*(?:[:：/\-–—]|\.{2,}|…)`, 'u');
const LINK_LINE_MAX_WORDS = 30;

function furnitureKey(line: string): string[] {
  // Counters such as "تعليقات (3)" carry a number; it does not make the line article text.
  return normalizedWords(line).filter((word) => !/^[\d.,]+$/.test(word));
}

/**
 * Whether a line is page furniture rather than article text: buttons and headings such as اظهر المزيد,
 * مقالات ذات صلة, زر الذهاب إلى الأعلى, شارك, "Share", a labelled link to another story (للمزيد: …), or a
 * line with no letters at all (▲, |).
 */
export function isFurnitureLine(line: string): boolean {
  const words = furnitureKey(line);
  if (words.length === 0) return !/[\p{L}\p{N}]/u.test(line);
  if (FURNITURE_LINES.has(words.join(' '))) return true;
  if (words.length <= 8 && words.every((word) => FURNITURE_WORDS.has(word))) return true;
  if (words.length <= LINK_LINE_MAX_WORDS && LINK_LINE.test(normalizeForMatch(line))) return true;
  return FURNITURE_OPENINGS.some(
    ({ words: opening, maxWords }) =>
      words.length > opening.length &&
      words.length <= maxWords &&
      opening.every((word, i) => words[i] === word),
  );
}

function isRelatedHeading(line: string): boolean {
  return RELATED_HEADINGS.has(furnitureKey(line).join(' '));
}

/** Words that carry letters; a dash, a tatweel used as a dash, or a lone symbol is not a word. */
function wordCount(line: string): number {
  return tokenize(line).filter((token) => /[^\u0640\p{M}\p{Cf}]/u.test(token.text)).length;
}

// A paragraph ends with a full stop, possibly inside closing quotes or brackets. Headlines end with a
// question mark, an exclamation mark or a trailing ellipsis (.. or …) often enough that those do not.
function endsSentence(line: string): boolean {
  return /(?<!\.)\.["'”’»)\]]*$/u.test(line);
}

// Headlines in the corpus run from 1 to 19 words; a first line far longer than that is a paragraph.
const HEADLINE_MAX_WORDS = 35;

function isHeadlineLike(line: string): boolean {
  const words = wordCount(line);
  return words >= 1 && words <= HEADLINE_MAX_WORDS && !endsSentence(line);
}

// A section label is a name: 1–3 words and no punctuation that would make it a phrase or a byline.
function isSectionLike(line: string): boolean {
  const words = wordCount(line);
  return words >= 1 && words <= 3 && !/[.,،:;؛!?؟"“”«»()[\]\-–—_ـ|/]/u.test(line) && deriveSourceKind(line) !== 'wires';
}

// The parts of "city - agency", "source – outlet", "outlet، وكالات": dashes (a tatweel or underscore
// typed as a dash too) with a space on at least one side, so a hyphen inside a name does not split it.
const BYLINE_SEPARATOR = /\s+[-–—_ـ]+\s*|\s*[-–—_ـ]+\s+|\s*[،,]\s*/u;
const BYLINE_LEADS = new Set(['بقلم', 'كتب', 'كتبت', 'اعداد', 'تحرير', 'ترجمه', 'by']);
const BYLINE_MAX_WORDS = 8;
const BYLINE_PART_MAX_WORDS = 5;
const BARE_NAME_MAX_WORDS = 4;

type BylineShape = 'signed' | 'parts' | 'bare' | 'none';

/**
 * The shape of a possible byline: short, no quotes, no question or closing full stop (an abbreviation
 * like أ.ف.ب. may end in a dot), and either signed (بقلم/كتب …), parts joined by a dash or comma
 * ("موسكو - د ب أ"), or a bare name of 1–4 words (طاهر هاني، فرانس 24، رويترز).
 */
function bylineShape(line: string): BylineShape {
  const words = wordCount(line);
  if (words === 0 || words > BYLINE_MAX_WORDS || line.length > 80) return 'none';
  if (/["“”«»!?؟…]/u.test(line)) return 'none';
  if (/\.\.$/.test(line) || (endsSentence(line) && !/(?:^|[\s.])\p{L}\.$/u.test(line))) return 'none';
  const [lead] = normalizedWords(line);
  if (lead !== undefined && BYLINE_LEADS.has(lead) && words <= 6) return 'signed';
  // A colon belongs to signed bylines (بقلم: …); elsewhere it marks a headline (تقرير أممي: …).
  if (line.includes(':')) return 'none';
  const parts = line.split(BYLINE_SEPARATOR).filter((part) => wordCount(part) > 0);
  if (parts.length >= 2 && parts.length <= 4 && parts.every((part) => wordCount(part) <= BYLINE_PART_MAX_WORDS)) {
    return 'parts';
  }
  const bare = parts.length === 1 && words <= BARE_NAME_MAX_WORDS && /^[\p{L}\p{M}\p{N}.()\s]+$/u.test(line);
  return bare ? 'bare' : 'none';
}

// A short headline has the shape of a bare name too, so only these shapes tell a byline for certain.
function isClearlyByline(line: string): boolean {
  const shape = bylineShape(line);
  return shape === 'signed' || shape === 'parts' || (shape === 'bare' && deriveSourceKind(line) === 'wires');
}

// Line breaks of every kind: CRLF and CR from Windows and old Mac files, and the Unicode line and
// paragraph separators that some word processors and websites put into copied text.
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/;
const EDGE_SPACE = /^[\s\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]+|[\s\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069]+$/g;

function cleanLines(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(LINE_BREAK)
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter((line) => line !== '');
}

// A related-stories heading followed only by link-like lines (headlines, furniture) ends the article:
// the heading and its links go. The same heading with paragraphs after it is dropped alone.
function withoutRelatedBlock(lines: string[]): string[] {
  const start = lines.findIndex(
    (line, i) =>
      isRelatedHeading(line) &&
      lines.slice(i + 1).every((next) => isFurnitureLine(next) || isHeadlineLike(next)),
  );
  return start === -1 ? lines : lines.slice(0, start);
}

/**
 * Reads agency copy laid out as: optional section line, headline, optional byline, paragraphs, page
 * furniture. Furniture is dropped; kept lines are exactly as written, trimmed. `sectionKnown`: the
 * caller names the section, so the first line is always the headline.
 */
export function parseWireCopy(text: string, options: { sectionKnown?: boolean } = {}): WireCopyResult {
  const allLines = cleanLines(text);
  if (allLines.length === 0) return { ok: false, code: 'EMPTY', message: 'النص فارغ' };
  const lines = withoutRelatedBlock(allLines).filter((line) => !isFurnitureLine(line));
  if (lines.length === 0) {
    return { ok: false, code: 'NO_HEADLINE', message: 'لا عنوان في النص: كل ما فيه عناصر صفحة مثل «اظهر المزيد»' };
  }

  let next = 0;
  let sectionName: string | null = null;
  const [first, second] = lines;
  if (
    options.sectionKnown !== true &&
    first !== undefined && second !== undefined &&
    isSectionLike(first) && isHeadlineLike(second) && wordCount(second) > wordCount(first) &&
    !isClearlyByline(second)
  ) {
    sectionName = first;
    next = 1;
  }

  const headline = lines[next];
  if (headline === undefined || wordCount(headline) > HEADLINE_MAX_WORDS) {
    return { ok: false, code: 'NO_HEADLINE', message: 'السطر الأول فقرة لا عنوان: ضع العنوان وحده في أول سطر' };
  }
  next += 1;

  let byline: string | null = null;
  const candidate = lines[next];
  if (candidate !== undefined && bylineShape(candidate) !== 'none') {
    byline = candidate;
    next += 1;
  }

  const paragraphs = lines.slice(next);
  if (paragraphs.length === 0) {
    return { ok: false, code: 'NO_BODY', message: 'لا نص للمقال بعد العنوان' };
  }
  return {
    ok: true,
    draft: { sectionName, headline, byline, sourceKind: deriveSourceKind(byline), paragraphs },
  };
}

const MEGABYTE = 1_048_576;

function formatSize(bytes: number): string {
  if (bytes >= MEGABYTE) return `${Number((bytes / MEGABYTE).toFixed(1))} ميغابايت`;
  return `${Math.max(1, Math.round(bytes / 1024))} كيلوبايت`;
}

// Text files have no NUL bytes and few control characters besides tab and line breaks; images,
// PDFs and Word files have plenty. More than 1 in 100 bytes is taken as binary.
const MAX_CONTROL_SHARE = 0.01;

function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) {
      controls += 1;
    }
  }
  return controls / bytes.length > MAX_CONTROL_SHARE;
}

/**
 * Decodes an uploaded text file as strict UTF-8 (without its BOM), rejecting empty, oversized and
 * binary files; messages are in Arabic for the editor.
 */
export function decodeTextFile(bytes: Uint8Array, maxBytes = MEGABYTE): DecodedTextFile {
  if (bytes.length === 0) return { ok: false, code: 'EMPTY', message: 'الملف فارغ' };
  if (bytes.length > maxBytes) {
    return { ok: false, code: 'TOO_LARGE', message: `الملف أكبر من ${formatSize(maxBytes)}` };
  }
  // Notepad's "Unicode" is UTF-16 with a BOM: it is text, but not in the encoding we accept.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, code: 'INVALID_UTF8', message: 'الملف بترميز UTF-16 لا UTF-8: احفظه بترميز UTF-8 وأعد رفعه' };
  }
  if (looksBinary(bytes)) return { ok: false, code: 'BINARY', message: 'الملف ليس نصاً (بيانات ثنائية)' };
  let text: string;
  try {
    // ignoreBOM keeps a leading BOM in the output, so that removing it is visible and tested here.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'INVALID_UTF8', message: 'الملف ليس بترميز UTF-8 صالح (ربما Windows-1256): احفظه بترميز UTF-8' };
  }
  text = text.replace(/^\ufeff/, '');
  if (text.trim() === '') return { ok: false, code: 'EMPTY', message: 'الملف فارغ' };
  return { ok: true, text };
}

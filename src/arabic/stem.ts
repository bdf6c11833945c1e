import { wordFrequency } from './lexicon.ts';
import { normalizeForMatch } from './normalize.ts';
import { COMPOUND_SPELLINGS, SPELLING_VARIANTS } from './spelling-variants.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize } from './tokenize.ts';

/** A search term with the UTF-16 offsets of the word it came from, for highlighting. */
export interface AnalyzedTerm {
  term: string;
  start: number;
  end: number;
}

// The light stemmer, rule by rule. Input is a word already passed through normalizeForMatch (harakat and
// tatweel removed, alef forms folded to ا, ى → ي, ة → ه). Every rule that could cut a letter off a name
// or a word of its own asks the frozen news lexicon (lexicon.ts) first, so that words and names stay
// whole (وزير, واشنطن, بيونغ, لبنان, بوتين) while their clitic forms (ولافروف, بلافروف, للافروف) meet
// them. Word counts cited in these comments are those of that lexicon (ANT news corpus).
//
//   1. Proclitics: و ف, then لل, then ب ك ل, each only where the lexicon prefers the rest (isProclitic),
//      never on a verb (واصل, بحثت, كتبه keep their first letter: the lexicon sees يواصل, يبحث, يكتب),
//      and ب ك ل before a noun the lexicon knows with the article (بتهمة → تهمة: التهمة is seen).
//   2. The article ال, unless it is part of the word: ألمانيا, إلكتروني, آلاف (takesArticle), or of a verb
//      (ألغى, ألقى, التقى: the lexicon sees يلغي, يلقي, يلتقي), or the rest is a function word (الله, not له).
//   3. Endings before the suffix list: the verb plural وا (قتلوا → قتل), the construct plural و
//      (مسلحو → مسلح), the accusative/country ending ا (روسيا → روسي, عددا → عدد), which also joins a
//      country in ـا to its nisba adjective (أمريكا → أمريكي, فرنسا → فرنسي); never where a function
//      word would remain (العليا is not على).
//   4. Suffixes, longest first, each only if the lexicon knows what remains: pronouns, dual and plural
//      endings, the nisba, ta marbuta; ت before a pronoun or a dual ending is ة (زيارته, الكوريتين); and
//      last the feminine past ت of a verb (أعلنت → أعلن), only for verbs the lexicon sees in the present,
//      and that of a verb in final ى/ا, which drops that letter (دعت → دعا, نفت → نفى, ألغت → ألغى).
//   5. The present tense of a verb (يعلن, تكشف, يلتقي) is taken to its past (أعلن, كشف, التقى) when the
//      lexicon knows that past as the more frequent form: headlines write the present, bodies the past.
//      Weak verbs too: يدعو → دعا, تنفي → نفى (its ي is the verb's, not the nisba), and three-letter
//      presents of doubled and و-initial verbs, يرد → رد, يصل → وصل.
//   5b. The verbal noun of the derived forms IV, VII, VIII and X (إعلان, انسحاب, اعتقال, استهداف) is
//      taken to its past tense (أعلن, انسحب, اعتقل, استهدف): headlines write الإعلان عن, bodies أعلن.
//   6. Spelling variants (spelling-variants.ts): the stem of ترمب is that of ترامب, the one word بيونغيانغ
//      is the two words بيونغ يانغ (applied to the terms of analyze(), after the stemmer).
//
// Latin words and numbers are not stemmed; a proclitic written before them with tatweel is dropped.
//
// Tried and left out, with the known-item MRR@10 of `npm run eval:search` (bodies only) that each gave
// alone against 0.750: plural ات → singular ة (شركات → شركة) 0.749; broken plurals فعلاء → فعيل and
// فعايا → فعية (وزراء → وزير, قضايا → قضية) 0.7497; the future س (سيزور → يزور) and the first person ن
// (نرفض → رفض, which also merges نجيب with جيب) no gain; hollow verbs (يزور → زار) no gain and يفوز lost
// فوز; rule 1's noun check for و and ف cut real words (وشيك → شيك, فداء → داء). Measured later against
// 0.7519 (each alone): the form II verbal noun تفعيل → its verb where the lexicon sees the verb in the
// present and the feminine past (تهديد → هدد, توقيع → وقع) +0.0005, and فعول → its three letters
// (دخول → دخل, هبوط → هبط, رسوم → رسم) +0.0005, 0.7529 together; left out, as they also merge
// homographs, a name among them (تقرير with قرر, تحقيق with حقق, جدول with جدل, سعود with سعد), for a
// gain that does not reach the target. Rule 5 taking a present to its past wherever the lexicon sees the
// feminine past (يسيطر → سيطر beside سيطرت, تواجه → واجه) 0.7512 (it also took يقال to أقال and تشير
// to شير); a تـ word whose يتـ form is rarer than its يـ form taken as a present (تطلب → طلب) +0.0003,
// with errors (تصفية → وصف, تذكرة → ذكر); the form III verbal noun مفاعلة → فاعل (مواجهة → واجه) +0.0001;
// broken plurals أفعال → فعل (أطفال → طفل) −0.0002 and فعاليل → its singular (صواريخ → صاروخ) +0.0002;
// hamza seats folded (مسئول / مسؤول: ئ ؤ → ء) ±0, and ئ → ي, ؤ → و −0.0002; more stop words
// (interrogatives, compound prepositions such as بسبب and بشأن, headline words such as شاهد and فيديو)
// or fewer (the reporting verbs, كان and its forms) ±0.0005; indexing each word's unstemmed form beside
// its stem 0.738, and word bigrams 0.721. Merging word forms helps the same story from another
// publisher as much as the article sought, so it can lower the score.

const ARTICLE = 'ال';

// A word's frequency with and without the definite article, so that a stem is judged by all the ways
// it is written (البيت and بيت are one word).
function familyFrequency(word: string): number {
  return wordFrequency(word) + wordFrequency(ARTICLE + word);
}

// ---------------------------------------------------------------------------------------------------
// 1–2. Proclitics and the article

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
  if (word.length < 4 || isVerb(word)) return false;
  const rest = word.slice(1);
  const whole = wordFrequency(word);
  const evidence = evidenceFor(rest);
  if (evidence > whole) return true;
  if (/^[بكل]/u.test(word) && isNounBehindPreposition(word, rest)) return true;
  if (evidence !== whole) return false;
  if (whole !== 0) return false;
  return word.startsWith('و') || (rest.startsWith(ARTICLE) && rest.length >= 4);
}

// Object pronouns a verb carries (كتبه, كشفها): the verb is judged without them.
const OBJECT_PRONOUN = /(?:هما|هم|ها|ه)$/u;

/**
 * Whether the lexicon knows `word` as a verb whose first letter is its own: it sees the word with both
 * present-tense prefixes (واصل / يواصل / تواصل, بحث / يبحث / تبحث, فتح / يفتح / تفتح), or, for a
 * feminine past in ت or a verb with an object pronoun, its base so (بحثت / يبحث, كتبه / يكتب). Verbs never take the article or a
 * preposition, so a letter they begin with is not a proclitic, however frequent the rest is: واصل is
 * not و + أصل "origin", بحثت not ب + حثت, كلفت not ك + لفت.
 */
function isVerb(word: string): boolean {
  const pronoun = OBJECT_PRONOUN.exec(word)?.[0];
  const base = pronoun !== undefined && word.length - pronoun.length >= MIN_STEM ? word.slice(0, -pronoun.length) : word;
  return [word, base].some((form) => isPresentStem(form) || (form.endsWith('ت') && isPresentStem(form.slice(0, -1))));
}

// A verb is seen in the present with both prefixes (يبحث and تبحث); one prefix alone can be a chance
// spelling: يبدون "they seem" does not make بدون "without" a verb.
function isPresentStem(stem: string): boolean {
  return wordFrequency(`ي${stem}`) > 0 && wordFrequency(`ت${stem}`) > 0;
}

function hasPresentPrefix(stem: string): boolean {
  return wordFrequency(`ي${stem}`) + wordFrequency(`ت${stem}`) > 0;
}

/**
 * The prepositions ب ك ل go before nouns, and a noun is known by taking the article: where the lexicon
 * sees the rest with the article and never the whole word, the first letter is the preposition, even
 * when the whole is more frequent than the bare rest because it is a set phrase: بتهمة (180) beside
 * تهمة (84) and التهمة (13), لبحث (118) beside بحث (86) and البحث (225), بشكل, بسبب, لصالح. The article
 * goes between a proclitic and its noun (بالتهمة), never in front of the proclitic, so الـ + whole unseen
 * is what a proclitic looks like; nouns that begin with these letters take the article themselves
 * (البلد, الكبير, اللجنة) and are left alone.
 */
function isNounBehindPreposition(word: string, rest: string): boolean {
  return wordFrequency(ARTICLE + rest) >= 2 && wordFrequency(ARTICLE + word) === 0;
}

// A word whose own ال is part of it takes the article on top of it: الألعاب (185) beside ألعاب (63),
// الإلكتروني (257) beside إلكتروني (59), الألماني (492) for ألمانيا (461). Such a word keeps its ال, so
// that ألمانيا, الألمانية and بألمانيا meet (on الماني, not on مان), and آلاف with الآلاف (not on اف).
// The doubled form must be seen at least a fifth as often as the word itself, so that a chance
// spelling does not count: الألغاز "the riddles" (3) does not make الغاز "the gas" (233) keep its ال.
const RADICAL_ARTICLE_SHARE = 5;
function takesArticle(word: string): boolean {
  if (isVerbWithAl(word)) return true;
  const needed = Math.max(2, wordFrequency(word) / RADICAL_ARTICLE_SHARE);
  if (wordFrequency(ARTICLE + word) >= needed) return true;
  // A country in ـا is doubled in its adjective: ألمانيا → الألماني.
  return word.length >= 6 && word.endsWith('ا') && wordFrequency(ARTICLE + word.slice(0, -1)) >= needed;
}

/**
 * Form IV verbs of roots in ل (ألغى, ألقى, ألحق, ألزم) and form VIII verbs of roots in ل (التقى, التزم,
 * التحق) begin with ال once hamza is folded, and are not the article: the lexicon sees their present with
 * the ال's alef replaced by يـ/تـ (يلغي, يلقي, يلتقي, يلتزم), and more often than the rest on its own
 * (غي, قي, تقي, تزم) or after والـ. For a feminine past (ألغت, التقت) the present of the base is asked,
 * with the final ى the ت replaced (يلغي, يلتقي). الحق "the right" (حق 273 against يلحق 42) and الشرق
 * stay nouns.
 */
function isVerbWithAl(word: string): boolean {
  const afterAlef = word.slice(1);
  const bases = word.endsWith('ت') ? [afterAlef.slice(0, -1), `${afterAlef.slice(0, -1)}ي`] : [afterAlef];
  const present = bases.reduce((sum, base) => sum + wordFrequency(`ي${base}`) + wordFrequency(`ت${base}`), 0);
  const noun = wordFrequency(word.slice(2)) + wordFrequency(`و${word}`);
  return present > noun;
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
  // The article is removed whenever 2 letters remain, as in light10 (it is almost never part of a
  // word), except where the lexicon shows it is (takesArticle), and where a function word would remain:
  // the article never goes before one, so الله (854 times, حزب الله, عبد الله) is not له "to him", and
  // البعد "the dimension", الحين, الإمام are not بعد, حين, أمام, which the stop list would drop.
  if (stem.startsWith(ARTICLE) && stem.length >= 4 && !takesArticle(stem) && !isStopWord(stem.slice(2))) {
    stem = stem.slice(2);
  }
  return stem;
}

// ---------------------------------------------------------------------------------------------------
// 3–4. Endings and suffixes

// light10's suffixes, in its order: dual and plural endings, pronouns (ها ه), the nisba (ي, and يه for
// ية) and ta marbuta (ة is ه once normalized, so light10's ية and ة never match here). The plural
// pronouns هما and هم are added in front.
const SUFFIXES = ['هما', 'هم', 'ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const;
// Endings before which a ta marbuta is written ت: pronouns (زيارته، قمتهما) and the dual (الكوريتين،
// مباراتين).
const TA_MARBUTA_AS_TA: ReadonlySet<string> = new Set(['هما', 'هم', 'ها', 'ه', 'ان', 'ين']);
// Each removal leaves at least 3 letters: most Arabic roots have three, so a shorter stem is a guess.
const MIN_STEM = 3;
// A word written 10 times more often than what would remain is a name or a word of its own
// (لبنان not لبن, بوتين not بوت, ايران not اير, تفاهم not تفا) and keeps its ending.
const PROTECT_RATIO = 10;
// Accusative and dual-construct endings in ا (روسيا، وزيرا، كوريا) join their word's other forms
// (الروسي، وزير، الكورية) once removed; shorter words keep it (دنيا، جدا), and so does the pronoun ها.
const MIN_LENGTH_FOR_FINAL_ALEF = 5;
// A four-letter word in ا loses it only where the lexicon knows the rest better: عددا → عدد, عاما → عام,
// هدفا → هدف, while دوما (the town), روما and دنيا keep it.
const SHORT_FINAL_ALEF_LENGTH = 4;

/**
 * Whether the lexicon sees `past` (a past-tense stem: كشف, أعلن, استهدف) in the present tense, يـ or تـ
 * before it (يكشف, تعلن, يستهدف; أفعل and افتعل lose their alef there). Names ending like a verb
 * (بيروت, بولتون, نويرت) have no present tense, so their ت and وا are never taken for verb endings.
 */
function hasPresentTense(past: string): boolean {
  const bare = past.startsWith('ا') ? past.slice(1) : past;
  // A past in final ا has its present in و: دعا / يدعو, نجا / ينجو, بدا / يبدو.
  if (past.endsWith('ا')) return hasPresentPrefix(`${bare.slice(0, -1)}و`);
  return hasPresentPrefix(bare);
}

/**
 * Rule 3a: the plural endings وا and و, which stand for a whole plural. Returns the stem of the plural,
 * or undefined when neither applies.
 */
function stripPluralWaw(word: string): string | undefined {
  // The verb plural وا (قتلوا، غادروا، أصيبوا): removed from a verb the lexicon knows in the present
  // (يقتل), so that فرانسوا (François) is not read as فرانس.
  if (word.length >= 5 && word.endsWith('وا')) {
    const verb = word.slice(0, -2);
    if (hasPresentTense(verb) && !isStopWord(verb) && familyFrequency(verb) * PROTECT_RATIO >= familyFrequency(word)) {
      return stripSuffixes(verb);
    }
  }
  // The construct plural و (مسلحو المعارضة، مسؤولو الوزارة، لاعبو الفريق) is the plural in ين/ون whose
  // ن is dropped before a noun: it joins that plural when the lexicon knows it better than the word
  // (so ماريو, روبرتو, ميلانو, whose ين/ون forms are unseen, keep their و).
  if (word.length >= 5 && word.endsWith('و') && !word.endsWith('وو')) {
    const base = word.slice(0, -1);
    if (!isStopWord(base) && familyFrequency(`${base}ين`) + familyFrequency(`${base}ون`) > familyFrequency(word)) {
      return stripSuffixes(`${base}ين`);
    }
  }
  return undefined;
}

/** Rule 3b: the accusative and country ending ا (not the pronoun ها). */
function stripFinalAlef(word: string): string {
  if (!word.endsWith('ا') || word.endsWith('ها')) return word;
  const rest = word.slice(0, -1);
  // Function words take no accusative ending: العليا "supreme" (204) is not على, مثلا keeps its ا.
  if (isStopWord(rest)) return word;
  if (word.length === SHORT_FINAL_ALEF_LENGTH) return familyFrequency(rest) > familyFrequency(word) ? rest : word;
  if (word.length < MIN_LENGTH_FOR_FINAL_ALEF) return word;
  // A country in ـا whose adjective is its name plus ي (أمريكا / أمريكي، فرنسا / الفرنسية، أوروبا /
  // الأوروبي) joins the adjective; روسيا, كوريا and بريطانيا already end in ي once the ا is gone.
  if (!rest.endsWith('ي') && familyFrequency(`${rest}ي`) > familyFrequency(rest)) return `${rest}ي`;
  return rest;
}

function stripSuffixes(word: string): string {
  const plural = stripPluralWaw(word);
  if (plural !== undefined) return plural;
  let stem = stripFinalAlef(word);
  for (const suffix of SUFFIXES) {
    if (stem.length < suffix.length + MIN_STEM || !stem.endsWith(suffix)) continue;
    const shorter = stem.slice(0, -suffix.length);
    // Ta marbuta is written ت before a pronoun or a dual ending (زيارة → زيارته، قمة → قمتهما، الكوريتين):
    // the word behind the ending is the ة form, stemmed as such so that both spellings meet.
    if (TA_MARBUTA_AS_TA.has(suffix) && shorter.endsWith('ت')) {
      const withTaMarbuta = `${shorter.slice(0, -1)}ه`;
      if (familyFrequency(withTaMarbuta) > familyFrequency(shorter)) return stripSuffixes(withTaMarbuta);
    }
    // A content word never stems to a function word (الولايه is not ولا "and not").
    if (isStopWord(shorter) || familyFrequency(shorter) * PROTECT_RATIO < familyFrequency(stem)) continue;
    stem = shorter;
  }
  // The feminine past ت (أعلنت، كشفت، استهدفت → أعلن، كشف، استهدف), last, and only on a verb: one the
  // lexicon sees in the present, and not a plural in ات or a word that ended in ا (لافتا, أتلانتا).
  if (stem.length >= MIN_STEM + 1 && stem.endsWith('ت') && !stem.endsWith('ات') && !word.endsWith('ا')) {
    const verb = stem.slice(0, -1);
    if (hasPresentTense(verb) && !isStopWord(verb) && familyFrequency(verb) * PROTECT_RATIO >= familyFrequency(stem)) {
      stem = verb;
    }
  }
  return stripDefectiveFemininePast(stem, word);
}

/**
 * A verb whose past ends in ى or ا drops that letter before the feminine ت: دعا / دعت, نفى / نفت,
 * جرى / جرت, ألغى / ألغت, انتهى / انتهت, أدى / أدت. Such a ت is taken back to the past in ى (normalized ي)
 * or ا where the lexicon sees that verb in the present (ينفي, يدعو), so that نفت meets نفى and ينفي.
 * Three letters suffice here (دعت, نفت): the third radical is the one that was dropped.
 */
function stripDefectiveFemininePast(stem: string, asWritten: string): string {
  if (stem.length < MIN_STEM || !stem.endsWith('ت') || stem.endsWith('ات') || asWritten.endsWith('ا')) return stem;
  const root = stem.slice(0, -1);
  for (const past of [`${root}ي`, `${root}ا`]) {
    if (hasPresentTense(past) && !isStopWord(past) && familyFrequency(past) * PROTECT_RATIO >= familyFrequency(stem)) return past;
  }
  return stem;
}

// ---------------------------------------------------------------------------------------------------
// 5. Present tense to past

// How often the lexicon sees a past-tense form, alone or after و "and" (وأعلن, وكشف).
function pastFrequency(past: string): number {
  return wordFrequency(past) + wordFrequency(`و${past}`);
}

// A word seen with the article at least a tenth as often as without it is a noun, not a verb: verbs
// never take the article (التكلفة, التطرف, التحسين are nouns; اليعلن does not exist).
const NOUN_ARTICLE_SHARE = 10;
function isNoun(word: string): boolean {
  return wordFrequency(ARTICLE + word) * NOUN_ARTICLE_SHARE > wordFrequency(word);
}

/**
 * Rule 5: a verb in the present tense, 3rd person (يـ he, تـ she), is taken to its past tense: يكشف and
 * تكشف → كشف (form I, V, VI: the letters after the prefix), يعلن → أعلن and يستهدف → استهدف (forms IV,
 * VIII, X: an alef in front), يؤدي → أدى. The past is chosen only where the lexicon sees it more often
 * than the present word itself, so that nouns and names that begin with ي or ت keep their letter:
 * ترامب, تونس, تميم, يوسف (no such past), and
 *  - a word seen with the article is a noun (التطرف, التكلفة) and is left alone (isNoun);
 *  - a تـ word whose يتـ form exists is itself a form V/VI past or masdar (توقع / يتوقع، تحدث / يتحدث),
 *    and so is the تفعيل masdar (تحسين, تحديث, تطوير): left alone;
 *  - a word that ended in ا is a name or an accusative (يوليا, تيريزا): left alone;
 *  - a past on the stop list (يؤكد → أكد, يقول → قال) is not used: where no other candidate is known,
 *    the present stays a term.
 */
function pastTense(word: string, asWritten: string): string {
  if (word.length < 3 || !(word.startsWith('ي') || word.startsWith('ت'))) return word;
  if (asWritten.endsWith('ا')) return word;
  if (isNoun(word) || isNoun(asWritten)) return word;
  if (word.startsWith('ت') && (wordFrequency(`ي${word}`) > 0 || /^ت..ي.$/u.test(word))) return word;
  const rest = word.slice(1);
  // A verb is seen in the present with both prefixes (يعلن and تعلن); a name is not (تشاد, يريفان).
  const otherPrefix = word.startsWith('ي') ? 'ت' : 'ي';
  if (wordFrequency(word) === 0 || wordFrequency(otherPrefix + rest) === 0) return word;
  let best = '';
  let bestFrequency = familyFrequency(word);
  for (const candidate of pastCandidates(rest)) {
    if (isStopWord(candidate)) continue;
    const frequency = pastFrequency(candidate);
    if (frequency > bestFrequency) {
      best = candidate;
      bestFrequency = frequency;
    }
  }
  if (best === '') return word;
  // The past is stemmed like any other word, so that it meets the same verb in a body (أعلن, أعلنت).
  const past = stripSuffixes(stripProclitics(best));
  return isStopWord(past) ? word : past;
}

/**
 * The pasts a present tense can come from, given the letters after its prefix (the lexicon chooses):
 *  - the letters themselves, forms I, II, III, V, VI: يكشف → كشف, يحذر → حذر, يتحدث → تحدث;
 *  - an alef in front, forms IV, VII, VIII, X: يعلن → أعلن, ينسحب → انسحب, يستهدف → استهدف;
 *  - hamza on waw is the first radical of أفعل / فعّل: يؤدي → أدى;
 *  - a final و is the present of a past in ا: يدعو → دعا, يبدو → بدا, ينجو → نجا;
 *  - two letters: a doubled verb, whose past is those letters (يرد → رد, يحل → حل, يشن → شن), or one
 *    whose first radical و drops in the present (يصل → وصل, يقع → وقع, يضع → وضع). Two letters ending in
 *    a weak letter (يلي, يعي) are not tried: their past (ولي) is a frequent noun as well.
 * Form IV of a doubled verb (يقر → أقر) is not tried: أفعل of two letters is mostly an elative (أقل
 * "less" for يقل "decreases", أمر "matter" for يمر "passes").
 */
function pastCandidates(rest: string): string[] {
  if (rest.startsWith('ؤ')) return [`ا${rest.slice(1)}`];
  if (rest.length === 2) return /[وي]$/u.test(rest) ? [] : [rest, `و${rest}`];
  const candidates = [rest, `ا${rest}`];
  if (rest.endsWith('و')) candidates.push(`${rest.slice(0, -1)}ا`);
  return candidates;
}

// ---------------------------------------------------------------------------------------------------
// 5b. The verbal noun of the derived forms

/**
 * Rule 5b: forms IV, VII, VIII and X make their verbal noun by a long ا before the last radical —
 * إفعال, انفعال, افتعال, استفعال: إعلان / أعلن, انسحاب / انسحب, اعتقال / اعتقل, استهداف / استهدف.
 * Headlines name the event with the noun (اعتقال ناشط), bodies tell it with the verb (اعتقلت الشرطة),
 * so the noun is taken to the verb, where the lexicon knows that verb:
 *  - in the present (يعلن, يعتقل), and in the feminine past (أعلنت, اعتقلت), which a 1st-person
 *    present (أعرف "I know" beside أعراف) or an elative (أقدم beside أقدام) does not have;
 *  - and not when the word is itself a verb that takes the feminine ت: a hollow past, whose ا is a
 *    radical (استعاد / استعادت, احتاج, استقال), is not the noun of استعد, احتج or استقل.
 * Homographs remain where the verb and the plural share their letters and both are used: أحداث
 * "events" meets أحدث "caused", إعلام "media" meets أعلم "informed", أخبار meets أخبر.
 */
function verbOfVerbalNoun(word: string): string {
  if (!word.startsWith('ا') || word.length < 5 || word.length > 7 || word.at(-2) !== 'ا') return word;
  const verb = `${word.slice(0, -2)}${word.at(-1)}`;
  if (isStopWord(verb) || !hasPresentPrefix(verb.slice(1))) return word;
  if (wordFrequency(`${verb}ت`) === 0 || wordFrequency(`${word}ت`) > 0) return word;
  return verb;
}

// ---------------------------------------------------------------------------------------------------

// A proclitic before a Latin word or a number is written with tatweel (لـCNN, الـ16, بـ2018); once
// normalized it is glued to the word, and the word is what is searched for.
const PROCLITIC_BEFORE_FOREIGN = /^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)(?=[\p{Script=Latin}\p{N}])/u;
const ARABIC_ONLY = /^\p{Script=Arabic}+$/u;

// Analyzing a corpus meets the same few thousand words over and over.
const stemCache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/**
 * The light stem of a word already passed through normalizeForMatch: proclitics و ف ب ك ل and the
 * article removed, then endings and light10's suffixes, then a present-tense verb taken to its past;
 * each rule checked against a frozen news lexicon so that words and names stay whole (وزير, واشنطن,
 * بيونغ, لبنان) while ولافروف, بلافروف and للافروف become لافروف.
 */
export function stem(normalizedWord: string): string {
  const cached = stemCache.get(normalizedWord);
  if (cached !== undefined) return cached;
  let result = normalizedWord;
  if (ARABIC_ONLY.test(normalizedWord)) {
    if (normalizedWord.length > 2) {
      const bare = stripProclitics(normalizedWord);
      const suffixless = stripSuffixes(bare);
      result = pastTense(suffixless, bare);
      // The final ي of a weak verb's present is its last radical, not the nisba the suffix rules took it
      // for: تنفي is تنفي (→ نفى), not تنف (التنف is a place).
      if (result === suffixless && suffixless !== bare && /[وي]$/u.test(bare)) {
        const past = pastTense(bare, bare);
        if (past !== bare) result = past;
      }
      if (result === suffixless) result = verbOfVerbalNoun(suffixless);
    }
  } else {
    result = normalizedWord.replace(PROCLITIC_BEFORE_FOREIGN, '');
  }
  if (stemCache.size >= CACHE_LIMIT) stemCache.clear();
  stemCache.set(normalizedWord, result);
  return result;
}

/**
 * The search terms of a text with their offsets: tokenize, normalize, drop stop words, stem, fold
 * spelling variants. The same function serves indexing and querying, so that both sides meet on the
 * same terms. A word written as one that stands for two (بيونغيانغ) gives two terms with its offsets.
 */
export function analyzeWithOffsets(text: string): AnalyzedTerm[] {
  const terms: AnalyzedTerm[] = [];
  for (const token of tokenize(text)) {
    for (const term of termsOf(token.text)) terms.push({ term, start: token.start, end: token.end });
  }
  return terms;
}

// A proclitic written with tatweel and cut from its word by a quote mark: بـ"داعش", لـ«الأهرام»,
// الـ"فيتو". The tokenizer sees بـ on its own; it is a proclitic, not a word, and the word after the
// quote is indexed anyway.
const DETACHED_PROCLITIC = /^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)$/u;
const TATWEEL_AT_END = /\u0640[\u064b-\u065f\u0670]*$/u;

// The term of one word as written, '' for a stop word or a detached proclitic; before spelling variants.
function plainTermOf(word: string): string {
  const normalized = normalizeForMatch(word);
  if (normalized === '' || isStopWord(normalized)) return '';
  if (TATWEEL_AT_END.test(word) && DETACHED_PROCLITIC.test(normalized)) return '';
  const term = stem(normalized);
  // A function word behind a proclitic (وكذلك, ولكنه, بانهم) is still a function word.
  return isStopWord(term) ? '' : term;
}

// Rule 6: every spelling's term → the terms of the row's first spelling; built on first use.
let variantTerms: Map<string, readonly string[]> | undefined;
function spellingVariants(): Map<string, readonly string[]> {
  if (variantTerms) return variantTerms;
  const map = new Map<string, readonly string[]>();
  for (const [preferred, ...others] of SPELLING_VARIANTS) {
    const to = plainTermOf(preferred);
    for (const other of others) {
      const from = plainTermOf(other);
      if (from !== to) map.set(from, [to]);
    }
  }
  for (const [joined, spaced] of COMPOUND_SPELLINGS) {
    map.set(plainTermOf(joined), tokenize(spaced).map((token) => plainTermOf(token.text)));
  }
  variantTerms = map;
  return map;
}

const NO_TERMS: readonly string[] = [];
const termCache = new Map<string, readonly string[]>();

// The terms of one word as written (none for a stop word, two for بيونغيانغ); cached because normalizing
// costs more than looking up the few thousand spellings that make most of any text.
function termsOf(word: string): readonly string[] {
  let terms = termCache.get(word);
  if (terms === undefined) {
    const term = plainTermOf(word);
    terms = term === '' ? NO_TERMS : (spellingVariants().get(term) ?? [term]);
    if (termCache.size >= CACHE_LIMIT) termCache.clear();
    termCache.set(word, terms);
  }
  return terms;
}

/** The search terms of a text, in order, repeats kept (for indexing and for queries alike). */
export function analyze(text: string): string[] {
  return analyzeWithOffsets(text).map(({ term }) => term);
}

/** The spelling-variant table as the analyzer applies it (term → terms), for tests and for the record. */
export function spellingVariantTerms(): ReadonlyMap<string, readonly string[]> {
  return spellingVariants();
}

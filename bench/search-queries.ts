/**
 * The fixed query mix of the search benchmark: what readers of an Arabic news site type. Document
 * frequencies in the comments are of the analyzed term in the 8,115 corpus stories (the generated
 * articles keep roughly the same shares).
 */

export type QueryKind = 'name' | 'clitic' | 'words' | 'phrase' | 'section' | 'rare' | 'common' | 'fallback';

export interface BenchQuery {
  q: string;
  kind: QueryKind;
  /** A corpus section key: the query is run inside that section. */
  section?: string;
}

const q = (kind: QueryKind, list: string[], section?: string): BenchQuery[] =>
  list.map((text) => (section ? { q: text, kind, section } : { q: text, kind }));

/** 62 queries, each kind several times. */
export const BENCH_QUERIES: readonly BenchQuery[] = [
  // People and places on their own (90–870 stories of 8,115).
  ...q('name', ['لافروف', 'ترامب', 'بوتين', 'ميسي', 'ماكرون', 'أردوغان', 'نتنياهو', 'السيسي', 'سكريبال', 'زوكربيرغ', 'برشلونة', 'عفرين']),
  // The same with the clitics readers type (و، ب، ل، لل، بال): the analyzer must strip them.
  ...q('clitic', ['ولافروف', 'بترامب', 'لبوتين', 'وميسي', 'للسعودية', 'والرياض', 'بالكيماوي', 'وفيسبوك']),
  // Two or three words, every one required.
  ...q('words', [
    'أسعار النفط',
    'كأس العالم',
    'الانتخابات الرئاسية المصرية',
    'الغوطة الشرقية',
    'مجلس الأمن',
    'كوريا الشمالية',
    'ريال مدريد',
    'محمد صلاح',
    'الأسلحة الكيماوية دوما',
    'الدوري الإنجليزي',
    'البنك المركزي الفائدة',
    'الذكاء الاصطناعي',
  ]),
  // Phrases in quotes, straight and typographic and guillemets.
  ...q('phrase', ['"بيونغ يانغ"', '"كأس العالم"', '«مجلس الأمن»', '"ريال مدريد"', '“الغوطة الشرقية”', '"محمد بن سلمان"', '"الأمم المتحدة"', '"البيت الأبيض"']),
  // Inside one section.
  ...q('section', ['ميسي'], 'sport'),
  ...q('section', ['النفط', 'التضخم'], 'economy'),
  ...q('section', ['ترامب'], 'internationalNews'),
  ...q('section', ['الحوثيين', 'صنعاء'], 'middleEast'),
  ...q('section', ['فيسبوك'], 'technology'),
  ...q('section', ['مهرجان'], 'culture'),
  // Rare words (5–24 stories of 8,115), one with Arabic-Indic digits, one with harakat.
  ...q('rare', ['بيتكوين', 'اليونسكو', 'تسلا', 'بلاتر', 'سامسونغ', 'نوبل']),
  ...q('rare', ['كأس العالم ٢٠١٨', 'الأَسلحة الكيماوية']),
  // Very common words (a third to 40% of all stories): the most rows to rank.
  ...q('common', ['العام', 'الرئيس', 'اليوم', 'الدول', 'العالم', 'الرئيس الأمريكي']),
  // Nothing has every word, so the service falls back to any of them (two queries).
  ...q('fallback', ['ترامب زلزيلوف', 'ميسي كرنفالات']),
];

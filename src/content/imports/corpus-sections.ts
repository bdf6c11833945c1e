/** The corpus's section keys and the Arabic sections they become, in menu order. */
export const CORPUS_SECTIONS: readonly { key: string; name: string }[] = [
  { key: 'internationalNews', name: 'دول العالم' },
  { key: 'middleEast', name: 'الشرق الأوسط' },
  { key: 'economy', name: 'اقتصاد' },
  { key: 'sport', name: 'رياضة' },
  { key: 'technology', name: 'تكنولوجيا' },
  { key: 'culture', name: 'ثقافة' },
];

/** The Arabic section name for a corpus key; unknown keys are kept as given. */
export function sectionNameForCorpusKey(key: string): string {
  return CORPUS_SECTIONS.find((s) => s.key === key)?.name ?? key;
}

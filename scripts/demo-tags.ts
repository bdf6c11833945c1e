/**
 * The tags the demo sample (and the related-articles evaluation) give an article: the well-known
 * names it mentions at least twice, most mentioned first, at most four. Script-side data, not
 * product behaviour: the newsroom tags real articles by hand.
 */
import { normalizeForMatch } from '../src/arabic/normalize.ts';

/** Tag name → spellings that count as a mention (matched on normalized text, as whole words). */
export const DEMO_TAGS: Record<string, string[]> = {
  'روسيا': ['روسيا', 'موسكو'],
  'كوريا الشمالية': ['كوريا الشمالية', 'بيونغ يانغ'],
  'الولايات المتحدة': ['الولايات المتحدة', 'واشنطن'],
  'فلاديمير بوتين': ['بوتين'],
  'سيرغي لافروف': ['لافروف'],
  'دونالد ترامب': ['ترامب', 'ترمب'],
  'كيم جونغ أون': ['كيم جونغ'],
  'سوريا': ['سوريا', 'دمشق'],
  'إيران': ['إيران', 'طهران'],
  'تركيا': ['تركيا', 'أنقرة'],
  'الصين': ['الصين', 'بكين'],
  'السعودية': ['السعودية', 'الرياض'],
  'مصر': ['مصر', 'القاهرة'],
  'العراق': ['العراق', 'بغداد'],
  'اليمن': ['اليمن', 'الحوثي'],
  'إسرائيل': ['إسرائيل'],
  'فلسطين': ['الفلسطينية', 'الفلسطيني', 'غزة'],
  'بريطانيا': ['بريطانيا', 'لندن'],
  'الاتحاد الأوروبي': ['الاتحاد الأوروبي'],
  'الأمم المتحدة': ['الأمم المتحدة'],
  'كأس العالم': ['كأس العالم', 'المونديال'],
  'ريال مدريد': ['ريال مدريد'],
  'برشلونة': ['برشلونة'],
  'ليفربول': ['ليفربول'],
  'محمد صلاح': ['محمد صلاح'],
  'النفط': ['النفط', 'أوبك'],
  'فيسبوك': ['فيسبوك'],
  'آبل': ['آبل'],
  'غوغل': ['غوغل', 'جوجل'],
  'السينما': ['السينما', 'فيلم'],
};

/** How often a normalized, space-padded text contains a word (matched as a whole word). */
function mentions(padded: string, word: string): number {
  const needle = ` ${normalizeForMatch(word)} `;
  let count = 0;
  for (let at = padded.indexOf(needle); at !== -1; at = padded.indexOf(needle, at + 1)) count++;
  return count;
}

/** The demo tags of an article: the title counts twice. */
export function demoTagsOf(title: string, body: string): string[] {
  const padded = ` ${normalizeForMatch(`${title} ${title} ${body}`).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return Object.entries(DEMO_TAGS)
    .map(([name, words]) => ({ name, count: words.reduce((n, w) => n + mentions(padded, w), 0) }))
    .filter((t) => t.count >= 2)
    .sort((x, y) => y.count - x.count)
    .slice(0, 4)
    .map((t) => t.name);
}

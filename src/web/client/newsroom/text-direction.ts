/**
 * The direction of one paragraph or heading of an Arabic article, decided from its text.
 * dir="auto" takes the first strong character, so "Sergei Lavrov قال: «…»." would be laid out left
 * to right with its colon and quotes on the wrong side; here any right-to-left letter makes the block
 * RTL, and only one of other letters alone (an English quotation, a URL) is LTR. Empty blocks and
 * blocks of digits and punctuation only start right to left.
 */
export type ParagraphDirection = 'rtl' | 'ltr';

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const ANY_LETTER = /\p{L}/u;

/** 'rtl' when the text has a right-to-left letter or no letter at all; otherwise 'ltr'. */
export function paragraphDirection(text: string): ParagraphDirection {
  if (RTL_LETTER.test(text)) return 'rtl';
  return ANY_LETTER.test(text) ? 'ltr' : 'rtl';
}

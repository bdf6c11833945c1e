import { toAsciiDigits } from './digits.ts';
import { removeOptionalMarks, stripInvisibleControls } from './normalize.ts';

// Letters and digits of every script (most slug libraries keep only [a-z0-9] and so delete Arabic);
// other scripts' combining marks (Devanagari vowel signs, say) stay inside their word.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * A URL slug that keeps the words as written (Arabic included), joined by '-', at most `maxLength`
 * characters, cut between words. Returns '' only when the text has no letters or digits at all.
 */
export function slugify(text: string, maxLength = 80): string {
  // Harakat and tatweel are optional in Arabic spelling and only lengthen the URL (each Arabic letter
  // is 6 bytes percent-encoded). Hamza, ة and ى are kept: people read slugs, so they spell as written.
  const cleaned = toAsciiDigits(removeOptionalMarks(stripInvisibleControls(text).normalize('NFKC')));
  const words = (cleaned.match(WORD) ?? []).map((word) => word.toLowerCase());
  const limit = Math.max(1, Math.floor(maxLength));
  let slug = '';
  for (const word of words) {
    const candidate = slug === '' ? word : `${slug}-${word}`;
    if ([...candidate].length > limit) break;
    slug = candidate;
  }
  // A single word longer than the limit is cut rather than dropped, so a slug is never empty.
  if (slug === '' && words[0] !== undefined) slug = [...words[0]].slice(0, limit).join('');
  return slug;
}

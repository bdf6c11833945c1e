/** What a LIKE search reads of an article. */
export interface LikeRow {
  id: number;
  publishedAt: number;
  headline: string;
  body: string;
}

// SQLite's LIKE folds case for ASCII letters only; Arabic has no case, other scripts are compared as is.
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

// Fields are joined into one string with a separator no query contains, so that one indexOf pass
// finds every article at once and no match can run from one field into the next.
const SEPARATOR = '\u0000';

/**
 * `likeBaseline` (src/db/full-text.ts) in memory, for running it on thousands of titles in seconds:
 * articles whose headline or body contains the text (ASCII case folded, as SQLite's LIKE does),
 * newest first, ties by id descending. The evaluation checks it against the SQL on a sample.
 */
export function createLikeSearch(rows: readonly LikeRow[]): (text: string, limit: number) => number[] {
  // Newest first, so that the first articles found in text order are the ones LIKE returns.
  const ordered = [...rows].sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id);
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const row of ordered) {
    starts.push(offset);
    const part = `${foldAscii(row.headline)}${SEPARATOR}${foldAscii(row.body)}${SEPARATOR}`;
    parts.push(part);
    offset += part.length;
  }
  const haystack = parts.join('');
  // The article whose text holds this position: the last start at or before it.
  const articleAt = (position: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  return (text, limit) => {
    const needle = foldAscii(text);
    const ids: number[] = [];
    if (needle.includes(SEPARATOR) || limit <= 0) return ids;
    let from = 0;
    while (ids.length < limit) {
      const found = haystack.indexOf(needle, from);
      if (found === -1) break;
      const index = articleAt(found);
      ids.push(ordered[index]!.id);
      // Next search starts at the following article: one hit per article.
      from = index + 1 < starts.length ? starts[index + 1]! : haystack.length;
    }
    return ids;
  };
}

import type { ArticleDocument, BlockNode } from './article-document.ts';
import { inlineText } from './article-document.ts';

/** The blocks compare() lines up: readable text blocks, and images described by their alt text. */
export function comparableBlocks(doc: ArticleDocument): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly BlockNode[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') {
        const text = inlineText(block.content).trim();
        if (text) out.push(text);
      } else if (block.type === 'image') out.push(`[صورة ${block.attrs.mediaId}: ${block.attrs.alt}]`);
      else if (block.type === 'blockquote') walk(block.content);
      else for (const item of block.content) walk(item.content);
    }
  };
  walk(doc.content);
  return out;
}

/** Paragraph diff: common start and end kept, the middle lined up by a longest common subsequence. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): { kind: 'same' | 'added' | 'removed'; text: string }[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const b = before.slice(start, endB);
  const a = after.slice(start, endA);
  const middle: { kind: 'same' | 'added' | 'removed'; text: string }[] = [];
  if (b.length * a.length > 4_000_000) {
    // Too large to line up in memory: everything in between shows as replaced.
    for (const text of b) middle.push({ kind: 'removed', text });
    for (const text of a) middle.push({ kind: 'added', text });
  } else {
    const width = a.length + 1;
    const lengths = new Uint32Array((b.length + 1) * width);
    for (let i = b.length - 1; i >= 0; i--) {
      for (let j = a.length - 1; j >= 0; j--) {
        lengths[i * width + j] = b[i] === a[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < b.length && j < a.length) {
      if (b[i] === a[j]) {
        middle.push({ kind: 'same', text: b[i]! });
        i++;
        j++;
      } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) middle.push({ kind: 'removed', text: b[i++]! });
      else middle.push({ kind: 'added', text: a[j++]! });
    }
    while (i < b.length) middle.push({ kind: 'removed', text: b[i++]! });
    while (j < a.length) middle.push({ kind: 'added', text: a[j++]! });
  }
  return [
    ...before.slice(0, start).map((text) => ({ kind: 'same' as const, text })),
    ...middle,
    ...before.slice(endB).map((text) => ({ kind: 'same' as const, text })),
  ];
}

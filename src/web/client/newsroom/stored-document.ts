import type { JSONContent } from '@tiptap/core';

/**
 * TipTap's getJSON() with only what the stored document keeps (article-document.ts): the editor's
 * extensions add attributes of their own (a link's target and class, an ordered list's start) that
 * the server would drop anyway. The server sanitizes every write whatever arrives; this only keeps
 * the editor's idea of "unsaved changes" equal to what a save would store.
 */
export function storedDocument(json: JSONContent): JSONContent {
  return { type: 'doc', content: (json.content ?? []).map(storedNode) };
}

function storedNode(node: JSONContent): JSONContent {
  const out: JSONContent = { type: node.type ?? 'paragraph' };
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
      if (attrs.dir === 'rtl' || attrs.dir === 'ltr' || attrs.dir === 'auto') out.attrs = { dir: attrs.dir };
      break;
    case 'heading':
      out.attrs = { level: attrs.level === 3 ? 3 : 2 };
      if (attrs.dir === 'rtl' || attrs.dir === 'ltr' || attrs.dir === 'auto') out.attrs.dir = attrs.dir;
      break;
    case 'image':
      out.attrs = {
        mediaId: attrs.mediaId,
        alt: typeof attrs.alt === 'string' ? attrs.alt : '',
        caption: nonEmpty(attrs.caption),
        credit: nonEmpty(attrs.credit),
      };
      break;
    case 'text': {
      out.text = node.text ?? '';
      const marks = (node.marks ?? []).flatMap((mark) => {
        if (mark.type === 'bold' || mark.type === 'italic') return [{ type: mark.type }];
        if (mark.type === 'link' && typeof mark.attrs?.href === 'string') return [{ type: 'link', attrs: { href: mark.attrs.href } }];
        return [];
      });
      if (marks.length) out.marks = marks;
      return out;
    }
  }
  if (node.content?.length) out.content = node.content.map(storedNode);
  return out;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

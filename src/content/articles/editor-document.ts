import { AppError } from '../../errors.ts';
import type { ArticleDocument, BlockDirection, BlockNode, ImageNode, InlineMark, InlineNode, ListItemNode, TextNode } from './article-document.ts';
import { ARTICLE_LIMITS } from './article.ts';

/** Bounds on what a stored body may hold; past them the body is refused, never cut silently. */
export const EDITOR_DOCUMENT_LIMITS = {
  /** Characters of text in the whole body (the article limit). */
  textChars: ARTICLE_LIMITS.bodyMaxChars,
  /** Blocks (paragraphs, headings, images, list items…) in the whole body. */
  blocks: 20_000,
  /** Quotes and lists nested deeper than this become plain paragraphs. */
  depth: 8,
  hrefChars: 2048,
  altChars: 300,
  captionChars: 500,
  creditChars: 200,
  /** Pasted or imported HTML, before cleaning. */
  htmlChars: 5_000_000,
  /**
   * Opening tags in that HTML. htmlparser2 keeps its open elements in an array it shifts and
   * unshifts, so its time grows with the square of the nesting depth (250,000 nested <b> take
   * 40 s); bounding the tags bounds the depth. An article's HTML has a few thousand at most.
   */
  htmlTags: 20_000,
} as const;

// Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI) reorder the text around
// them: a hostile or careless paste can make a sentence read differently from what is stored
// ("Trojan source"), and a missing PDF/PDI reorders everything after it. Paragraph direction comes
// from the `dir` attribute instead. The marks LRM, RLM and ALM only nudge neutral characters such as
// the full stop after an English name in Arabic text; they reorder nothing, so they are kept.
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// C0 and C1 controls other than tab and line breaks, DEL, and the byte order mark: never text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/g;
// A text node is one run of a line; breaks inside it are spaces (hard breaks are their own node).
const LINE_BREAKS = /\r\n|[\t\n\r\u2028\u2029]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as stored in a body or a short field: no direction overrides or isolates, no control characters. */
export function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATES, '\ufffd')
    .replace(DIRECTION_CONTROLS, '')
    .replace(CONTROL_CHARACTERS, '')
    .replace(LINE_BREAKS, ' ');
}

/** A one-line field (alt text, caption, credit): cleaned, spaces collapsed, trimmed, bounded; null when empty. */
export function cleanLineText(value: unknown, maxChars: number): string | null {
  if (typeof value !== 'string') return null;
  const line = cleanText(value).replace(/\s+/g, ' ').trim();
  return line === '' ? null : [...line].slice(0, maxChars).join('');
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SITE_BASE = 'https://site.invalid';

/**
 * A link target the platform keeps: absolute http(s) or mailto, or a path on this site ("/section/…").
 * Everything else (javascript:, data:, vbscript:, protocol-relative //host, relative paths) is null.
 * Leading and trailing controls and spaces and inner tabs and newlines are removed first, as
 * browsers do before reading the scheme ("java\tscript:" is javascript: to a browser).
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (trimmed === '' || trimmed.length > EDITOR_DOCUMENT_LIMITS.hrefChars) return null;
  try {
    if (trimmed.startsWith('/')) {
      // Backslashes count as slashes in URLs, so "/\evil.example" is another host.
      if (/^\/[/\\]/.test(trimmed)) return null;
      const url = new URL(trimmed, SITE_BASE);
      return url.origin === SITE_BASE ? url.pathname + url.search + url.hash : null;
    }
    const url = new URL(trimmed);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function tooLong(): AppError {
  return new AppError('VALIDATION_FAILED', { fields: { body: 'نص المقال أطول من المسموح؛ قسّمه إلى أكثر من مقال.' } });
}

/** Counts what a document holds while it is built, and refuses it past the limits. */
class Budget {
  private chars = 0;
  private blocks = 0;
  text(text: string): string {
    this.chars += text.length;
    if (this.chars > EDITOR_DOCUMENT_LIMITS.textChars) throw tooLong();
    return text;
  }
  block<T>(block: T): T {
    this.blocks += 1;
    if (this.blocks > EDITOR_DOCUMENT_LIMITS.blocks) throw tooLong();
    return block;
  }
}

const TEXTBLOCKS = new Set(['paragraph', 'heading']);

/** The text of any subtree, walked without recursion (a hostile document may nest thousands deep). */
function plainTextOf(root: unknown, budget: Budget): string {
  let out = '';
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isRecord(node)) continue;
    if (node.type === 'hardBreak') out += ' ';
    if (typeof node.text === 'string') out += budget.text(cleanText(node.text));
    // Paragraphs met inside flattened structure stay apart by a space (popped after their children).
    if (TEXTBLOCKS.has(String(node.type))) stack.push({ type: 'hardBreak' });
    const children = asArray(node.content);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

function marksOf(raw: unknown): InlineMark[] {
  let bold = false;
  let italic = false;
  let href: string | null = null;
  for (const mark of asArray(raw)) {
    if (!isRecord(mark)) continue;
    if (mark.type === 'bold' || mark.type === 'strong') bold = true;
    else if (mark.type === 'italic' || mark.type === 'em') italic = true;
    else if (mark.type === 'link' && isRecord(mark.attrs)) href = safeHref(mark.attrs.href);
  }
  const marks: InlineMark[] = [];
  if (bold) marks.push({ type: 'bold' });
  if (italic) marks.push({ type: 'italic' });
  if (href !== null) marks.push({ type: 'link', attrs: { href } });
  return marks;
}

function sameMarks(a: readonly InlineMark[] | undefined, b: readonly InlineMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

function pushText(out: InlineNode[], text: string, marks: InlineMark[]): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.type === 'text' && sameMarks(last.marks, marks)) {
    last.text += text;
    return;
  }
  const node: TextNode = { type: 'text', text };
  if (marks.length > 0) node.marks = marks;
  out.push(node);
}

/** Inline content: text with allowed marks and hard breaks; anything else gives up its text. */
function inlineOf(nodes: readonly unknown[], budget: Budget, depth: number, out: InlineNode[] = []): InlineNode[] {
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    if (node.type === 'text') {
      if (typeof node.text === 'string') pushText(out, budget.text(cleanText(node.text)), marksOf(node.marks));
    } else if (node.type === 'hardBreak') {
      out.push({ type: 'hardBreak' });
    } else if (depth >= EDITOR_DOCUMENT_LIMITS.depth) {
      pushText(out, plainTextOf(node, budget), []);
    } else {
      // An unknown inline node (a mention, an emoji, a block pasted inside a paragraph) keeps its text.
      if (typeof node.text === 'string') pushText(out, budget.text(cleanText(node.text)), []);
      inlineOf(asArray(node.content), budget, depth + 1, out);
    }
  }
  return out;
}

/** A direction the platform keeps: exactly rtl, ltr or auto (anything else would reach an HTML attribute). */
export function blockDirection(value: unknown): BlockDirection | null {
  return value === 'rtl' || value === 'ltr' || value === 'auto' ? value : null;
}

function paragraph(content: InlineNode[], dir: BlockDirection | null = null): BlockNode {
  const block: BlockNode = dir ? { type: 'paragraph', attrs: { dir } } : { type: 'paragraph' };
  if (content.length > 0) block.content = content;
  return block;
}

function heading(level: 2 | 3, content: InlineNode[], dir: BlockDirection | null = null): BlockNode {
  const block: BlockNode = { type: 'heading', attrs: dir ? { level, dir } : { level } };
  if (content.length > 0) block.content = content;
  return block;
}

export function mediaIdOf(value: unknown): number | null {
  const id = typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

function imageOf(node: Json, budget: Budget): ImageNode | null {
  const attrs = isRecord(node.attrs) ? node.attrs : {};
  const mediaId = mediaIdOf(attrs.mediaId);
  if (mediaId === null) return null;
  const alt = cleanLineText(attrs.alt, EDITOR_DOCUMENT_LIMITS.altChars) ?? '';
  const caption = cleanLineText(attrs.caption, EDITOR_DOCUMENT_LIMITS.captionChars);
  const credit = cleanLineText(attrs.credit, EDITOR_DOCUMENT_LIMITS.creditChars);
  budget.text(alt + (caption ?? '') + (credit ?? ''));
  return { type: 'image', attrs: { mediaId, alt, caption, credit } };
}

function listItemsOf(nodes: readonly unknown[], budget: Budget, depth: number): ListItemNode[] {
  const items: ListItemNode[] = [];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    // Anything else placed directly in a list becomes an item of its own.
    const content = blocksOf(node.type === 'listItem' ? asArray(node.content) : [node], budget, depth + 1);
    if (content.length === 0) continue;
    // The editor's list items start with a paragraph (TipTap: "paragraph block*").
    if (content[0]!.type !== 'paragraph') content.unshift(budget.block({ type: 'paragraph' }));
    items.push(budget.block({ type: 'listItem', content }));
  }
  return items;
}

/** Block content through the allowlist; inline nodes found between blocks are gathered into paragraphs. */
function blocksOf(nodes: readonly unknown[], budget: Budget, depth: number): BlockNode[] {
  const out: BlockNode[] = [];
  let loose: InlineNode[] = [];
  const flush = () => {
    if (loose.length > 0) out.push(budget.block(paragraph(loose)));
    loose = [];
  };
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    const type = node.type;
    if (type === 'text' || type === 'hardBreak') {
      inlineOf([node], budget, depth, loose);
      continue;
    }
    flush();
    const attrs = isRecord(node.attrs) ? node.attrs : {};
    if (type === 'paragraph') {
      out.push(budget.block(paragraph(inlineOf(asArray(node.content), budget, depth + 1), blockDirection(attrs.dir))));
    } else if (type === 'heading') {
      const level = attrs.level === 3 || attrs.level === 4 || attrs.level === 5 || attrs.level === 6 ? 3 : 2;
      out.push(budget.block(heading(level, inlineOf(asArray(node.content), budget, depth + 1), blockDirection(attrs.dir))));
    } else if (type === 'image') {
      const image = imageOf(node, budget);
      if (image) out.push(budget.block(image));
    } else if (depth >= EDITOR_DOCUMENT_LIMITS.depth) {
      // Too deep to keep its structure: its text stays, as one paragraph.
      const text = plainTextOf(node, budget);
      if (text) out.push(budget.block(paragraph([{ type: 'text', text }])));
    } else if (type === 'blockquote') {
      const content = blocksOf(asArray(node.content), budget, depth + 1);
      if (content.length > 0) out.push(budget.block({ type: 'blockquote', content }));
    } else if (type === 'bulletList' || type === 'orderedList') {
      const content = listItemsOf(asArray(node.content), budget, depth);
      if (content.length > 0) out.push(budget.block({ type, content }));
    } else {
      // Unknown blocks (code, tables, embeds, list items out of place) are unwrapped: their text stays.
      if (typeof node.text === 'string') inlineOf([{ type: 'text', text: node.text }], budget, depth, loose);
      flush();
      out.push(...blocksOf(asArray(node.content), budget, depth + 1));
    }
  }
  flush();
  return out;
}

/**
 * The body an editor sent, through an allowlist: paragraphs and h2/h3 headings (each with dir
 * rtl/ltr/auto), quotations, lists, images from the media library, and text with bold, italic and safe
 * links. Unknown nodes give up their text; unknown marks and attributes are dropped; direction
 * overrides and isolates are removed. Not a document at all: an empty one. Past the limits:
 * VALIDATION_FAILED.
 */
export function parseEditorDocument(json: unknown): ArticleDocument {
  if (!isRecord(json) || json.type !== 'doc') return { type: 'doc', content: [] };
  return { type: 'doc', content: blocksOf(asArray(json.content), new Budget(), 0) };
}

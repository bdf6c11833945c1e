/**
 * The stored body of an article: a ProseMirror/TipTap-compatible JSON document. Storing structure
 * rather than HTML means pages render it through JSX (escaped by default) with an allowlist of node
 * types, and the newsroom editor can load it as it is.
 */
export type InlineMark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'link'; attrs: { href: string } };

/** A run of text with optional marks. */
export interface TextNode {
  type: 'text';
  text: string;
  marks?: InlineMark[];
}

/** A hard line break inside a paragraph. */
export interface HardBreakNode {
  type: 'hardBreak';
}

export type InlineNode = TextNode | HardBreakNode;

/**
 * The direction of one paragraph or heading, set by the editor (from its letters or by hand) or
 * brought by imported HTML; without one, the reader's page decides from the text.
 */
export type BlockDirection = 'rtl' | 'ltr' | 'auto';

/** Block-level nodes the platform knows how to render. */
export type BlockNode =
  | { type: 'paragraph'; attrs?: { dir?: BlockDirection }; content?: InlineNode[] }
  | { type: 'heading'; attrs: { level: 2 | 3; dir?: BlockDirection }; content?: InlineNode[] }
  | { type: 'blockquote'; content: BlockNode[] }
  | { type: 'bulletList'; content: ListItemNode[] }
  | { type: 'orderedList'; content: ListItemNode[] }
  | ImageNode;

/** An image from the media library placed in the body; its caption and credit are not paragraphs of the text. */
export interface ImageNode {
  type: 'image';
  attrs: { mediaId: number; alt: string; caption: string | null; credit: string | null };
}

/** One item of a bullet or ordered list. */
export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}

/** The root of an article body. */
export interface ArticleDocument {
  type: 'doc';
  content: BlockNode[];
}

/** Builds a document of plain paragraphs, as agency copy and imports arrive. */
export function documentFromParagraphs(paragraphs: readonly string[]): ArticleDocument {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** The plain text of inline content, line breaks as "\n". */
export function inlineText(content: readonly InlineNode[] | undefined): string {
  if (!content) return '';
  return content.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

/**
 * The readable text blocks of a document in order (paragraphs, headings, quoted and listed text),
 * which is what the API calls "paragraphs" and what search and related-article scoring read.
 */
export function documentParagraphs(doc: ArticleDocument): string[] {
  const out: string[] = [];
  const walk = (blocks: readonly BlockNode[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
        case 'heading': {
          const text = inlineText(block.content).trim();
          if (text) out.push(text);
          break;
        }
        case 'blockquote':
          walk(block.content);
          break;
        case 'bulletList':
        case 'orderedList':
          for (const item of block.content) walk(item.content);
          break;
        case 'image':
          // Captions describe the picture; search, related scoring and the API's paragraphs read the story.
          break;
      }
    }
  };
  walk(doc.content);
  return out;
}

import type { ComponentChildren } from 'preact';
import type { ArticleDocument } from '../../content/articles/article-document.ts';
import type { ImageView } from '../view-models.ts';
import { ImageFigure } from './responsive-image.tsx';

/**
 * Renders a stored article body through an allowlist: paragraphs, h2/h3 headings, blockquotes,
 * lists, text with bold, italic and http(s)/mailto links, and library images (drawn only when
 * `images` has the media id: sources come from the library, never from the document). Anything else
 * (unknown nodes, unknown marks, other link schemes) is dropped, and all text goes through JSX
 * escaping, so a hostile document cannot inject markup or script.
 */
export function ArticleBody({ doc, images }: { doc: ArticleDocument; images?: ReadonlyMap<number, ImageView> }) {
  return <>{renderBlocks(isRecord(doc) ? doc.content : undefined, images)}</>;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function renderBlocks(blocks: unknown, images: ReadonlyMap<number, ImageView> | undefined): ComponentChildren[] {
  return Array.isArray(blocks) ? blocks.map((block) => renderBlock(block, images)) : [];
}

function renderBlock(node: unknown, images: ReadonlyMap<number, ImageView> | undefined): ComponentChildren {
  if (!isRecord(node)) return null;
  switch (node.type) {
    case 'paragraph': {
      const text = plainText(node.content);
      // Editors leave empty paragraphs (or ones holding only line breaks) as spacing; CSS spaces paragraphs.
      if (!text.trim()) return null;
      return <p dir={blockDir(node.attrs, text)}>{renderInline(node.content)}</p>;
    }
    case 'heading': {
      const text = plainText(node.content);
      if (!text.trim()) return null;
      const level = isRecord(node.attrs) && node.attrs.level === 3 ? 3 : 2;
      const dir = blockDir(node.attrs, text);
      return level === 3 ? <h3 dir={dir}>{renderInline(node.content)}</h3> : <h2 dir={dir}>{renderInline(node.content)}</h2>;
    }
    case 'blockquote': {
      const children = renderBlocks(node.content, images).filter(Boolean);
      return children.length ? <blockquote>{children}</blockquote> : null;
    }
    case 'bulletList':
    case 'orderedList': {
      const items = Array.isArray(node.content) ? node.content.map((item) => renderListItem(item, images)).filter(Boolean) : [];
      if (!items.length) return null;
      return node.type === 'bulletList' ? <ul>{items}</ul> : <ol>{items}</ol>;
    }
    case 'image':
      return renderImage(node.attrs, images);
    default:
      return null;
  }
}

function renderListItem(node: unknown, images: ReadonlyMap<number, ImageView> | undefined): ComponentChildren {
  if (!isRecord(node) || node.type !== 'listItem') return null;
  const children = renderBlocks(node.content, images).filter(Boolean);
  return children.length ? <li>{children}</li> : null;
}

/**
 * An image node as a figure. The article's own alt text, caption and credit win; the library's fill
 * in what the node leaves empty. An image deleted or never in the library is left out.
 */
function renderImage(attrs: unknown, images: ReadonlyMap<number, ImageView> | undefined): ComponentChildren {
  if (!isRecord(attrs) || typeof attrs.mediaId !== 'number') return null;
  const image = images?.get(attrs.mediaId);
  if (!image) return null;
  const own = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  return (
    <ImageFigure
      image={image}
      alt={own(attrs.alt) ?? image.alt}
      caption={own(attrs.caption) ?? image.caption}
      credit={own(attrs.credit) ?? image.credit}
    />
  );
}

/**
 * A paragraph's or heading's direction: an explicit one from the editor wins. Otherwise the block
 * inherits the page's RTL, and only one whose first letter is not right-to-left (a quote in English,
 * say) gets dir="auto", so the browser lays it out from its own first strong character.
 */
function blockDir(attrs: unknown, text: string): 'rtl' | 'ltr' | 'auto' | undefined {
  const dir = isRecord(attrs) ? attrs.dir : undefined;
  if (dir === 'rtl' || dir === 'ltr' || dir === 'auto') return dir;
  return needsAutoDir(text) ? 'auto' : undefined;
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

function needsAutoDir(text: string): boolean {
  const first = /\p{L}/u.exec(text);
  return first !== null && !RTL_LETTER.test(first[0]);
}

function plainText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content.map((n) => (isRecord(n) && n.type === 'text' && typeof n.text === 'string' ? n.text : '')).join('');
}

/** Inline runs; consecutive runs under the same link become one <a>, as one link for screen readers. */
function renderInline(content: unknown): ComponentChildren[] {
  if (!Array.isArray(content)) return [];
  const out: ComponentChildren[] = [];
  let linkHref: string | null = null;
  let linkRuns: ComponentChildren[] = [];
  const flushLink = () => {
    if (linkHref !== null && linkRuns.length) {
      out.push(
        <a href={linkHref} rel="noopener nofollow ugc">
          {linkRuns}
        </a>,
      );
    }
    linkHref = null;
    linkRuns = [];
  };
  for (const node of content) {
    if (!isRecord(node)) continue;
    if (node.type === 'hardBreak') {
      flushLink();
      out.push(<br />);
      continue;
    }
    if (node.type !== 'text' || typeof node.text !== 'string' || node.text === '') continue;
    const marks = Array.isArray(node.marks) ? node.marks.filter(isRecord) : [];
    let run: ComponentChildren = node.text;
    if (marks.some((m) => m.type === 'italic')) run = <em>{run}</em>;
    if (marks.some((m) => m.type === 'bold')) run = <strong>{run}</strong>;
    const linkMark = marks.find((m) => m.type === 'link');
    const href = linkMark && isRecord(linkMark.attrs) ? safeHref(linkMark.attrs.href) : null;
    if (href !== linkHref) flushLink();
    if (href !== null) {
      linkHref = href;
      linkRuns.push(run);
    } else {
      out.push(run);
    }
  }
  flushLink();
  return out;
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** Only absolute http(s) and mailto links survive; javascript:, data: and relative hrefs are dropped. */
function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (!/^(?:https?:\/\/|mailto:)/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

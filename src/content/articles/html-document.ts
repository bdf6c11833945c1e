import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '../../errors.ts';
import type { ArticleDocument } from './article-document.ts';
import { EDITOR_DOCUMENT_LIMITS, blockDirection, mediaIdOf, parseEditorDocument, safeHref, tooLong, type Json } from './editor-document.ts';

const BLOCK_TAGS_AS_PARAGRAPHS = ['div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'address', 'pre', 'dd', 'dt', 'tr', 'caption'];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'a', 'br', 'figure', 'img', 'figcaption'],
  allowedAttributes: { a: ['href'], p: ['dir'], h1: ['dir'], h2: ['dir'], h3: ['dir'], h4: ['dir'], h5: ['dir'], h6: ['dir'], img: ['data-media-id', 'alt', 'data-credit'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Dropped with everything inside: code, styles, and content that is not the article's text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'select', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'template', 'title', 'head', 'svg', 'math', 'button'],
  // Deeper markup keeps its text but not its tags.
  nestingLimit: 48,
  transformTags: Object.fromEntries(BLOCK_TAGS_AS_PARAGRAPHS.map((tag) => [tag, 'p'])),
  parser: { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
};

type Container =
  | { kind: 'root'; blocks: Json[] }
  | { kind: 'blockquote'; blocks: Json[] }
  | { kind: 'list'; type: 'bulletList' | 'orderedList'; items: Json[] }
  | { kind: 'item'; blocks: Json[] };

/** Builds editor JSON from HTML that sanitize-html has cleaned; parseEditorDocument then checks it like any other. */
function documentFromCleanHtml(html: string): Json {
  const root: Container = { kind: 'root', blocks: [] };
  const stack: Container[] = [root];
  let textblock: { node: Json; content: Json[] } | null = null;
  let bold = 0;
  let italic = 0;
  const links: (string | null)[] = [];
  let figure: { mediaId: number | null; alt: string; credit: string | null; caption: string } | null = null;

  const top = () => stack[stack.length - 1]!;
  const addBlock = (block: Json) => {
    const container = top();
    if (container.kind === 'list') container.items.push({ type: 'listItem', content: [block] });
    else container.blocks.push(block);
  };
  const closeTextblock = () => {
    if (!textblock) return;
    const last = textblock.content.at(-1);
    if (last && typeof last.text === 'string') last.text = last.text.replace(/ +$/, '');
    const content = textblock.content.filter((n) => n.type !== 'text' || n.text !== '');
    // Pasted HTML is full of empty paragraphs used as spacing; they carry nothing.
    if (content.some((n) => n.type === 'text')) addBlock({ ...textblock.node, content });
    textblock = null;
  };
  const openTextblock = (node: Json) => {
    closeTextblock();
    textblock = { node, content: [] };
  };
  const open = (container: Container) => {
    closeTextblock();
    if (container.kind === 'item' && top().kind !== 'list') open({ kind: 'list', type: 'bulletList', items: [] });
    stack.push(container);
  };
  const close = (kind: Container['kind']) => {
    closeTextblock();
    if (!stack.some((c) => c.kind === kind && c !== root)) return;
    for (;;) {
      const container = stack.pop()!;
      if (container.kind === 'blockquote') addBlock({ type: 'blockquote', content: container.blocks });
      else if (container.kind === 'list') addBlock({ type: container.type, content: container.items });
      else if (container.kind === 'item') {
        const parent = top();
        if (parent.kind === 'list') parent.items.push({ type: 'listItem', content: container.blocks });
      }
      if (container.kind === kind) return;
    }
  };
  const marks = (): Json[] => {
    const out: Json[] = [];
    if (bold > 0) out.push({ type: 'bold' });
    if (italic > 0) out.push({ type: 'italic' });
    const href = links.findLast((l) => l !== null);
    if (href) out.push({ type: 'link', attrs: { href } });
    return out;
  };
  const addImage = (mediaId: number, alt: string, caption: string | null, credit: string | null) => {
    closeTextblock();
    addBlock({ type: 'image', attrs: { mediaId, alt, caption, credit } });
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        switch (name) {
          case 'p': {
            const dir = blockDirection(attribs.dir?.toLowerCase());
            openTextblock(dir ? { type: 'paragraph', attrs: { dir } } : { type: 'paragraph' });
            break;
          }
          case 'h1':
          case 'h2':
          case 'h3':
          case 'h4':
          case 'h5':
          case 'h6': {
            const dir = blockDirection(attribs.dir?.toLowerCase());
            const level = name === 'h1' || name === 'h2' ? 2 : 3;
            openTextblock({ type: 'heading', attrs: dir ? { level, dir } : { level } });
            break;
          }
          case 'blockquote':
            open({ kind: 'blockquote', blocks: [] });
            break;
          case 'ul':
          case 'ol':
            open({ kind: 'list', type: name === 'ul' ? 'bulletList' : 'orderedList', items: [] });
            break;
          case 'li':
            open({ kind: 'item', blocks: [] });
            break;
          case 'strong':
          case 'b':
            bold += 1;
            break;
          case 'em':
          case 'i':
            italic += 1;
            break;
          case 'a':
            links.push(safeHref(attribs.href));
            break;
          case 'br':
            textblock?.content.push({ type: 'hardBreak' });
            break;
          case 'figure':
            closeTextblock();
            figure = { mediaId: null, alt: '', credit: attribs['data-credit'] ?? null, caption: '' };
            break;
          case 'img': {
            const mediaId = mediaIdOf(attribs['data-media-id']);
            if (mediaId === null) break;
            if (figure) {
              figure.mediaId = mediaId;
              figure.alt = attribs.alt ?? '';
              figure.credit = attribs['data-credit'] ?? figure.credit;
            } else {
              addImage(mediaId, attribs.alt ?? '', null, attribs['data-credit'] ?? null);
            }
            break;
          }
        }
      },
      ontext(raw) {
        if (figure) {
          figure.caption += raw;
          return;
        }
        let text = raw.replace(/[ \t\n\f\r]+/g, ' ');
        if (!textblock) {
          if (text.trim() === '') return;
          textblock = { node: { type: 'paragraph' }, content: [] };
        }
        const last = textblock.content.at(-1);
        const atLineStart = !last || last.type === 'hardBreak' || (typeof last.text === 'string' && last.text.endsWith(' '));
        if (atLineStart) text = text.replace(/^ /, '');
        if (text === '') return;
        const nodeMarks = marks();
        const node: Json = { type: 'text', text };
        if (nodeMarks.length > 0) node.marks = nodeMarks;
        textblock.content.push(node);
      },
      onclosetag(name) {
        switch (name) {
          case 'p':
          case 'h1':
          case 'h2':
          case 'h3':
          case 'h4':
          case 'h5':
          case 'h6':
            closeTextblock();
            break;
          case 'blockquote':
            close('blockquote');
            break;
          case 'ul':
          case 'ol':
            close('list');
            break;
          case 'li':
            close('item');
            break;
          case 'strong':
          case 'b':
            bold = Math.max(0, bold - 1);
            break;
          case 'em':
          case 'i':
            italic = Math.max(0, italic - 1);
            break;
          case 'a':
            links.pop();
            break;
          case 'figure': {
            const done: { mediaId: number | null; alt: string; credit: string | null; caption: string } | null = figure;
            figure = null;
            if (done?.mediaId != null) addImage(done.mediaId, done.alt, done.caption, done.credit);
            // A figure of something outside the media library keeps its caption as text.
            else if (done && done.caption.trim() !== '') addBlock({ type: 'paragraph', content: [{ type: 'text', text: done.caption }] });
            break;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length > 1) close(top().kind);
  closeTextblock();
  return { type: 'doc', content: root.blocks };
}

/**
 * A body from HTML (the API, a paste, a WordPress import): sanitize-html with an explicit allowlist
 * first, then the structure read with htmlparser2, then the same allowlist as editor JSON. Scripts,
 * styles, embeds and event handlers disappear; text inside unknown tags stays as text.
 */
export function documentFromHtml(html: string): ArticleDocument {
  if (html.length > EDITOR_DOCUMENT_LIMITS.htmlChars) throw tooLong();
  let tags = 0;
  // Comments are text to the parser, whatever they look like inside.
  for (const _ of html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').matchAll(/<[a-zA-Z]/g)) {
    if (++tags > EDITOR_DOCUMENT_LIMITS.htmlTags) {
      throw new AppError('VALIDATION_FAILED', { fields: { body: 'النص الملصق يحوي تنسيقاً أكثر من المسموح؛ الصقه نصاً بلا تنسيق.' } });
    }
  }
  return parseEditorDocument(documentFromCleanHtml(sanitizeHtml(html, SANITIZE_OPTIONS)));
}

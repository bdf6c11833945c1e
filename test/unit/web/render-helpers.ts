import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a JSX element to its HTML string. */
export function html(node: VNode): string {
  return renderToString(node);
}

/** The markup between the opening tag that starts with `open` and its matching close tag. */
export function inner(markup: string, open: string, tag: string): string {
  const start = markup.indexOf(open);
  if (start === -1) throw new Error(`not found: ${open}`);
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}(?=[\\s>/])`, 'g');
  re.lastIndex = start;
  for (let m = re.exec(markup); m; m = re.exec(markup)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return markup.slice(markup.indexOf('>', start) + 1, m.index);
  }
  throw new Error(`unclosed: ${open}`);
}

/** How many times `pattern` occurs in `text`. */
export function count(text: string, pattern: RegExp | string): number {
  if (typeof pattern === 'string') return text.split(pattern).length - 1;
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))].length;
}

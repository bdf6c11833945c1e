import { Extension, type JSONContent } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { paragraphDirection, type ParagraphDirection as Direction } from './text-direction.ts';

/** The blocks that carry a direction of their own (quoted and listed text is made of paragraphs). */
const TEXT_BLOCKS = ['paragraph', 'heading'];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    paragraphDirection: {
      /** Sets the direction of the paragraphs and headings in the selection by hand (the toolbar's toggle). */
      setParagraphDirection: (dir: Direction) => ReturnType;
    };
  }
}

/**
 * Every paragraph and heading carries `dir`, kept equal to paragraphDirection(its text) as the text
 * changes, so an empty one starts right to left and one that is all English turns left to right by
 * itself. A direction set by hand is kept (`dirFixed`, which is never stored: a stored direction that
 * disagrees with the text is read back as set by hand). The stored `dir` is what the reader's page uses.
 */
export const ParagraphDirectionExtension = Extension.create({
  name: 'paragraphDirection',

  addGlobalAttributes() {
    return [
      {
        types: TEXT_BLOCKS,
        attributes: {
          dir: {
            default: 'rtl',
            keepOnSplit: false,
            // Pasted HTML brings directions from its own page; the text decides here.
            parseHTML: () => null,
            renderHTML: (attrs) => ({ dir: attrs.dir === 'ltr' ? 'ltr' : 'rtl' }),
          },
          dirFixed: { default: false, keepOnSplit: false, rendered: false, parseHTML: () => null },
        },
      },
    ];
  },

  addCommands() {
    return {
      setParagraphDirection:
        (dir) =>
        ({ tr, state, dispatch }) => {
          const { from, to } = state.selection;
          let found = false;
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (!TEXT_BLOCKS.includes(node.type.name)) return true;
            found = true;
            if (dispatch) {
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir, dirFixed: dir !== paragraphDirection(node.textContent) });
            }
            return false;
          });
          return found;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('midadParagraphDirection'),
        appendTransaction: (transactions, _oldState, state) => {
          if (!transactions.some((transaction) => transaction.docChanged)) return null;
          let tr: typeof state.tr | null = null;
          state.doc.descendants((node, pos) => {
            if (!TEXT_BLOCKS.includes(node.type.name)) return !node.isTextblock;
            if (node.attrs.dirFixed) return false;
            const wanted = paragraphDirection(node.textContent);
            if (node.attrs.dir !== wanted) {
              tr ??= state.tr;
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, dir: wanted });
            }
            return false;
          });
          return tr;
        },
      }),
    ];
  },
});

/**
 * A stored document made ready for the editor: every paragraph and heading gets the direction its
 * text calls for, unless the stored one disagrees, which means an editor set it by hand.
 */
export function withDirections(doc: JSONContent): JSONContent {
  const visit = (node: JSONContent): JSONContent => {
    if (node.type && TEXT_BLOCKS.includes(node.type)) {
      const wanted = paragraphDirection(textOf(node));
      const stored = node.attrs?.dir;
      const fixed = (stored === 'rtl' || stored === 'ltr') && stored !== wanted;
      return { ...node, attrs: { ...node.attrs, dir: fixed ? stored : wanted, dirFixed: fixed } };
    }
    return node.content ? { ...node, content: node.content.map(visit) } : node;
  };
  return visit(doc);
}

function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

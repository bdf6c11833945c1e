import { mergeAttributes, Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';

/** The attributes of an image block, exactly as the stored document keeps them. */
export interface ImageAttrs {
  mediaId: number;
  alt: string;
  caption: string | null;
  credit: string | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    midadImage: {
      /** Inserts an image block from the media library at the selection. */
      insertMediaImage: (attrs: ImageAttrs) => ReturnType;
      /** Changes the alt text, caption or credit of the selected image block. */
      updateMediaImage: (attrs: Partial<ImageAttrs>) => ReturnType;
    };
  }
}

/** Editor-side size of a picture: the 640 px WebP variant every upload has. */
export function mediaPreviewUrl(mediaId: number, width = 640): string {
  return `/media/${mediaId}/${width}.webp`;
}

/**
 * The `image` block: a picture from the media library with its alt text, caption and credit. Only
 * figures this editor wrote (data-media-id) are read back from HTML, so an <img> pasted from another
 * site never enters the article with a foreign address.
 */
export const MediaImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (element) => {
          const id = Number(element.getAttribute('data-media-id'));
          return Number.isInteger(id) && id > 0 ? id : null;
        },
        renderHTML: (attrs) => ({ 'data-media-id': String(attrs.mediaId) }),
      },
      alt: {
        default: '',
        parseHTML: (element) => element.querySelector('img')?.getAttribute('alt') ?? '',
        renderHTML: () => ({}),
      },
      caption: {
        default: null,
        parseHTML: (element) => element.querySelector('.figure-caption')?.textContent || null,
        renderHTML: () => ({}),
      },
      credit: {
        default: null,
        parseHTML: (element) => element.querySelector('.figure-credit')?.textContent || null,
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as ImageAttrs;
    const caption: DOMOutputSpec[] = [];
    if (attrs.caption) caption.push(['span', { class: 'figure-caption' }, attrs.caption]);
    if (attrs.credit) caption.push(['span', { class: 'figure-credit' }, attrs.credit]);
    const img: DOMOutputSpec = ['img', { src: mediaPreviewUrl(attrs.mediaId), alt: attrs.alt, loading: 'lazy', width: '640' }];
    return caption.length
      ? ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-figure' }), img, ['figcaption', {}, ...caption]]
      : ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-figure' }), img];
  },

  addCommands() {
    return {
      insertMediaImage:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
      updateMediaImage:
        (attrs) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, attrs),
    };
  },
});

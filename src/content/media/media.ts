import type { MediaFormat, MediaVariantFormat } from '../../db/database.ts';

export type { MediaFormat, MediaVariantFormat };

/** An image of the media library as the services hand it out. */
export interface MediaItem {
  id: number;
  /** sha-256 (hex) of the uploaded bytes. */
  sha256: string;
  /** Dimensions after the EXIF orientation was applied: what readers see. */
  width: number;
  height: number;
  /** The uploaded file's format, detected from its content. */
  format: MediaFormat;
  /** Size of the uploaded file. */
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  uploadedBy: number | null;
  createdAt: Date;
  /** Widths of the stored variants, ascending; each exists in every variant format. */
  widths: number[];
}

/** What an upload brings besides the file. */
export interface MediaTextInput {
  alt: string;
  caption?: string | null;
  credit?: string | null;
}

/** One encoded variant, ready to send. */
export interface MediaVariant {
  mediaId: number;
  width: number;
  height: number;
  format: MediaVariantFormat;
  data: Buffer;
  /** sha-256 of the uploaded file: variants never change, so it makes a stable ETag. */
  sha256: string;
}

/** Limits of the media library, enforced by the service whoever calls it. */
export const MEDIA_LIMITS = {
  /** 20 MiB, what the newsroom is told ("20 ميغابايت"). */
  maxBytes: 20 * 1024 * 1024,
  /**
   * Decoded pixels allowed (50 megapixels, about 200 MB of RGBA): above every camera a newsroom
   * uses, below what lets a small compressed file exhaust memory (a decompression bomb).
   */
  maxPixels: 50_000_000,
  altMax: 300,
  captionMax: 1000,
  creditMax: 200,
  /** Library pages. */
  pageSize: 24,
  pageSizeMax: 100,
  queryMax: 100,
} as const;

/** Widths pages ask for; no variant is wider than the image itself (never upscaled). */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;

/** Formats every variant is stored in: AVIF first for browsers that take it, WebP for every other. */
export const VARIANT_FORMATS: readonly MediaVariantFormat[] = ['avif', 'webp'];

/**
 * The widths stored for an image `width` pixels wide: every standard width narrower than the image,
 * plus the image's own width when it is narrower than the largest (so a 1200 px photo keeps its
 * full detail and a 200 px logo gets one 200 px variant).
 */
export function variantWidthsFor(width: number): number[] {
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < width);
  widths.push(Math.min(width, largest));
  return [...new Set(widths)].sort((a, b) => a - b);
}

/** The public URL path of one variant, e.g. "/media/12/640.webp". */
export function mediaVariantPath(id: number, width: number, format: MediaVariantFormat): string {
  return `/media/${id}/${width}.${format}`;
}

/** The MIME type each variant format is served with. */
export const VARIANT_CONTENT_TYPES: Record<MediaVariantFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
};

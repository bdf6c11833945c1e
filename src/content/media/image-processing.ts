import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { AppError } from '../../errors.ts';
import { MEDIA_LIMITS, VARIANT_FORMATS, variantWidthsFor, type MediaFormat, type MediaVariantFormat } from './media.ts';

/** An uploaded image, checked, oriented, stripped of metadata and encoded at every variant size. */
export interface ProcessedImage {
  sha256: string;
  format: MediaFormat;
  /** After the EXIF orientation. */
  width: number;
  height: number;
  bytes: number;
  variants: EncodedVariant[];
}

export interface EncodedVariant {
  width: number;
  height: number;
  format: MediaVariantFormat;
  data: Buffer;
}

export interface ImageProcessor {
  /** sha-256 (hex) of a file, cheap enough to look for an earlier upload before any decoding. */
  hash(bytes: Buffer): string;
  /**
   * Checks and encodes an upload. Throws MEDIA_TOO_LARGE, MEDIA_TYPE_UNSUPPORTED (not a JPEG, PNG,
   * WebP or AVIF by its content) or MEDIA_INVALID (damaged, truncated, too many pixels).
   */
  process(bytes: Buffer): Promise<ProcessedImage>;
}

export interface ImageProcessorOptions {
  /** Images processed at once; more wait their turn. */
  maxConcurrentJobs?: number;
  /** libvips threads per image (sharp.concurrency). */
  threadsPerJob?: number;
}

/** WebP and AVIF settings: photos look right at these, and AVIF's encoder stays within seconds. */
const ENCODE = {
  webp: { quality: 78, effort: 4 },
  // AVIF's default effort (4) takes ~30 s for a 1600 px noisy photo on one core; 2 is ~5x faster for a few % more bytes.
  avif: { quality: 50, effort: 2 },
} as const;

/** A stuck encoder must not hold a worker forever. */
const ENCODE_TIMEOUT_SECONDS = 120;

/** WebP cannot hold a side longer than this; a longer variant could not be encoded. */
const MAX_VARIANT_SIDE = 16_383;

/**
 * The image processor of one process. Encoding is CPU-bound and runs on libuv's thread pool; on a
 * two-core server one image at a time with one libvips thread leaves the other core to serve pages,
 * so uploads queue instead of slowing every reader. These are process-wide libvips settings.
 */
export function createImageProcessor(options: ImageProcessorOptions = {}): ImageProcessor {
  const maxJobs = Math.max(1, options.maxConcurrentJobs ?? 1);
  sharp.concurrency(Math.max(1, options.threadsPerJob ?? 1));
  // libvips' operation cache helps repeated work on the same input; every upload is new input.
  sharp.cache(false);
  const queue = createJobQueue(maxJobs);
  return {
    hash: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    process: (bytes) => queue.run(() => processImage(bytes)),
  };
}

async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length > MEDIA_LIMITS.maxBytes) throw new AppError('MEDIA_TOO_LARGE', { details: `${bytes.length} bytes` });
  if (bytes.length === 0) throw new AppError('MEDIA_INVALID', { details: 'empty file' });
  const format = sniffFormat(bytes);
  if (!format) throw new AppError('MEDIA_TYPE_UNSUPPORTED', { details: `starts with ${bytes.subarray(0, 12).toString('hex')}` });

  // failOn 'error' refuses truncated and undecodable data; 'warning' would also refuse the harmless
  // quirks many cameras and phone apps write (extra bytes after a marker), which newsrooms do upload.
  const input = { limitInputPixels: MEDIA_LIMITS.maxPixels, failOn: 'error', autoOrient: true } as const;
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, input).metadata();
  } catch (cause) {
    throw new AppError('MEDIA_INVALID', { details: 'unreadable header', cause });
  }
  // The decoder must agree with the signature: an HEIC file carries an ISO-BMFF box like AVIF does.
  const decoded = metadata.format === 'heif' ? (metadata.compression === 'av1' ? 'avif' : undefined) : metadata.format;
  if (decoded !== format) throw new AppError('MEDIA_TYPE_UNSUPPORTED', { details: `signature ${format}, decoder ${metadata.format}/${metadata.compression}` });
  const storedWidth = metadata.width;
  const storedHeight = metadata.height;
  if (!storedWidth || !storedHeight) throw new AppError('MEDIA_INVALID', { details: 'no dimensions' });
  if (storedWidth * storedHeight > MEDIA_LIMITS.maxPixels) {
    throw new AppError('MEDIA_INVALID', { details: `${storedWidth}x${storedHeight} exceeds the pixel limit` });
  }
  // EXIF orientations 5-8 turn the picture a quarter: readers see it with width and height swapped.
  const quarterTurn = (metadata.orientation ?? 1) >= 5;
  const width = quarterTurn ? storedHeight : storedWidth;
  const height = quarterTurn ? storedWidth : storedHeight;
  const widths = variantWidthsFor(width);
  if (Math.round((height * widths[widths.length - 1]!) / width) > MAX_VARIANT_SIDE) {
    throw new AppError('MEDIA_INVALID', { details: `${width}x${height} is too long to encode` });
  }

  // Decode once, oriented and at the largest variant size; every variant is made from these pixels.
  // Raw pixels carry no metadata at all, so nothing from the upload (EXIF, GPS, XMP, ICC) reaches a variant.
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    pixels = await sharp(bytes, input)
      .resize({ width: widths[widths.length - 1], withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .timeout({ seconds: ENCODE_TIMEOUT_SECONDS })
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw new AppError('MEDIA_INVALID', { details: 'could not decode', cause });
  }

  const raw = { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels };
  const variants: EncodedVariant[] = [];
  try {
    for (const variantWidth of widths) {
      for (const variantFormat of VARIANT_FORMATS) {
        const pipeline = sharp(pixels.data, { raw }).resize({ width: variantWidth, withoutEnlargement: true }).timeout({ seconds: ENCODE_TIMEOUT_SECONDS });
        const encoded = variantFormat === 'avif' ? pipeline.avif(ENCODE.avif) : pipeline.webp(ENCODE.webp);
        const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
        variants.push({ width: info.width, height: info.height, format: variantFormat, data });
      }
    }
  } catch (cause) {
    throw new AppError('MEDIA_INVALID', { details: 'could not encode', cause });
  }
  return { sha256: createHash('sha256').update(bytes).digest('hex'), format, width, height, bytes: bytes.length, variants };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * The format by the file's first bytes, or undefined for anything else (GIF, SVG, HTML, scripts,
 * HEIC). The file name and the declared Content-Type are never consulted.
 */
export function sniffFormat(bytes: Buffer): MediaFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  // ISO-BMFF: a leading 'ftyp' box whose major or compatible brands name AVIF.
  if (bytes.length >= 16 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 4096);
    if (AVIF_BRANDS.has(bytes.toString('latin1', 8, 12))) return 'avif';
    for (let offset = 16; offset + 4 <= boxSize; offset += 4) {
      if (AVIF_BRANDS.has(bytes.toString('latin1', offset, offset + 4))) return 'avif';
    }
  }
  return undefined;
}

/** Runs at most `limit` jobs at once, the rest in arrival order. */
function createJobQueue(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      // A finishing job hands its slot straight to the next in line, so none can jump the queue.
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else running += 1;
      try {
        return await job();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running -= 1;
      }
    },
  };
}

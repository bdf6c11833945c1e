import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { createImageProcessor, sniffFormat } from '../../../src/content/media/image-processing.ts';
import { MEDIA_LIMITS, variantWidthsFor } from '../../../src/content/media/media.ts';
import { isAppError, type ErrorCode } from '../../../src/errors.ts';
import {
  avifImage,
  declaredBombPng,
  exifHasGps,
  gifImage,
  HTML_PAGE,
  onePixelPng,
  plainJpeg,
  realBombPng,
  SHELL_SCRIPT,
  sidewaysJpegWithGps,
  SVG_WITH_SCRIPT,
  translucentPng,
  truncatedJpeg,
  webpImage,
} from '../../helpers/media-fixtures.ts';

const processor = createImageProcessor();

async function refusedWith(bytes: Buffer, code: ErrorCode): Promise<void> {
  await assert.rejects(processor.process(bytes), (error: unknown) => {
    assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.arabicMessage, /[\u0600-\u06ff]/);
    return true;
  });
}

test('variant widths: the standard widths narrower than the image, then the image itself up to 1600', () => {
  assert.deepEqual(variantWidthsFor(1), [1]);
  assert.deepEqual(variantWidthsFor(200), [200]);
  assert.deepEqual(variantWidthsFor(320), [320]);
  assert.deepEqual(variantWidthsFor(321), [320, 321]);
  assert.deepEqual(variantWidthsFor(1200), [320, 640, 1024, 1200]);
  assert.deepEqual(variantWidthsFor(1600), [320, 640, 1024, 1600]);
  assert.deepEqual(variantWidthsFor(6000), [320, 640, 1024, 1600]);
});

test('formats are recognised by their first bytes, whatever the file claims to be', async () => {
  assert.equal(sniffFormat(await plainJpeg(4, 4)), 'jpeg');
  assert.equal(sniffFormat(await translucentPng(4, 4)), 'png');
  assert.equal(sniffFormat(await webpImage(4, 4)), 'webp');
  assert.equal(sniffFormat(await avifImage(4, 4)), 'avif');
  for (const other of [await gifImage(), SHELL_SCRIPT, SVG_WITH_SCRIPT, HTML_PAGE, Buffer.alloc(0), Buffer.from([0xff, 0xd8])]) {
    assert.equal(sniffFormat(other), undefined);
  }
  // An HEIC photo is an ISO-BMFF file too, but not AVIF.
  const heicHeader = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
  assert.equal(sniffFormat(heicHeader), undefined);
});

test('a sideways phone photo is turned upright and loses every byte of metadata (GPS, camera, orientation)', async () => {
  const original = await sidewaysJpegWithGps(400, 240);
  const before = await sharp(original).metadata();
  assert.equal(before.orientation, 6);
  assert.ok(exifHasGps(before.exif), 'the fixture carries a GPS position');

  const image = await processor.process(original);
  assert.equal(image.format, 'jpeg');
  // Upright it is 240 wide and 400 tall.
  assert.equal(image.width, 240);
  assert.equal(image.height, 400);
  assert.deepEqual(
    image.variants.map((v) => `${v.width}x${v.height}.${v.format}`),
    ['240x400.avif', '240x400.webp'],
  );
  for (const variant of image.variants) {
    const meta = await sharp(variant.data).metadata();
    assert.equal(meta.format, variant.format === 'avif' ? 'heif' : 'webp');
    assert.equal(meta.exif, undefined, `${variant.format} has no EXIF`);
    assert.equal(meta.xmp, undefined, `${variant.format} has no XMP`);
    assert.equal(meta.iptc, undefined, `${variant.format} has no IPTC`);
    assert.ok(meta.orientation === undefined || meta.orientation === 1, `no orientation left: ${meta.orientation}`);
    assert.equal(meta.width, 240);
    assert.equal(meta.height, 400);
    // Red was on the left of the stored picture: a quarter turn clockwise puts it on top.
    const { data, info } = await sharp(variant.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3);
    const top = pixel(120, 40);
    const bottom = pixel(120, 360);
    assert.ok(top[0]! > 150 && top[2]! < 100, `top is red: ${[...top].join(',')}`);
    assert.ok(bottom[2]! > 150 && bottom[0]! < 100, `bottom is blue: ${[...bottom].join(',')}`);
  }
  assert.equal(image.sha256, processor.hash(original));
  assert.equal(image.bytes, original.length);
});

test('a wide image gets 320, 640, 1024 and 1600 px variants and nothing wider, with heights in proportion', async () => {
  const image = await processor.process(await plainJpeg(1700, 34, 1));
  assert.deepEqual(
    image.variants.map((v) => `${v.width}x${v.height}.${v.format}`),
    ['320x6.avif', '320x6.webp', '640x13.avif', '640x13.webp', '1024x20.avif', '1024x20.webp', '1600x32.avif', '1600x32.webp'],
  );
});

test('PNG with alpha, WebP, AVIF and a one-pixel image are accepted; transparency survives', async () => {
  const png = await processor.process(await translucentPng(60, 40));
  assert.equal(png.format, 'png');
  assert.deepEqual(png.variants.map((v) => v.width), [60, 60]);
  for (const variant of png.variants) assert.equal((await sharp(variant.data).metadata()).hasAlpha, true);

  const webp = await processor.process(await webpImage(360, 200));
  assert.equal(webp.format, 'webp');
  assert.deepEqual([...new Set(webp.variants.map((v) => v.width))], [320, 360]);

  const avif = await processor.process(await avifImage(30, 20));
  assert.equal(avif.format, 'avif');
  assert.deepEqual(avif.variants.map((v) => `${v.width}x${v.height}`), ['30x20', '30x20']);

  const dot = await processor.process(await onePixelPng());
  assert.deepEqual(dot.variants.map((v) => `${v.width}x${v.height}.${v.format}`), ['1x1.avif', '1x1.webp']);
});

test('a GIF, an SVG, an HTML page and a shell script are refused as unsupported types', async () => {
  for (const bytes of [await gifImage(), SVG_WITH_SCRIPT, HTML_PAGE, SHELL_SCRIPT]) await refusedWith(bytes, 'MEDIA_TYPE_UNSUPPORTED');
});

test('a truncated JPEG, an empty file and a JPEG signature followed by garbage are refused as invalid', async () => {
  await refusedWith(await truncatedJpeg(), 'MEDIA_INVALID');
  await refusedWith(Buffer.alloc(0), 'MEDIA_INVALID');
  await refusedWith(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 0x41)]), 'MEDIA_INVALID');
});

test('decompression bombs are refused before their pixels are decoded', async () => {
  const declared = declaredBombPng();
  assert.ok(declared.length < 200_000, `the declared bomb is small (${declared.length} bytes)`);
  const started = performance.now();
  await refusedWith(declared, 'MEDIA_INVALID');
  // 900 megapixels would take far longer (and gigabytes) to decode.
  assert.ok(performance.now() - started < 2_000, 'refused from the header, not after decoding');
  // A real, valid 64-megapixel PNG of one colour: under 300 KB on disk, 64 MB of grey decoded (256 MB as RGBA).
  const real = await realBombPng();
  assert.ok(real.length < 1_000_000, `the real bomb is small on disk (${real.length} bytes)`);
  await refusedWith(real, 'MEDIA_INVALID');
});

test('a file over 20 MB is refused as too large, whatever it holds', async () => {
  const big = Buffer.alloc(MEDIA_LIMITS.maxBytes + 1);
  (await plainJpeg(16, 16)).copy(big);
  await refusedWith(big, 'MEDIA_TOO_LARGE');
});

test('uploads are processed one at a time (the other core keeps serving pages)', async () => {
  const inputs = await Promise.all([1, 2, 3].map((seed) => plainJpeg(700, 20, seed)));
  let active = 0;
  let peak = 0;
  await Promise.all(
    inputs.map(async (bytes) => {
      const poll = setInterval(() => {
        active = sharp.counters().process;
        peak = Math.max(peak, active);
      }, 1);
      try {
        await processor.process(bytes);
      } finally {
        clearInterval(poll);
      }
    }),
  );
  assert.ok(peak <= 1, `at most one libvips operation at a time, saw ${peak}`);
  assert.equal(sharp.concurrency(), 1);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleDocument } from '../../../src/content/articles/article-document.ts';
import type { MediaItem } from '../../../src/content/media/media.ts';
import { ArticleBody } from '../../../src/web/components/article-body.tsx';
import { ImageFigure, ResponsiveImage } from '../../../src/web/components/responsive-image.tsx';
import { imageView } from '../../../src/web/reader/reader-data.ts';
import { ArticlePage } from '../../../src/web/reader/views/article-page.tsx';
import { count, html } from '../web/render-helpers.ts';
import { makeArticle, makeSite } from '../web/view-fixtures.ts';

function mediaItem(overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    id: 7,
    sha256: 'a'.repeat(64),
    width: 1200,
    height: 800,
    format: 'jpeg',
    bytes: 345_678,
    alt: 'نص المكتبة البديل',
    caption: 'تعليق المكتبة',
    credit: 'Reuters',
    uploadedBy: 1,
    createdAt: new Date('2026-11-29T12:00:00Z'),
    widths: [320, 640, 1024, 1200],
    ...overrides,
  };
}

test('an image view lists every stored width in both formats and picks the fallback and share sizes', () => {
  const view = imageView(mediaItem());
  assert.equal(view.avifSrcset, '/media/7/320.avif 320w, /media/7/640.avif 640w, /media/7/1024.avif 1024w, /media/7/1200.avif 1200w');
  assert.equal(view.webpSrcset, '/media/7/320.webp 320w, /media/7/640.webp 640w, /media/7/1024.webp 1024w, /media/7/1200.webp 1200w');
  assert.equal(view.src, '/media/7/1024.webp');
  assert.deepEqual([view.shareSrc, view.shareWidth, view.shareHeight], ['/media/7/1024.webp', 1024, 683]);
  assert.deepEqual([view.width, view.height], [1200, 800]);
  // A small picture is its own fallback and share image.
  const small = imageView(mediaItem({ width: 200, height: 100, widths: [200] }));
  assert.equal(small.src, '/media/7/200.webp');
  assert.equal(small.webpSrcset, '/media/7/200.webp 200w');
  assert.deepEqual([small.shareWidth, small.shareHeight], [200, 100]);
});

test('<picture> offers AVIF then WebP with srcset and sizes; the img has width, height, alt and loads lazily', () => {
  const out = html(<ResponsiveImage image={imageView(mediaItem())} alt="وصف" sizes="100vw" />);
  assert.equal(
    out,
    '<picture><source type="image/avif" srcset="/media/7/320.avif 320w, /media/7/640.avif 640w, /media/7/1024.avif 1024w, /media/7/1200.avif 1200w" sizes="100vw"/>' +
      '<img src="/media/7/1024.webp" srcset="/media/7/320.webp 320w, /media/7/640.webp 640w, /media/7/1024.webp 1024w, /media/7/1200.webp 1200w" sizes="100vw" width="1200" height="800" alt="وصف" decoding="async" loading="lazy"/></picture>',
  );
});

test('the featured image is fetched first: eager with high priority, never lazy', () => {
  const out = html(<ResponsiveImage image={imageView(mediaItem())} alt="وصف" sizes="100vw" priority />);
  assert.match(out, /fetchpriority="high" loading="eager"/);
  assert.doesNotMatch(out, /lazy/);
});

test('a figure has a caption and a credit only when there are some; the credit is isolated for Latin names', () => {
  const image = imageView(mediaItem());
  const both = html(<ImageFigure image={image} alt="أ" caption="تعليق" credit="AFP" />);
  assert.match(both, /<figcaption><span class="image-caption">تعليق<\/span> <span class="image-credit">الصورة: <bdi>AFP<\/bdi><\/span><\/figcaption><\/figure>$/);
  const none = html(<ImageFigure image={image} alt="أ" caption={null} credit={null} />);
  assert.doesNotMatch(none, /figcaption/);
});

test('image nodes in a body: the node’s own texts win, the library fills in, unknown or malformed ids draw nothing', () => {
  const images = new Map([[7, imageView(mediaItem())]]);
  const doc = {
    type: 'doc',
    content: [
      { type: 'image', attrs: { mediaId: 7, alt: 'نص المقال البديل', caption: 'تعليق المقال', credit: null } },
      { type: 'image', attrs: { mediaId: 7, alt: '  ', caption: '', credit: '' } },
      { type: 'image', attrs: { mediaId: 99, alt: 'غير موجودة', caption: null, credit: null } },
      { type: 'image', attrs: { mediaId: '7', alt: 'رقم نصي', caption: null, credit: null } },
      { type: 'image', attrs: { mediaId: 7, alt: 'ب', src: 'https://evil.example/x.png', caption: null, credit: null } },
      { type: 'blockquote', content: [{ type: 'image', attrs: { mediaId: 7, alt: 'داخل اقتباس', caption: null, credit: null } }] },
      { type: 'image' },
    ],
  } as unknown as ArticleDocument;
  const out = html(<ArticleBody doc={doc} images={images} />);
  assert.equal(count(out, '<figure'), 4);
  assert.match(out, /alt="نص المقال البديل"[^>]*\/><\/picture><figcaption><span class="image-caption">تعليق المقال<\/span> <span class="image-credit">الصورة: <bdi>Reuters<\/bdi>/);
  assert.match(out, /alt="نص المكتبة البديل"[^>]*\/><\/picture><figcaption><span class="image-caption">تعليق المكتبة<\/span>/);
  assert.doesNotMatch(out, /غير موجودة|رقم نصي|evil\.example/);
  assert.match(out, /<blockquote><figure class="image-figure">/);
  // Without the library's data (a preview before it loads, say) nothing is drawn at all.
  assert.doesNotMatch(html(<ArticleBody doc={doc} />), /<figure|<img/);
});

test('hostile texts in an image node are escaped, in the alt attribute and in the caption', () => {
  const images = new Map([[7, imageView(mediaItem())]]);
  const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const doc = { type: 'doc', content: [{ type: 'image', attrs: { mediaId: 7, alt: hostile, caption: hostile, credit: hostile } }] } as unknown as ArticleDocument;
  const out = html(<ArticleBody doc={doc} images={images} />);
  assert.equal(count(out, '<img'), 1);
  assert.equal(count(out, '<script'), 0);
  assert.match(out, /alt="&quot;>&lt;script>alert\(1\)&lt;\/script>&lt;img src=x onerror=alert\(2\)>"/);
  assert.match(out, /<span class="image-caption">&quot;>&lt;script>/);
});

test('the article page draws the featured image above the body, and nothing when there is none', () => {
  const site = makeSite();
  const featuredImage = { ...imageView(mediaItem()), alt: 'النص البديل كما يريده المقال' };
  const withImage = html(<ArticlePage site={site} view={makeArticle({ featuredImage })} />);
  assert.match(withImage, /<\/header><figure class="image-figure featured-image"><picture>/);
  assert.match(withImage, /alt="النص البديل كما يريده المقال" decoding="async" fetchpriority="high" loading="eager"/);
  assert.ok(withImage.indexOf('featured-image') < withImage.indexOf('class="article-body"'), 'the featured image comes before the body');
  const without = html(<ArticlePage site={site} view={makeArticle()} />);
  assert.doesNotMatch(without, /<figure|<picture/);
});

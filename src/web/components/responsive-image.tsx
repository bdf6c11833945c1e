import type { ImageView } from '../view-models.ts';

/** How wide the article column is drawn (.article: 42rem, the full width below that). */
export const ARTICLE_IMAGE_SIZES = '(min-width: 44rem) 42rem, 100vw';

/**
 * A library image as `<picture>`: AVIF for browsers that take it, WebP otherwise, each with every
 * stored width in srcset so the browser picks the smallest that is sharp. width and height give
 * the box its shape before the file arrives (no layout shift). Images below the fold load lazily;
 * the featured image (`priority`) is fetched first, as it is the page's largest paint.
 */
export function ResponsiveImage({ image, alt, sizes, priority = false }: { image: ImageView; alt: string; sizes: string; priority?: boolean }) {
  return (
    <picture>
      <source type="image/avif" srcset={image.avifSrcset} sizes={sizes} />
      <img
        src={image.src}
        srcset={image.webpSrcset}
        sizes={sizes}
        width={image.width}
        height={image.height}
        alt={alt}
        decoding="async"
        {...(priority ? { fetchpriority: 'high', loading: 'eager' } : { loading: 'lazy' })}
      />
    </picture>
  );
}

/**
 * A figure: the picture, then the caption and the credit (each when present). The credit is
 * isolated (<bdi>) because agency and photographer names are often Latin inside Arabic text.
 */
export function ImageFigure({
  image,
  alt,
  caption,
  credit,
  priority = false,
  class: className,
}: {
  image: ImageView;
  alt: string;
  caption: string | null;
  credit: string | null;
  priority?: boolean;
  class?: string;
}) {
  return (
    <figure class={className ? `image-figure ${className}` : 'image-figure'}>
      <ResponsiveImage image={image} alt={alt} sizes={ARTICLE_IMAGE_SIZES} priority={priority} />
      {caption || credit ? (
        <figcaption>
          {caption ? <span class="image-caption">{caption}</span> : null}
          {caption && credit ? ' ' : null}
          {credit ? (
            <span class="image-credit">
              الصورة: <bdi>{credit}</bdi>
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

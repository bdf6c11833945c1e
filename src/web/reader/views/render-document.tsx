import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { BackToTop } from '../../components/back-to-top.tsx';
import { SiteFooter } from '../../components/site-footer.tsx';
import { SiteHeader } from '../../components/site-header.tsx';
import { absoluteUrl } from '../../components/site-href.ts';
import type { PageMeta, SiteView } from '../../view-models.ts';

/** Theme colours for the browser UI; they match --bg in styles.css. */
const THEME_LIGHT = '#fbfaf7';
const THEME_DARK = '#15171a';

/**
 * Renders a complete reader page: <head> with title, description, canonical, Open Graph and
 * Twitter tags, fonts, CSS and the deferred script; then the skip link, header, <main>, footer and
 * the back-to-top button around `content`. Returns the HTML with its doctype.
 */
export function renderDocument(meta: PageMeta, site: SiteView, content: VNode): string {
  return '<!doctype html>' + renderToString(<Document meta={meta} site={site}>{content}</Document>);
}

function Document({ meta, site, children }: { meta: PageMeta; site: SiteView; children: ComponentChildren }) {
  const canonical = absoluteUrl(site.url, meta.canonicalPath);
  const description = meta.description.trim();
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{meta.title}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="canonical" href={canonical} />
        {meta.noindex ? <meta name="robots" content="noindex, follow" /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content={THEME_LIGHT} />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content={THEME_DARK} />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:locale" content="ar_AR" />
        <meta property="og:type" content={meta.ogType} />
        <meta property="og:title" content={meta.title} />
        {description ? <meta property="og:description" content={description} /> : null}
        <meta property="og:url" content={canonical} />
        {meta.article ? <ArticleMeta article={meta.article} /> : null}
        {meta.image ? <ImageMeta image={meta.image} siteUrl={site.url} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {description ? <meta name="twitter:description" content={description} /> : null}
        {site.assets.fontPreload.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={site.assets.css} />
        {site.assets.icon ? <link rel="icon" href={site.assets.icon} type="image/svg+xml" /> : null}
        <script type="module" src={site.assets.js} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          انتقل إلى المحتوى
        </a>
        <SiteHeader site={site} currentPath={meta.canonicalPath} />
        <main id="main" class="wrap site-main" tabindex={-1}>
          {children}
        </main>
        <SiteFooter site={site} />
        <BackToTop />
      </body>
    </html>
  );
}

/** og:image with its size (so the share card is laid out before it loads) and alt text; twitter reads og:image. */
function ImageMeta({ image, siteUrl }: { image: NonNullable<PageMeta['image']>; siteUrl: string }) {
  return (
    <>
      <meta property="og:image" content={absoluteUrl(siteUrl, image.path)} />
      <meta property="og:image:type" content="image/webp" />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
      <meta name="twitter:image:alt" content={image.alt} />
    </>
  );
}

function ArticleMeta({ article }: { article: NonNullable<PageMeta['article']> }) {
  return (
    <>
      <meta property="article:published_time" content={article.publishedTime} />
      {article.modifiedTime ? <meta property="article:modified_time" content={article.modifiedTime} /> : null}
      <meta property="article:section" content={article.section} />
      {article.tags.map((tag) => (
        <meta key={tag} property="article:tag" content={tag} />
      ))}
    </>
  );
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { WebDeps } from '../web-deps.ts';
import { encodedBody, type CachedPage } from '../page-cache.ts';
import { hrefFor } from '../components/site-href.ts';
import { paths } from '../../content/paths.ts';
import { articleImages, articlePage, cardPage, MAX_PAGE, sectionLink, toCards } from './reader-data.ts';
import { renderDocument } from './views/render-document.tsx';
import { cardsFragmentHeaders, renderCardsFragment } from './views/cards-fragment.tsx';
import { HomePage } from './views/home-page.tsx';
import { SectionPage } from './views/section-page.tsx';
import { TagPage } from './views/tag-page.tsx';
import { ArticlePage } from './views/article-page.tsx';
import type { SiteView } from '../view-models.ts';

const HOME_LATEST = 8;
const HOME_BLOCK_CARDS = 4;

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  fragment: z.enum(['1']).optional(),
});

function parseListQuery(query: unknown) {
  const parsed = listQuery.safeParse(query);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: { page: 'رقم الصفحة غير صالح.' } });
  return parsed.data;
}

/** What a page handler produces before it is cached and sent. */
interface Rendered {
  body: string;
  contentType?: string;
  dependsOn: string[];
  headers?: Record<string, string>;
  facts?: Record<string, string>;
}

/** Reader pages: home, sections, tags and articles, served from the page cache when possible. */
export async function readerRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services, cache, clock, config } = deps;
  const cacheControl = `public, max-age=30, s-maxage=${config.cdnMaxAgeSeconds}, stale-while-revalidate=60`;

  function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
    reply.header('cache-control', cacheControl).header('etag', page.etag).header('vary', 'accept-encoding');
    for (const [name, value] of Object.entries(page.headers)) reply.header(name, value);
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
    const { body, encoding } = encodedBody(page, request.headers['accept-encoding']);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.code(page.status).type(page.contentType).send(body);
  }

  /** Serves from the cache, or renders, stores and serves. */
  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<Rendered>) {
    const now = clock.now().getTime();
    const hit = cache.get(key, now);
    if (hit) return send(request, reply, hit);
    const rendered = await render();
    const page = cache.set(
      key,
      {
        body: Buffer.from(rendered.body),
        contentType: rendered.contentType ?? 'text/html; charset=utf-8',
        status: 200,
        headers: rendered.headers ?? {},
        dependsOn: rendered.dependsOn,
        ...(rendered.facts ? { facts: rendered.facts } : {}),
      },
      now,
    );
    return send(request, reply, page);
  }

  const routeOptions = { compress: false } as const;

  app.get('/', routeOptions, (request, reply) =>
    cached(request, reply, 'home', async () => {
      const site = await deps.siteView();
      const sections = await services.sections.list();
      const newest = await services.articles.listPage({}, { limit: 1 + HOME_LATEST, offset: 0 });
      const cards = toCards(newest, sections);
      const shown = newest.map((a) => a.id);
      const sectionBlocks = await Promise.all(
        sections.map(async (section) => ({
          section: sectionLink(section),
          cards: toCards(
            await services.articles.listPage({ sectionId: section.id, excludeIds: shown }, { limit: HOME_BLOCK_CARDS, offset: 0 }),
            sections,
          ),
        })),
      );
      const view = { lead: cards[0] ?? null, latest: cards.slice(1), sectionBlocks: sectionBlocks.filter((b) => b.cards.length > 0) };
      const meta = { title: `${site.name} — ${site.description}`, description: site.description, canonicalPath: '/', ogType: 'website' as const };
      return { body: renderDocument(meta, site, <HomePage site={site} view={view} />), dependsOn: ['lists'] };
    }),
  );

  async function listRoute(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: 'section' | 'tag',
    slug: string,
  ) {
    const { page, fragment } = parseListQuery(request.query);
    const key = `${kind}:${slug}:${page}:${fragment ?? ''}`;
    return cached(request, reply, key, async () => {
      const sections = await services.sections.list();
      let subject: { name: string; path: string; filter: { sectionId?: number; tagId?: number } };
      let tagView;
      let sectionView;
      if (kind === 'section') {
        const section = await services.sections.getBySlug(slug);
        sectionView = sectionLink(section);
        subject = { name: section.name, path: sectionView.path, filter: { sectionId: section.id } };
      } else {
        const tag = await services.tags.getBySlug(slug);
        tagView = { slug: tag.slug, name: tag.name, path: paths.tag(tag.slug) };
        subject = { name: tag.name, path: tagView.path, filter: { tagId: tag.id } };
      }
      const list = await cardPage(services.articles, sections, subject.filter, subject.path, page);
      if (page > 1 && list.cards.length === 0) throw new AppError('NOT_FOUND');
      const site = await deps.siteView();
      if (fragment) {
        const { 'content-type': contentType, ...headers } = cardsFragmentHeaders(list);
        return { body: renderCardsFragment(list, site), contentType, dependsOn: ['lists'], headers };
      }
      const title = page > 1 ? `${subject.name} — الصفحة ${page} — ${site.name}` : `${subject.name} — ${site.name}`;
      const meta = {
        title,
        description: kind === 'section' ? `آخر أخبار ${subject.name} من ${site.name}` : `مقالات عن ${subject.name} في ${site.name}`,
        canonicalPath: page > 1 ? `${subject.path}?page=${page}` : subject.path,
        ogType: 'website' as const,
      };
      const content =
        kind === 'section' && sectionView ? (
          <SectionPage site={site} view={{ section: sectionView, list }} />
        ) : (
          <TagPage site={site} view={{ tag: tagView!, list }} />
        );
      return { body: renderDocument(meta, site, content), dependsOn: ['lists'] };
    });
  }

  app.get<{ Params: { slug: string } }>('/section/:slug', routeOptions, (request, reply) =>
    listRoute(request, reply, 'section', request.params.slug),
  );
  app.get<{ Params: { slug: string } }>('/tag/:slug', routeOptions, (request, reply) =>
    listRoute(request, reply, 'tag', request.params.slug),
  );

  const articleHandler = async (request: FastifyRequest<{ Params: { id: string; slug?: string } }>, reply: FastifyReply) => {
    const { id: rawId, slug } = request.params;
    if (!/^\d{1,10}$/.test(rawId)) throw new AppError('ARTICLE_NOT_FOUND');
    const id = Number(rawId);
    const key = `article:${id}`;
    const hit = cache.get(key, clock.now().getTime());
    const currentSlug = hit?.facts?.slug ?? (await services.articles.getPublished(id)).slug;
    // Article URLs carry the id, so an old or mistyped slug still finds the story: send readers
    // and search engines to the one canonical address.
    if (slug !== currentSlug) {
      return reply.code(301).header('cache-control', cacheControl).redirect(hrefFor(paths.article({ id, slug: currentSlug })), 301);
    }
    return cached(request, reply, key, async () => {
      const article = await services.articles.getPublished(id);
      const [sections, related, tagsById, site, images, notes] = await Promise.all([
        services.sections.list(),
        services.articles.related(id),
        services.tags.tagsOf([id]),
        deps.siteView(),
        articleImages(services.media, article),
        services.desk.notesOf(id),
      ]);
      const section = sections.find((s) => s.id === article.sectionId);
      if (!section) throw new AppError('ARTICLE_NOT_FOUND');
      const { view, meta } = articlePage(article, {
        section,
        tags: tagsById.get(id) ?? [],
        related: toCards(related, sections),
        images,
        notes,
        siteName: site.name,
        publishedAt: article.publishedAt!,
        updatedAt: article.updatedAt,
      });
      return {
        body: renderDocument(meta, site, <ArticlePage site={site} view={view} />),
        dependsOn: [`article:${id}`, ...related.map((r) => `article:${r.id}`)],
        facts: { slug: article.slug },
      };
    });
  };
  app.get('/article/:id', routeOptions, articleHandler);
  app.get('/article/:id/:slug', routeOptions, articleHandler);
}

export type { SiteView };

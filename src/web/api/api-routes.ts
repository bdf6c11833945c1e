import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { documentParagraphs } from '../../content/articles/article-document.ts';
import type { ArticleSummary } from '../../content/articles/article.ts';
import type { Section } from '../../content/sections/section.ts';
import { absoluteUrl } from '../components/site-href.ts';
import { paths } from '../../content/paths.ts';
import type { WebDeps } from '../web-deps.ts';

const listQuery = z.object({
  section: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().trim().min(1).max(200).optional(),
});

const searchQuery = z.object({
  q: z.string().max(5000).optional().default(''),
  section: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().trim().min(1).max(200).optional(),
});

/** HTML-escapes text for the snippet string, whose only markup is <mark>. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const idParam = z.object({ id: z.string().regex(/^\d{1,10}$/).transform(Number) });

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || 'query'] = issue.message;
  return fields;
}

/** The read API: JSON lists and articles for other programs. */
export async function apiRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services, config } = deps;
  const url = (path: string) => absoluteUrl(config.siteUrl, path);
  const sectionJson = (section: Section | undefined) => (section ? { slug: section.slug, name: section.name } : null);

  function summaryJson(summary: ArticleSummary, sections: Map<number, Section>) {
    return {
      id: summary.id,
      url: url(paths.article(summary)),
      headline: summary.headline,
      dek: summary.dek,
      section: sectionJson(sections.get(summary.sectionId)),
      byline: summary.byline,
      sourceKind: summary.sourceKind,
      publishedAt: summary.publishedAt.toISOString(),
    };
  }

  app.get('/api/v1/articles', async (request, reply) => {
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: fieldsOf(parsed.error) });
    const { section: sectionSlug, limit, cursor } = parsed.data;
    const sections = await services.sections.list();
    let sectionId: number | undefined;
    if (sectionSlug !== undefined) {
      const section = sections.find((s) => s.slug === sectionSlug);
      if (!section) throw new AppError('SECTION_NOT_FOUND', { details: sectionSlug });
      sectionId = section.id;
    }
    const page = await services.articles.listByCursor(sectionId === undefined ? {} : { sectionId }, { limit, cursor: cursor ?? null });
    const byId = new Map(sections.map((s) => [s.id, s]));
    reply.header('cache-control', `public, max-age=30, s-maxage=${config.cdnMaxAgeSeconds}`);
    return { items: page.items.map((s) => summaryJson(s, byId)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/search', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = searchQuery.safeParse(request.query);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: fieldsOf(parsed.error) });
    const { q, section: sectionSlug, limit, cursor } = parsed.data;
    const sections = await services.sections.list();
    const section = sectionSlug === undefined ? undefined : sections.find((s) => s.slug === sectionSlug);
    if (sectionSlug !== undefined && !section) throw new AppError('SECTION_NOT_FOUND', { details: sectionSlug });
    const results = await services.search.search({ q, limit, cursor: cursor ?? null, ...(section ? { sectionId: section.id } : {}) });
    if (results.query.emptyReason) throw new AppError('SEARCH_QUERY_EMPTY');
    const byId = new Map(sections.map((s) => [s.id, s]));
    reply.header('cache-control', 'public, max-age=60');
    return {
      total: results.total,
      // true: there are more than 1000 matches and `total` (1001) only says so.
      totalCapped: results.totalIsLowerBound,
      mode: results.mode,
      results: results.hits.map((hit) => ({
        id: hit.article.id,
        url: url(paths.article(hit.article)),
        headline: hit.article.headline,
        // The matched words, as written in the article, in <mark>; everything else is escaped text.
        snippet: hit.snippet.map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join(''),
        publishedAt: hit.article.publishedAt.toISOString(),
        section: sectionJson(byId.get(hit.article.sectionId)),
      })),
      nextCursor: results.nextCursor,
    };
  });

  app.get('/api/v1/articles/:id', async (request, reply) => {
    const parsed = idParam.safeParse(request.params);
    if (!parsed.success) throw new AppError('ARTICLE_NOT_FOUND');
    const article = await services.articles.getPublished(parsed.data.id);
    const [sections, related, tags, notes] = await Promise.all([
      services.sections.list(),
      services.articles.related(article.id),
      services.tags.tagsOf([article.id]),
      services.desk.notesOf(article.id),
    ]);
    reply.header('cache-control', `public, max-age=30, s-maxage=${config.cdnMaxAgeSeconds}`);
    return {
      id: article.id,
      url: url(paths.article(article)),
      headline: article.headline,
      dek: article.dek,
      section: sectionJson(sections.find((s) => s.id === article.sectionId)),
      byline: article.byline,
      sourceKind: article.sourceKind,
      paragraphs: documentParagraphs(article.body),
      publishedAt: article.publishedAt?.toISOString() ?? null,
      updatedAt: article.updatedAt?.toISOString() ?? null,
      tags: (tags.get(article.id) ?? []).map((t) => ({ slug: t.slug, name: t.name, url: url(paths.tag(t.slug)) })),
      related: related.map((r) => ({ id: r.id, url: url(paths.article(r)), headline: r.headline })),
      notes: notes.map((n) => ({ kind: n.kind, text: n.text, createdAt: n.createdAt.toISOString() })),
    };
  });
}

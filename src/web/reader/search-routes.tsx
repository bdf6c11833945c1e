import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { SearchResults } from '../../content/search/search.service.ts';
import type { Section } from '../../content/sections/section.ts';
import type { WebDeps } from '../web-deps.ts';
import type { SearchPageView } from '../view-models.ts';
import { renderDocument } from './views/render-document.tsx';
import { renderSearchFragment, SearchPage } from './views/search-page.tsx';
import { toCards } from './reader-data.ts';
import { hrefFor } from '../components/site-href.ts';

/** Results per page; "اظهر المزيد" brings this many more. */
const RESULTS_PER_PAGE = 12;

const searchQuery = z.object({
  // Long input is not an error: the parser reads the first 300 characters.
  q: z.string().max(5000).optional().default(''),
  section: z.string().max(200).optional().default(''),
  cursor: z.string().max(200).optional(),
  fragment: z.enum(['1']).optional(),
});

const EMPTY_MESSAGES = {
  blank: null,
  'no-terms': 'كلمات البحث شائعة جداً أو خالية من الحروف (مثل «في» و«من» أو علامات التشكيل وحدها)؛ أضف اسماً أو كلمة أوضح.',
} as const;

function searchPath(q: string, section: string, cursor: string, fragment: boolean): string {
  const params = new URLSearchParams({ q });
  if (section) params.set('section', section);
  params.set('cursor', cursor);
  if (fragment) params.set('fragment', '1');
  return `/search?${params.toString()}`;
}

/** Turns search results into the page's view. */
function searchView(results: SearchResults, sections: readonly Section[], q: string, section: string): SearchPageView {
  const cards = toCards(
    results.hits.map((h) => h.article),
    sections,
  );
  const byId = new Map(results.hits.map((h) => [h.article.id, h]));
  return {
    query: results.query.text || q.trim().slice(0, 300),
    sectionSlug: section || null,
    total: results.total,
    totalIsLowerBound: results.totalIsLowerBound,
    allTotal: results.allTotal,
    mode: results.mode,
    results: cards.map((card) => ({ ...card, headlineParts: byId.get(card.id)!.headline, snippet: byId.get(card.id)!.snippet })),
    nextPath: results.nextCursor ? searchPath(q, section, results.nextCursor, false) : null,
    nextFragmentPath: results.nextCursor ? searchPath(q, section, results.nextCursor, true) : null,
    message: results.query.emptyReason ? EMPTY_MESSAGES[results.query.emptyReason] : null,
  };
}

/** The reader's search page (/search?q=&section=&cursor=), never cached (queries are endless). */
export async function searchRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services } = deps;
  app.get('/search', { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (request, reply) => {
    const parsed = searchQuery.safeParse(request.query);
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: { q: 'طلب البحث غير صالح.' } });
    const { q, section, cursor, fragment } = parsed.data;
    const sections = await services.sections.list();
    const sectionRow = section ? sections.find((s) => s.slug === section) : undefined;
    if (section && !sectionRow) throw new AppError('SECTION_NOT_FOUND', { details: section });
    const results = await services.search.search({
      q,
      limit: RESULTS_PER_PAGE,
      cursor: cursor ?? null,
      ...(sectionRow ? { sectionId: sectionRow.id } : {}),
    });
    const view = searchView(results, sections, q, section);
    const site = await deps.siteView();
    reply.header('cache-control', 'public, max-age=60').header('x-robots-tag', 'noindex');
    if (fragment) {
      return reply
        .type('text/html; charset=utf-8')
        .header('x-next-page', view.nextPath ? hrefFor(view.nextPath) : '')
        .header('x-next-fragment', view.nextFragmentPath ? hrefFor(view.nextFragmentPath) : '')
        .send(renderSearchFragment(view, site));
    }
    const meta = {
      title: view.query ? `البحث عن «${view.query}» — ${site.name}` : `البحث — ${site.name}`,
      description: `ابحث في أخبار ${site.name}`,
      canonicalPath: '/search',
      ogType: 'website' as const,
      noindex: true,
    };
    return reply.type('text/html; charset=utf-8').send(renderDocument(meta, site, <SearchPage site={site} view={view} />));
  });
}

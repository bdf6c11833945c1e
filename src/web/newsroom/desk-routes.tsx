import type { FastifyInstance } from 'fastify';
import type { DeskList } from '../../content/articles/article-desk.ts';
import type { WebDeps } from '../web-deps.ts';
import { parseInput } from './article-input.ts';
import { actorOf, csrfTokenFor, requireRole } from './newsroom-auth.ts';
import { sendNewsroomPage } from './send-newsroom-page.ts';
import { DESK_LIST_LABELS } from './views/article-labels.ts';
import { DeskPage } from './views/desk-page.tsx';

const PAGE_SIZE = 25;
const TAG_SUGGESTIONS = 10;

/**
 * The desk (/newsroom): my drafts, waiting for review, scheduled, published today and all, with a
 * filter by section, status and words of the headline; and two small JSON endpoints the editor's
 * script uses: tag suggestions and a fresh CSRF token after signing in again.
 */
export async function deskRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services } = deps;

  app.get('/newsroom', { preHandler: requireRole() }, async (request, reply) => {
    const actor = actorOf(request);
    const query = parseInput('deskQuery', request.query);
    const list: DeskList = query.list ?? 'mine';
    const sectionId = typeof query.section === 'number' ? query.section : null;
    const status = query.status ? query.status : null;
    const q = query.q?.trim() ?? '';
    const [result, sections, site] = await Promise.all([
      services.desk.list(actor, {
        list,
        ...(q ? { q } : {}),
        ...(sectionId ? { sectionId } : {}),
        ...(status ? { status } : {}),
        limit: PAGE_SIZE,
        offset: (query.page - 1) * PAGE_SIZE,
      }),
      services.sections.list(),
      deps.siteView(),
    ]);
    return sendNewsroomPage(deps, request, reply, {
      title: DESK_LIST_LABELS[list],
      active: list,
      body: () => (
        <DeskPage
          view={{
            list,
            q,
            sectionId,
            status,
            page: query.page,
            pageSize: PAGE_SIZE,
            items: result.items,
            total: result.total,
            sections,
            dateStyle: site.dateStyle,
          }}
        />
      ),
    });
  });

  app.get('/newsroom/api/tags', { preHandler: requireRole() }, async (request) => {
    const { q } = parseInput('tagQuery', request.query);
    const tags = await services.tags.suggest(q, TAG_SUGGESTIONS);
    return { tags: tags.map((tag) => ({ name: tag.name, slug: tag.slug })) };
  });

  // After signing in again in another tab the CSRF secret is new; an open editor asks for a token here.
  app.get('/newsroom/api/session', { preHandler: requireRole() }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.send({ csrfToken: csrfTokenFor(reply), user: { id: actor.userId, name: actor.name, role: actor.role } });
  });
}

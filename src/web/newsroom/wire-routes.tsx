import type { FastifyInstance } from 'fastify';
import { isAppError } from '../../errors.ts';
import { parseWireCopy } from '../../arabic/wire-copy.ts';
import { documentFromParagraphs } from '../../content/articles/article-document.ts';
import type { ArticleDraft } from '../../content/articles/article-desk.ts';
import type { WebDeps } from '../web-deps.ts';
import { DUPLICATE_WINDOW_HOURS } from './article-routes.tsx';
import { parseInput } from './article-input.ts';
import { actorOf, requireRole } from './newsroom-auth.ts';
import { sendNewsroomPage } from './send-newsroom-page.ts';
import { WireDeskPage } from './views/wire-desk-page.tsx';

/** What the form shows again of a refused paste (a megabyte of text is not worth echoing whole). */
const ECHO_MAX_CHARS = 200_000;

/**
 * The wire desk (/newsroom/wire): agency copy pasted into a form becomes a draft (section, headline,
 * byline and paragraphs read by parseWireCopy), which opens in the editor with a notice when the same
 * story was published or drafted in the last 48 hours.
 */
export async function wireRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services } = deps;
  const signedIn = { preHandler: requireRole() };

  app.get('/newsroom/wire', signedIn, async (request, reply) =>
    sendNewsroomPage(deps, request, reply, {
      title: 'مكتب الوكالات',
      active: 'wire',
      body: (csrfToken) => <WireDeskPage view={{ csrfToken, text: '', error: null }} />,
    }),
  );

  app.post('/newsroom/wire', signedIn, async (request, reply) => {
    const started = performance.now();
    const actor = actorOf(request);
    const raw = (request.body as Record<string, unknown> | null | undefined)?.text;
    const refuse = (error: string, status = 400) =>
      sendNewsroomPage(deps, request, reply, {
        title: 'مكتب الوكالات',
        active: 'wire',
        status,
        body: (csrfToken) => <WireDeskPage view={{ csrfToken, text: typeof raw === 'string' ? raw.slice(0, ECHO_MAX_CHARS) : '', error }} />,
      });

    let text: string;
    try {
      text = parseInput('wire', request.body).text;
    } catch (error) {
      if (isAppError(error) && error.code === 'VALIDATION_FAILED') return refuse('الصق نص الوكالة أولاً (حتى نصف مليون حرف).');
      throw error;
    }
    const parsed = parseWireCopy(text);
    if (!parsed.ok) return refuse(parsed.message);

    const sections = await services.sections.list();
    const named = parsed.draft.sectionName ? await services.sections.find(parsed.draft.sectionName) : undefined;
    const section = named ?? sections[0];
    if (!section) return refuse('لا أقسام في الموقع بعد؛ يضيفها المدير من صفحة الأقسام.', 409);

    const draft: ArticleDraft = {
      headline: parsed.draft.headline,
      dek: null,
      byline: parsed.draft.byline,
      sourceKind: parsed.draft.sourceKind,
      sectionId: section.id,
      tags: [],
      slug: null,
      body: documentFromParagraphs(parsed.draft.paragraphs),
      featuredMediaId: null,
      featuredAlt: null,
    };
    const duplicates = await services.desk.nearDuplicates(
      actor,
      { headline: draft.headline, bodyText: parsed.draft.paragraphs.join('\n\n') },
      DUPLICATE_WINDOW_HOURS,
    );
    let created;
    try {
      created = await services.desk.createDraft(actor, draft, 'wire-desk');
    } catch (error) {
      if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
        return refuse(Object.values(error.fields ?? {}).join(' ') || error.arabicMessage);
      }
      throw error;
    }
    const similar = duplicates.filter((d) => d.id !== created.id).map((d) => d.id);
    const query = similar.length ? `?done=wire&similar=${similar.join(',')}` : '?done=wire';
    // How long the paste took to become a draft, for the browser's developer tools and the tests.
    reply.header('server-timing', `wire;desc="paste to draft";dur=${(performance.now() - started).toFixed(1)}`);
    return reply.redirect(`/newsroom/articles/${created.id}${query}`, 303);
  });
}

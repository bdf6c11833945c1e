import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { slugify } from '../../arabic/slug.ts';
import type { Actor } from '../../content/users/actor.ts';
import type { ArticleDraft, DeskArticle, NearDuplicate } from '../../content/articles/article-desk.ts';
import { mayDo, TRANSITIONS, type ArticleFacts, type DeskAction, type Transition } from '../../content/articles/workflow.ts';
import { paths } from '../../content/paths.ts';
import type { WebDeps } from '../web-deps.ts';
import { articleImages, articlePage } from '../reader/reader-data.ts';
import { renderDocument } from '../reader/views/render-document.tsx';
import { ArticlePage } from '../reader/views/article-page.tsx';
import { articleIdParam, draftFrom, parseInput } from './article-input.ts';
import { actorOf, requireRole } from './newsroom-auth.ts';
import { sendNewsroomPage } from './send-newsroom-page.ts';
import { ArticleEditorPage, type EditorActions } from './views/article-editor-page.tsx';
import { ComparePage, RevisionsPage } from './views/revisions-page.tsx';

/** How far back the editor looks for the same story when a draft comes from the wire desk. */
export const DUPLICATE_WINDOW_HOURS = 48;
/** Slugs derived from headlines are this long at most (as the article service makes them). */
const SLUG_MAX = 100;
const MAX_SIMILAR_IDS = 10;
const DONE_KEYS = new Set(['submit', 'publish', 'schedule', 'unpublish', 'return-to-draft', 'notes', 'restore', 'wire']);

/** The buttons a person gets for an article in this state; the desk service enforces the same rules. */
export function editorActions(actor: Actor, facts: ArticleFacts): EditorActions {
  const can = (action: DeskAction, transition?: Transition) =>
    mayDo(actor, action, facts) && (transition === undefined || TRANSITIONS[transition].from.includes(facts.status));
  return {
    save: can('save'),
    submit: can('submit', 'submit'),
    publish: can('publish', 'publish'),
    schedule: can('schedule', 'schedule'),
    unpublish: can('unpublish', 'unpublish'),
    returnToDraft: can('returnToDraft', 'returnToDraft'),
    addNote: can('addNote') && facts.status === 'published',
  };
}

/** Every field an editor edits, as the article holds it now. */
function draftOf(article: DeskArticle): ArticleDraft {
  return {
    headline: article.headline,
    dek: article.dek,
    byline: article.byline,
    sourceKind: article.sourceKind,
    sectionId: article.sectionId,
    tags: article.tags,
    slug: article.slug,
    body: article.body,
    featuredMediaId: article.featuredMediaId,
    featuredAlt: article.featuredAlt,
  };
}

/** An article as the JSON endpoints answer it. */
function articleJson(article: DeskArticle) {
  return {
    id: article.id,
    version: article.version,
    status: article.status,
    slug: article.slug,
    path: paths.article(article),
    modifiedAt: article.modifiedAt.toISOString(),
    publishedAt: article.publishedAt?.toISOString() ?? null,
    scheduledAt: article.scheduledAt?.toISOString() ?? null,
    draft: draftOf(article),
  };
}

/** Article ids in `?similar=1,2` (the wire desk's near-duplicates), bounded. */
function similarIds(request: FastifyRequest): number[] {
  const raw = (request.query as Record<string, unknown>).similar;
  if (typeof raw !== 'string') return [];
  return raw
    .split(',')
    .filter((part) => /^\d{1,10}$/.test(part))
    .map(Number)
    .slice(0, MAX_SIMILAR_IDS);
}

function doneKey(request: FastifyRequest): string | null {
  const raw = (request.query as Record<string, unknown>).done;
  return typeof raw === 'string' && DONE_KEYS.has(raw) ? raw : null;
}

/**
 * The article pages of the newsroom (editor, preview, revisions and their comparison) and the JSON
 * endpoints the editor's script calls (/newsroom/api/articles…). Every route needs a signed-in
 * person; every state change needs the CSRF token (checked before the route by newsroom-auth) and
 * goes through the desk service, which enforces the role rules.
 */
export async function articleRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services, clock } = deps;
  const desk = services.desk;
  const signedIn = { preHandler: requireRole() };

  async function editorPage(request: FastifyRequest, reply: Parameters<typeof sendNewsroomPage>[2], article: DeskArticle | null) {
    const actor = actorOf(request);
    const [sections, site, { images }] = await Promise.all([
      services.sections.list(),
      deps.siteView(),
      article ? articleImages(services.media, article) : { images: new Map() },
    ]);
    let duplicates: NearDuplicate[] = [];
    const wanted = similarIds(request);
    if (article && wanted.length) {
      const found = await desk.nearDuplicates(actor, { headline: article.headline, bodyText: article.bodyText }, DUPLICATE_WINDOW_HOURS);
      duplicates = found.filter((d) => d.id !== article.id && wanted.includes(d.id));
    }
    const draft: ArticleDraft = article
      ? draftOf(article)
      : {
          headline: '',
          dek: null,
          byline: null,
          sourceKind: 'staff',
          sectionId: sections[0]?.id ?? 0,
          tags: [],
          slug: null,
          body: { type: 'doc', content: [] },
          featuredMediaId: null,
          featuredAlt: null,
        };
    const derivedSlug = slugify(draft.headline, SLUG_MAX);
    const status = article?.status ?? 'draft';
    return sendNewsroomPage(deps, request, reply, {
      title: article ? `تحرير: ${article.headline}` : 'مقال جديد',
      body: () => (
        <ArticleEditorPage
          view={{
            id: article?.id ?? null,
            version: article?.version ?? 0,
            status,
            readerPath: article && status === 'published' ? paths.article(article) : null,
            draft,
            // Once readers have had the address, it stays unless someone types a new one (the service's rule too).
            slugAuto: !article || (article.publishedAt === null && article.status !== 'scheduled' && article.slug === derivedSlug),
            slug: article?.slug ?? '',
            sections,
            actions: editorActions(actor, { authorId: article ? article.authorId : actor.userId, status }),
            authorName: null,
            modifiedAt: article?.modifiedAt ?? null,
            publishedAt: article?.publishedAt ?? null,
            scheduledAt: article?.scheduledAt ?? null,
            notes: article?.notes ?? [],
            duplicates,
            done: doneKey(request),
            dateStyle: site.dateStyle,
            images,
          }}
        />
      ),
    });
  }

  app.get('/newsroom/articles/new', signedIn, async (request, reply) => editorPage(request, reply, null));

  app.get<{ Params: { id: string } }>('/newsroom/articles/:id', signedIn, async (request, reply) => {
    const article = await desk.get(actorOf(request), articleIdParam(request.params.id));
    return editorPage(request, reply, article);
  });

  // The stored draft exactly as the reader's article page would show it (images and notes included), for the newsroom only.
  app.get<{ Params: { id: string } }>('/newsroom/articles/:id/preview', signedIn, async (request, reply) => {
    const id = articleIdParam(request.params.id);
    const article = await desk.get(actorOf(request), id);
    const [sections, tagsById, site, images] = await Promise.all([
      services.sections.list(),
      services.tags.tagsOf([id]),
      deps.siteView(),
      articleImages(services.media, article),
    ]);
    const section = sections.find((s) => s.id === article.sectionId);
    if (!section) throw new AppError('ARTICLE_NOT_FOUND', { details: `section ${article.sectionId} of ${id}` });
    const { view, meta } = articlePage(article, {
      section,
      tags: tagsById.get(id) ?? [],
      related: [],
      images,
      notes: article.notes,
      siteName: site.name,
      publishedAt: article.publishedAt ?? article.scheduledAt ?? clock.now(),
      updatedAt: article.publishedAt ? article.updatedAt : null,
      preview: true,
    });
    return reply.type('text/html; charset=utf-8').send(renderDocument(meta, site, <ArticlePage site={site} view={view} />));
  });

  app.get<{ Params: { id: string } }>('/newsroom/articles/:id/revisions', signedIn, async (request, reply) => {
    const actor = actorOf(request);
    const id = articleIdParam(request.params.id);
    const [article, revisions, site] = await Promise.all([desk.get(actor, id), desk.revisions(actor, id), deps.siteView()]);
    return sendNewsroomPage(deps, request, reply, {
      title: `النسخ السابقة: ${article.headline}`,
      body: (csrfToken) => (
        <RevisionsPage
          view={{
            articleId: id,
            headline: article.headline,
            version: article.version,
            revisions: [...revisions].sort((a, b) => b.number - a.number),
            mayRestore: mayDo(actor, 'restore', article),
            csrfToken,
            dateStyle: site.dateStyle,
          }}
        />
      ),
    });
  });

  app.get<{ Params: { id: string } }>('/newsroom/articles/:id/compare', signedIn, async (request, reply) => {
    const actor = actorOf(request);
    const id = articleIdParam(request.params.id);
    const { from, to } = parseInput('compare', request.query);
    const [article, changes] = await Promise.all([desk.get(actor, id), desk.compare(actor, id, from, to)]);
    return sendNewsroomPage(deps, request, reply, {
      title: `مقارنة النسختين ${from} و${to}`,
      body: () => <ComparePage view={{ articleId: id, headline: article.headline, from, to, changes }} />,
    });
  });

  // The revisions page's restore buttons are plain forms, so restoring needs no script.
  app.post<{ Params: { id: string } }>('/newsroom/articles/:id/restore', signedIn, async (request, reply) => {
    const id = articleIdParam(request.params.id);
    const { number, version } = parseInput('restore', request.body);
    await desk.restore(actorOf(request), id, number, version);
    return reply.redirect(`/newsroom/articles/${id}?done=restore`, 303);
  });

  app.get<{ Params: { id: string } }>('/newsroom/api/articles/:id', signedIn, async (request) => {
    return { article: articleJson(await desk.get(actorOf(request), articleIdParam(request.params.id))) };
  });

  app.get<{ Params: { id: string } }>('/newsroom/api/articles/:id/revisions', signedIn, async (request) => {
    const revisions = await desk.revisions(actorOf(request), articleIdParam(request.params.id));
    return {
      revisions: revisions.map((r) => ({ number: r.number, createdAt: r.createdAt.toISOString(), userId: r.userId, userName: r.userName, reason: r.reason })),
    };
  });

  app.post('/newsroom/api/articles', signedIn, async (request, reply) => {
    const { draft } = parseInput('create', request.body);
    const article = await desk.createDraft(actorOf(request), draftFrom(draft), 'newsroom');
    return reply.code(201).send({ article: articleJson(article) });
  });

  app.put<{ Params: { id: string } }>('/newsroom/api/articles/:id', signedIn, async (request) => {
    const id = articleIdParam(request.params.id);
    const input = parseInput('save', request.body);
    const article = await desk.save(actorOf(request), id, draftFrom(input.draft), input.version, input.reason);
    return { article: articleJson(article) };
  });

  app.post<{ Params: { id: string; action: string } }>('/newsroom/api/articles/:id/:action', signedIn, async (request) => {
    const actor = actorOf(request);
    const id = articleIdParam(request.params.id);
    let article: DeskArticle;
    switch (request.params.action) {
      case 'submit':
        article = await desk.submitForReview(actor, id, parseInput('transition', request.body).version);
        break;
      case 'publish':
        article = await desk.publish(actor, id, parseInput('transition', request.body).version);
        break;
      case 'unpublish':
        article = await desk.unpublish(actor, id, parseInput('transition', request.body).version);
        break;
      case 'return-to-draft':
        article = await desk.returnToDraft(actor, id, parseInput('transition', request.body).version);
        break;
      case 'schedule': {
        const input = parseInput('schedule', request.body);
        article = await desk.schedule(actor, id, new Date(input.at), input.version);
        break;
      }
      case 'notes': {
        const input = parseInput('note', request.body);
        article = await desk.addNote(actor, id, input.kind, input.text);
        break;
      }
      case 'restore': {
        const input = parseInput('restore', request.body);
        article = await desk.restore(actor, id, input.number, input.version);
        break;
      }
      default:
        throw new AppError('NOT_FOUND', { details: request.url });
    }
    return { article: articleJson(article) };
  });
}

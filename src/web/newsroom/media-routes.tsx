import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MEDIA_LIMITS, mediaVariantPath, type MediaItem } from '../../content/media/media.ts';
import { AppError, isAppError, type ErrorCode } from '../../errors.ts';
import { imageView } from '../reader/reader-data.ts';
import type { WebDeps } from '../web-deps.ts';
import { actorOf, csrfTokenFor, requireRole } from './newsroom-auth.ts';
import { registerUploadParser, type UploadBody } from './multipart-upload.ts';
import { MediaLibraryPage, type MediaLibraryView } from './views/media-library-page.tsx';
import type { FormProblems } from './views/form-parts.tsx';
import { renderNewsroomPage } from './views/newsroom-layout.tsx';

/** Confirmations after a redirect, by a fixed key in the query string (never text from the request). */
const NOTICES: Record<string, string> = {
  uploaded: 'رُفعت الصورة وأصبحت في المكتبة.',
  exists: 'هذه الصورة في المكتبة من قبل، فلم تُحفظ مرة ثانية؛ ستجدها في أول القائمة أو بالبحث.',
  deleted: 'حُذفت الصورة.',
};

/** Refusals an upload or delete form answers with the same page and its problems. */
const FORM_REFUSALS: readonly ErrorCode[] = ['VALIDATION_FAILED', 'MEDIA_TOO_LARGE', 'MEDIA_TYPE_UNSUPPORTED', 'MEDIA_INVALID', 'MEDIA_IN_USE', 'MEDIA_NOT_FOUND'];

const listQuery = z.object({
  q: z.string().max(MEDIA_LIMITS.queryMax * 4).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MEDIA_LIMITS.pageSizeMax).default(MEDIA_LIMITS.pageSize),
  done: z.string().max(20).optional(),
});

function parseListQuery(query: unknown) {
  const parsed = listQuery.safeParse(query);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: { q: 'معايير البحث أو رقم الصفحة غير صالحة.' } });
  return parsed.data;
}

/** The library item as the newsroom's scripts read it (GET /newsroom/api/media, upload answers). */
export function mediaJson(item: MediaItem) {
  return {
    id: item.id,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    width: item.width,
    height: item.height,
    format: item.format,
    bytes: item.bytes,
    widths: item.widths,
    // A standard width always answers, whatever the picture's own size (see the public route).
    url: mediaVariantPath(item.id, 640, 'webp'),
    createdAt: item.createdAt.toISOString(),
  };
}

/** The numeric id in a route parameter, or -1 (which no row has) for anything else. */
function idParam(request: FastifyRequest): number {
  const raw = (request.params as { id?: string }).id ?? '';
  return /^\d{1,12}$/.test(raw) ? Number(raw) : -1;
}

function uploadBodyOf(request: FastifyRequest): UploadBody {
  const body = request.body as UploadBody | undefined;
  if (!body || typeof body !== 'object' || !('fields' in body)) {
    throw new AppError('VALIDATION_FAILED', { details: 'not a multipart upload', fields: { file: 'اختر ملف صورة لرفعه.' } });
  }
  return body;
}

/** Runs an upload through the service; the file is required. */
async function upload(deps: WebDeps, request: FastifyRequest) {
  const body = uploadBodyOf(request);
  const { alt = '', caption = null, credit = null } = body.fields;
  if (!body.file) {
    // The alt text's problem too, if any, so the form says everything at once.
    const fields: Record<string, string> = { file: 'اختر ملف صورة لرفعه.' };
    if (!alt.trim()) fields.alt = 'النص البديل مطلوب: صِف ما في الصورة لمن لا يراها.';
    throw new AppError('VALIDATION_FAILED', { fields });
  }
  request.log.info({ declaredName: body.file.name, declaredType: body.file.declaredType, bytes: body.file.bytes.length }, 'media upload');
  return deps.services.media.upload(actorOf(request), { bytes: body.file.bytes, alt, caption, credit }, { ip: request.ip });
}

/**
 * The media library in the newsroom: the JSON API the editor's picker uses
 * (POST/GET /newsroom/api/media, DELETE /newsroom/api/media/{id}) and the library page
 * (/newsroom/media) whose forms work without JavaScript. Any newsroom role may upload and browse;
 * deleting is for editors and administrators (and the service refuses it to others too).
 */
export async function newsroomMediaRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { services } = deps;

  async function sendLibrary(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { status?: number; problems?: FormProblems | null; values?: MediaLibraryView['values'] } = {},
  ): Promise<FastifyReply> {
    const actor = actorOf(request);
    const query = listQuery.safeParse(request.query);
    const { q = '', offset = 0, limit = MEDIA_LIMITS.pageSize, done } = query.success ? query.data : {};
    const [{ items, total }, site] = await Promise.all([services.media.list(actor, { q, offset, limit }), deps.siteView()]);
    const pagePath = (at: number) => `/newsroom/media?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(at) })}`;
    const csrfToken = csrfTokenFor(reply);
    const view: MediaLibraryView = {
      items: items.map((item) => ({ id: item.id, image: imageView(item), createdAt: item.createdAt })),
      total,
      q,
      previousPath: offset > 0 ? pagePath(Math.max(0, offset - limit)) : null,
      nextPath: offset + items.length < total ? pagePath(offset + limit) : null,
      canDelete: actor.role === 'editor' || actor.role === 'admin',
      csrfToken,
      notice: done && Object.hasOwn(NOTICES, done) ? NOTICES[done]! : null,
      problems: options.problems ?? null,
      values: options.values ?? { alt: '', caption: '', credit: '' },
      dateStyle: site.dateStyle,
      limits: { altMax: MEDIA_LIMITS.altMax, captionMax: MEDIA_LIMITS.captionMax, creditMax: MEDIA_LIMITS.creditMax },
    };
    const html = renderNewsroomPage({
      site,
      newsroomAssets: deps.assets.newsroom,
      actor,
      csrfToken,
      title: 'الوسائط',
      active: 'media',
      children: <MediaLibraryPage view={view} />,
    });
    return reply.code(options.status ?? 200).type('text/html; charset=utf-8').send(html);
  }

  function problemsOf(error: AppError): FormProblems {
    return error.fields && Object.keys(error.fields).length > 0 ? { message: error.arabicMessage, fields: error.fields } : { message: error.arabicMessage };
  }

  app.get('/newsroom/api/media', { preHandler: requireRole() }, async (request) => {
    const { q, offset, limit } = parseListQuery(request.query);
    const { items, total } = await services.media.list(actorOf(request), { q: q ?? null, offset, limit });
    return { items: items.map(mediaJson), total };
  });

  app.delete('/newsroom/api/media/:id', { preHandler: requireRole('editor', 'admin') }, async (request, reply) => {
    await services.media.remove(actorOf(request), idParam(request), { ip: request.ip });
    return reply.code(204).send();
  });

  app.get('/newsroom/media', { preHandler: requireRole() }, async (request, reply) => {
    parseListQuery(request.query);
    return sendLibrary(request, reply);
  });

  app.post('/newsroom/media/:id/delete', { preHandler: requireRole('editor', 'admin') }, async (request, reply) => {
    try {
      await services.media.remove(actorOf(request), idParam(request), { ip: request.ip });
    } catch (error) {
      if (!isAppError(error) || !FORM_REFUSALS.includes(error.code)) throw error;
      return sendLibrary(request, reply, { status: error.status, problems: problemsOf(error) });
    }
    return reply.redirect('/newsroom/media?done=deleted', 303);
  });

  // Uploads have their own scope: the multipart parser lives only here, and nobody signed out gets
  // as far as having 20 MB read (the session is checked on request, before the body).
  await app.register(async (uploads) => {
    const signedIn = requireRole();
    uploads.addHook('onRequest', async function (request, reply) {
      return signedIn.call(this, request, reply);
    });
    registerUploadParser(uploads, { maxFileBytes: MEDIA_LIMITS.maxBytes });

    uploads.post('/newsroom/api/media', async (request, reply) => {
      const { item, created } = await upload(deps, request);
      return reply.code(created ? 201 : 200).send({ item: mediaJson(item), created });
    });

    uploads.post('/newsroom/media', async (request, reply) => {
      try {
        const { item, created } = await upload(deps, request);
        return reply.redirect(`/newsroom/media?done=${created ? 'uploaded' : 'exists'}#media-${item.id}`, 303);
      } catch (error) {
        if (!isAppError(error) || !FORM_REFUSALS.includes(error.code)) throw error;
        const fields = (request.body as UploadBody | undefined)?.fields ?? {};
        const echo = (value: string | undefined, max: number) => (value ?? '').slice(0, max);
        return sendLibrary(request, reply, {
          status: error.status,
          problems: problemsOf(error),
          values: { alt: echo(fields.alt, MEDIA_LIMITS.altMax), caption: echo(fields.caption, MEDIA_LIMITS.captionMax), credit: echo(fields.credit, MEDIA_LIMITS.creditMax) },
        });
      }
    });
  });
}

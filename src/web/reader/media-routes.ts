import type { FastifyInstance } from 'fastify';
import { VARIANT_CONTENT_TYPES, type MediaVariantFormat } from '../../content/media/media.ts';
import { AppError } from '../../errors.ts';
import type { WebDeps } from '../web-deps.ts';

const FILE_NAME = /^(\d{1,5})\.(webp|avif)$/;

/**
 * The public images: GET /media/{id}/{width}.{webp|avif}. A variant never changes once stored (a
 * new file is a new id), so browsers and CDNs may keep it for a year without asking again.
 */
export async function mediaRoutes(app: FastifyInstance, deps: Pick<WebDeps, 'services'>): Promise<void> {
  const { media } = deps.services;
  app.get<{ Params: { id: string; file: string } }>('/media/:id/:file', { compress: false }, async (request, reply) => {
    const { id: rawId, file } = request.params;
    const match = FILE_NAME.exec(file);
    if (!/^\d{1,10}$/.test(rawId) || !match) throw new AppError('MEDIA_NOT_FOUND', { details: request.url });
    const format = match[2] as MediaVariantFormat;
    const variant = await media.variant(Number(rawId), Number(match[1]), format);
    if (!variant) throw new AppError('MEDIA_NOT_FOUND', { details: request.url });
    const etag = `"${variant.sha256.slice(0, 16)}-${variant.width}-${variant.format}"`;
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      // Pages of other sites (feed readers, syndication partners) may show our published images.
      .header('cross-origin-resource-policy', 'cross-origin');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(VARIANT_CONTENT_TYPES[format]).send(variant.data);
  });
}

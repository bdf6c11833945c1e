import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError, type FieldErrors } from '../../errors.ts';
import { stripInvisibleControls } from '../../arabic/normalize.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import { assertRole, type Actor } from '../users/actor.ts';
import type { ImageProcessor } from './image-processing.ts';
import { MEDIA_LIMITS, VARIANT_WIDTHS, type MediaItem, type MediaTextInput, type MediaVariant, type MediaVariantFormat } from './media.ts';
import {
  articlesUsingMedia,
  countMedia,
  deleteMedia,
  findMediaById,
  findMediaByIds,
  findMediaBySha256,
  findVariant,
  insertMediaWithVariants,
  listMedia,
} from './media.repository.ts';

export interface MediaService {
  /**
   * Checks, encodes and stores an image with its alt text. The same file uploaded again is not
   * stored twice: the existing item comes back with `created: false` (its own texts unchanged).
   * Any newsroom role may upload.
   */
  upload(actor: Actor, input: MediaTextInput & { bytes: Buffer }, context?: { ip?: string | null }): Promise<{ item: MediaItem; created: boolean }>;
  /** A page of the library, newest first; `q` looks in alt text, caption and credit. */
  list(actor: Actor, filter?: { q?: string | null; offset?: number; limit?: number }): Promise<{ items: MediaItem[]; total: number }>;
  /** One image; throws MEDIA_NOT_FOUND. */
  get(id: number): Promise<MediaItem>;
  /** The images with these ids, by id (unknown ids are simply absent): what pages need to draw them. */
  byIds(ids: readonly number[]): Promise<Map<number, MediaItem>>;
  /**
   * One encoded variant for the public image route, or undefined. A standard width (320, 640, 1024,
   * 1600) finds the widest variant not wider than it; any other width only its exact variant.
   */
  variant(id: number, width: number, format: MediaVariantFormat): Promise<MediaVariant | undefined>;
  /** Deletes an image (editors and admins); MEDIA_IN_USE while any article uses it. */
  remove(actor: Actor, id: number, context?: { ip?: string | null }): Promise<void>;
}

const NEWSROOM_ROLES = ['writer', 'editor', 'admin'] as const;

// C0 and C1 controls (tabs and line breaks included: these are one-line texts) become spaces.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One line of text as typed, without controls or bidi overrides; null when nothing is left. */
function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = stripInvisibleControls(value.replace(CONTROL_CHARACTERS, ' ')).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Checks and cleans the texts of an upload; VALIDATION_FAILED names each bad field in Arabic. */
export function validateMediaText(input: MediaTextInput): { alt: string; caption: string | null; credit: string | null } {
  const fields: FieldErrors = {};
  const alt = cleanText(typeof input.alt === 'string' ? input.alt : null);
  const caption = cleanText(typeof input.caption === 'string' ? input.caption : null);
  const credit = cleanText(typeof input.credit === 'string' ? input.credit : null);
  if (!alt) fields.alt = 'النص البديل مطلوب: صِف ما في الصورة لمن لا يراها.';
  else if (alt.length > MEDIA_LIMITS.altMax) fields.alt = `النص البديل أطول من ${MEDIA_LIMITS.altMax} حرف؛ اختصره.`;
  if (caption && caption.length > MEDIA_LIMITS.captionMax) fields.caption = `التعليق أطول من ${MEDIA_LIMITS.captionMax} حرف؛ اختصره.`;
  if (credit && credit.length > MEDIA_LIMITS.creditMax) fields.credit = `اسم المصوّر أو المصدر أطول من ${MEDIA_LIMITS.creditMax} حرف.`;
  if (Object.keys(fields).length > 0 || !alt) throw new AppError('VALIDATION_FAILED', { fields });
  return { alt, caption, credit };
}

/** The media library: uploads, the library list, the public variants and deletion. */
export function createMediaService(deps: { db: Kysely<Database>; clock: Clock; audit: AuditService; processor: ImageProcessor }): MediaService {
  const { db, clock, audit, processor } = deps;

  return {
    async upload(actor, input, context = {}) {
      assertRole(actor, ...NEWSROOM_ROLES);
      const text = validateMediaText(input);
      const bytes = input.bytes;
      if (bytes.length > MEDIA_LIMITS.maxBytes) throw new AppError('MEDIA_TOO_LARGE', { details: `${bytes.length} bytes` });
      // The same file again: no decoding at all.
      const sha256 = processor.hash(bytes);
      const earlier = await findMediaBySha256(db, sha256);
      if (earlier) return { item: earlier, created: false };

      // Decoding and encoding take seconds of CPU: done before the transaction, which only writes.
      const image = await processor.process(bytes);
      try {
        const item = await db.transaction().execute(async (trx) => {
          const stored = await insertMediaWithVariants(
            trx,
            { sha256: image.sha256, width: image.width, height: image.height, format: image.format, bytes: image.bytes, ...text, uploadedBy: actor.userId, createdAt: clock.now().getTime() },
            image.variants,
          );
          await audit.record(
            { action: 'media.uploaded', userId: actor.userId, subject: `media:${stored.id}`, ip: context.ip ?? null, details: { format: image.format, width: image.width, height: image.height, bytes: image.bytes } },
            trx,
          );
          return stored;
        });
        return { item, created: true };
      } catch (error) {
        // Two uploads of the same file at once: the second insert breaks the UNIQUE sha256; the first one's row is the answer.
        const winner = await findMediaBySha256(db, sha256);
        if (winner) return { item: winner, created: false };
        throw error;
      }
    },

    async list(actor, filter = {}) {
      assertRole(actor, ...NEWSROOM_ROLES);
      const q = cleanText(filter.q ?? null)?.slice(0, MEDIA_LIMITS.queryMax) ?? undefined;
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? MEDIA_LIMITS.pageSize), 1), MEDIA_LIMITS.pageSizeMax);
      const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
      const where = q ? { q } : {};
      const [items, total] = await Promise.all([listMedia(db, { ...where, limit, offset }), countMedia(db, where)]);
      return { items, total };
    },

    async get(id) {
      const item = Number.isSafeInteger(id) ? await findMediaById(db, id) : undefined;
      if (!item) throw new AppError('MEDIA_NOT_FOUND', { details: `media ${id}` });
      return item;
    },

    async byIds(ids) {
      const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
      const items = await findMediaByIds(db, wanted);
      return new Map(items.map((item) => [item.id, item]));
    },

    async variant(id, width, format) {
      // A standard width always answers: an image narrower than it is served at its own largest size,
      // so pages and the editor can ask for /640.webp of any image.
      const standard = (VARIANT_WIDTHS as readonly number[]).includes(width);
      return findVariant(db, id, width, format, standard ? 'at-most' : 'exact');
    },

    async remove(actor, id, context = {}) {
      assertRole(actor, 'editor', 'admin');
      await db.transaction().execute(async (trx) => {
        const item = await findMediaById(trx, id);
        if (!item) throw new AppError('MEDIA_NOT_FOUND', { details: `media ${id}` });
        const users = await articlesUsingMedia(trx, id);
        if (users.length > 0) throw new AppError('MEDIA_IN_USE', { details: `articles ${users.join(', ')}` });
        await deleteMedia(trx, id);
        await audit.record({ action: 'media.deleted', userId: actor.userId, subject: `media:${id}`, ip: context.ip ?? null, details: { sha256: item.sha256, alt: item.alt } }, trx);
      });
    },
  };
}

import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, MediaTable } from '../../db/database.ts';
import type { EncodedVariant } from './image-processing.ts';
import type { MediaFormat, MediaItem, MediaVariant, MediaVariantFormat } from './media.ts';

type Executor = Kysely<Database> | Transaction<Database>;

function toItem(row: Selectable<MediaTable>, widths: number[]): MediaItem {
  return {
    id: row.id,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    format: row.format,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    uploadedBy: row.uploaded_by,
    createdAt: new Date(Number(row.created_at)),
    widths,
  };
}

/** Variant widths by media id (every format has the same widths; WebP is always there). */
async function widthsOf(db: Executor, ids: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('media_variants')
    .select(['media_id', 'width'])
    .where('media_id', 'in', ids)
    .where('format', '=', 'webp')
    .orderBy('media_id')
    .orderBy('width')
    .execute();
  for (const row of rows) {
    const list = out.get(row.media_id) ?? [];
    list.push(row.width);
    out.set(row.media_id, list);
  }
  return out;
}

async function withWidths(db: Executor, rows: Selectable<MediaTable>[]): Promise<MediaItem[]> {
  const widths = await widthsOf(db, rows.map((r) => r.id));
  return rows.map((row) => toItem(row, widths.get(row.id) ?? []));
}

/** The image with this id, or undefined. */
export async function findMediaById(db: Executor, id: number): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withWidths(db, [row]))[0];
}

/** The image uploaded with exactly these bytes, or undefined. */
export async function findMediaBySha256(db: Executor, sha256: string): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row && (await withWidths(db, [row]))[0];
}

/** The images with these ids (unknown ids left out). */
export async function findMediaByIds(db: Executor, ids: readonly number[]): Promise<MediaItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
  return withWidths(db, rows);
}

/** What a new image row holds. */
export interface NewMediaRow {
  sha256: string;
  width: number;
  height: number;
  format: MediaFormat;
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  uploadedBy: number | null;
  createdAt: number;
}

/** Inserts an image and its variants (call in a transaction: both or neither). */
export async function insertMediaWithVariants(db: Executor, row: NewMediaRow, variants: readonly EncodedVariant[]): Promise<MediaItem> {
  const inserted = await db
    .insertInto('media')
    .values({
      sha256: row.sha256,
      width: row.width,
      height: row.height,
      format: row.format,
      bytes: row.bytes,
      alt: row.alt,
      caption: row.caption,
      credit: row.credit,
      uploaded_by: row.uploadedBy,
      created_at: row.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // One row at a time: a few hundred kilobytes each, and one statement per blob keeps memory flat.
  for (const variant of variants) {
    await db
      .insertInto('media_variants')
      .values({ media_id: inserted.id, width: variant.width, format: variant.format, height: variant.height, bytes: variant.data.length, data: variant.data })
      .execute();
  }
  const widths = [...new Set(variants.filter((v) => v.format === 'webp').map((v) => v.width))].sort((a, b) => a - b);
  return toItem(inserted, widths);
}

/** `text LIKE '%q%'` with the query's own % and _ taken literally, the same on both engines. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchFilter(q: string | undefined) {
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return sql<boolean>`(alt like ${pattern} escape '\\' or coalesce(caption, '') like ${pattern} escape '\\' or coalesce(credit, '') like ${pattern} escape '\\')`;
}

/** A page of the library, newest first, optionally only images whose alt, caption or credit contain `q`. */
export async function listMedia(db: Executor, filter: { q?: string; limit: number; offset: number }): Promise<MediaItem[]> {
  let query = db.selectFrom('media').selectAll();
  const where = searchFilter(filter.q);
  if (where) query = query.where(where);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return withWidths(db, rows);
}

/** How many images the same filter finds. */
export async function countMedia(db: Executor, filter: { q?: string }): Promise<number> {
  let query = db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n'));
  const where = searchFilter(filter.q);
  if (where) query = query.where(where);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored variant of exactly this width (`exact`), or the widest one not wider (`at-most`); undefined when none. */
export async function findVariant(
  db: Executor,
  mediaId: number,
  width: number,
  format: MediaVariantFormat,
  match: 'exact' | 'at-most',
): Promise<MediaVariant | undefined> {
  const row = await db
    .selectFrom('media_variants')
    .innerJoin('media', 'media.id', 'media_variants.media_id')
    .select(['media_variants.media_id', 'media_variants.width', 'media_variants.height', 'media_variants.format', 'media_variants.data', 'media.sha256'])
    .where('media_variants.media_id', '=', mediaId)
    .where('media_variants.width', match === 'exact' ? '=' : '<=', width)
    .where('media_variants.format', '=', format)
    .orderBy('media_variants.width', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return { mediaId: row.media_id, width: row.width, height: row.height, format: row.format, data: Buffer.from(row.data), sha256: row.sha256 };
}

/**
 * Ids of the articles (any status) that use this image: as their featured image, or in the body as
 * an image node. The LIKE finds candidates cheaply; reading each candidate's document confirms it,
 * so image 12 is not taken for image 123.
 */
export async function articlesUsingMedia(db: Executor, mediaId: number): Promise<number[]> {
  const featured = await db.selectFrom('articles').select('id').where('featured_media_id', '=', mediaId).execute();
  const candidates = await db
    .selectFrom('articles')
    .select(['id', 'body_doc'])
    .where('body_doc', 'like', `%"mediaId":${mediaId}%`)
    .execute();
  const inBody = candidates.filter((row) => documentUsesMedia(row.body_doc, mediaId)).map((row) => row.id);
  return [...new Set([...featured.map((r) => r.id), ...inBody])].sort((a, b) => a - b);
}

function documentUsesMedia(json: string, mediaId: number): boolean {
  let found = false;
  try {
    JSON.parse(json, (key, value: unknown) => {
      if (key === 'mediaId' && value === mediaId) found = true;
      return value;
    });
  } catch {
    return false;
  }
  return found;
}

/** Deletes an image; its variants go with it (ON DELETE CASCADE). True when a row was deleted. */
export async function deleteMedia(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('media').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

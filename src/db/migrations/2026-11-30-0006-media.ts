import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

/** A surrogate integer key that both engines generate. */
function idColumn(dialect: Dialect) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
}

/** A CHECK (column IN (...)) over fixed literals (never user input). */
function sqlIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

/**
 * The media library: one row per distinct uploaded image (identified by the sha-256 of the bytes
 * as uploaded) and its encoded variants. The variants live in the database, not on a local disk,
 * so that every instance sharing one PostgreSQL serves the same images.
 *
 * The uploaded file itself is not kept: it may carry metadata (GPS position, camera serial) that
 * must never be published, and it can weigh 20 MB. The 1600 px variants (or the full size of a
 * narrower image) are the largest any page uses; a new size would mean uploading again.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('media')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    // Dimensions after applying the EXIF orientation: what readers see.
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    // Detected from the content, never from the file name or the declared type.
    .addColumn('format', 'text', (c) => c.notNull().check(sqlIn('format', ['jpeg', 'png', 'webp', 'avif'])))
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('credit', 'text')
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('media_variants')
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sqlIn('format', ['webp', 'avif'])))
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    // The same bytes on both engines: a BLOB in SQLite, bytea in PostgreSQL.
    .addColumn('data', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_variants_pkey', ['media_id', 'width', 'format'])
    .execute();
}

/** Drops everything `up` created, dependants first. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_variants').execute();
  await db.schema.dropIndex('media_created').execute();
  await db.schema.dropTable('media').execute();
}

import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SectionsTable } from '../../db/database.ts';
import type { Section } from './section.ts';

type Executor = Kysely<Database> | Transaction<Database>;

function toSection(row: Selectable<SectionsTable>): Section {
  return { id: row.id, slug: row.slug, name: row.name, position: row.position };
}

/** All sections in menu order. */
export async function listSections(db: Executor): Promise<Section[]> {
  const rows = await db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toSection);
}

/** The section with this slug, or undefined. */
export async function findSectionBySlug(db: Executor, slug: string): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toSection(row);
}

/** The section with this exact name, or undefined. */
export async function findSectionByName(db: Executor, name: string): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toSection(row);
}

/** Inserts a section and returns it. */
export async function insertSection(
  db: Executor,
  input: { slug: string; name: string; position: number; createdAt: number },
): Promise<Section> {
  const row = await db
    .insertInto('sections')
    .values({ slug: input.slug, name: input.name, position: input.position, created_at: input.createdAt })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSection(row);
}

/** The next free menu position. */
export async function nextSectionPosition(db: Executor): Promise<number> {
  const row = await db.selectFrom('sections').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
  return Number(row?.max ?? -1) + 1;
}

/** The section with this id, or undefined. */
export async function findSectionById(db: Executor, id: number): Promise<Section | undefined> {
  const row = await db.selectFrom('sections').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSection(row);
}

/** Renames a section (its slug, and so its URL, stays). */
export async function updateSectionName(db: Executor, id: number, name: string): Promise<void> {
  await db.updateTable('sections').set({ name }).where('id', '=', id).execute();
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { slugify } from '../../arabic/slug.ts';
import type { Clock } from '../clock.ts';
import type { Section } from './section.ts';
import {
  findSectionByName,
  findSectionBySlug,
  insertSection,
  listSections,
  nextSectionPosition,
} from './sections.repository.ts';

export interface SectionService {
  list(): Promise<Section[]>;
  /** The section by slug; throws SECTION_NOT_FOUND. */
  getBySlug(slug: string): Promise<Section>;
  /** Finds a section by slug or exact name, or undefined. */
  find(slugOrName: string): Promise<Section | undefined>;
  /** The section with this name, created at the end of the menu if it does not exist yet. */
  ensure(name: string, trx?: Transaction<Database>, slug?: string): Promise<Section>;
}

/** Sections: listing, lookup, and creating the ones agency copy names. */
export function createSectionService(deps: { db: Kysely<Database>; clock: Clock }): SectionService {
  const { db, clock } = deps;
  return {
    list: () => listSections(db),
    async getBySlug(slug) {
      const section = await findSectionBySlug(db, slug);
      if (!section) throw new AppError('SECTION_NOT_FOUND', { details: slug });
      return section;
    },
    async find(slugOrName) {
      return (await findSectionBySlug(db, slugOrName)) ?? (await findSectionByName(db, slugOrName.trim()));
    },
    async ensure(name, trx, slug) {
      const executor = trx ?? db;
      const cleanName = name.trim();
      const existing = await findSectionByName(executor, cleanName);
      if (existing) return existing;
      const base = slug ?? (slugify(cleanName, 60) || 'section');
      let candidate = base;
      for (let n = 2; await findSectionBySlug(executor, candidate); n++) candidate = `${base}-${n}`;
      return insertSection(executor, {
        slug: candidate,
        name: cleanName,
        position: await nextSectionPosition(executor),
        createdAt: clock.now().getTime(),
      });
    },
  };
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { slugify } from '../../arabic/slug.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { ContentEvents } from '../content-events.ts';
import { assertRole, type Actor } from '../users/actor.ts';
import { cleanLabel } from '../users/user.ts';
import type { Section } from './section.ts';
import {
  findSectionById,
  findSectionByName,
  findSectionBySlug,
  insertSection,
  listSections,
  nextSectionPosition,
  updateSectionName,
} from './sections.repository.ts';

const MAX_SECTION_NAME_CHARS = 60;
const SECTION_NAME_MESSAGE = `اكتب اسماً للقسم من حرف واحد إلى ${MAX_SECTION_NAME_CHARS} حرفاً.`;
const SECTION_NAME_TAKEN = 'يوجد قسم بهذا الاسم؛ اختر اسماً آخر.';

/** A section name from a form: cleaned like a person's name (no control or bidi-override characters), or VALIDATION_FAILED. */
function parseSectionName(name: unknown): string {
  const cleaned = cleanLabel(name, MAX_SECTION_NAME_CHARS);
  if (cleaned === null) throw new AppError('VALIDATION_FAILED', { fields: { name: SECTION_NAME_MESSAGE } });
  return cleaned;
}

export interface SectionService {
  list(): Promise<Section[]>;
  /** The section by slug; throws SECTION_NOT_FOUND. */
  getBySlug(slug: string): Promise<Section>;
  /** Finds a section by slug or exact name, or undefined. */
  find(slugOrName: string): Promise<Section | undefined>;
  /** The section with this name, created at the end of the menu if it does not exist yet. */
  ensure(name: string, trx?: Transaction<Database>, slug?: string): Promise<Section>;
  /** Adds a section at the end of the menu (administrators only); its slug comes from the name. */
  create(actor: Actor, input: { name: unknown }, context?: { ip?: string | null }): Promise<Section>;
  /** Renames a section (administrators only); the slug, and so every URL, stays. */
  rename(actor: Actor, sectionId: number, name: unknown, context?: { ip?: string | null }): Promise<Section>;
}

/** Sections: listing, lookup, and creating the ones agency copy names. */
export function createSectionService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  /** Told after a rename, so that every cached page (the menu is on each) is dropped. */
  events?: ContentEvents;
  audit?: AuditService;
}): SectionService {
  const { db, clock, events, audit } = deps;
  const service: SectionService = {
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
    async create(actor, input, context = {}) {
      assertRole(actor, 'admin');
      const name = parseSectionName(input.name);
      if (await findSectionByName(db, name)) throw new AppError('VALIDATION_FAILED', { fields: { name: SECTION_NAME_TAKEN } });
      const section = await db.transaction().execute(async (trx) => {
        const created = await service.ensure(name, trx);
        await audit?.record({ action: 'section.created', userId: actor.userId, subject: `section:${created.id}`, ip: context.ip ?? null, details: { name } }, trx);
        return created;
      });
      events?.emit({ type: 'section.changed', sectionId: section.id });
      return section;
    },
    async rename(actor, sectionId, name, context = {}) {
      assertRole(actor, 'admin');
      const newName = parseSectionName(name);
      const section = Number.isSafeInteger(sectionId) ? await findSectionById(db, sectionId) : undefined;
      if (!section) throw new AppError('SECTION_NOT_FOUND', { details: String(sectionId) });
      if (section.name === newName) return section;
      const taken = await findSectionByName(db, newName);
      if (taken && taken.id !== section.id) throw new AppError('VALIDATION_FAILED', { fields: { name: SECTION_NAME_TAKEN } });
      await db.transaction().execute(async (trx) => {
        await updateSectionName(trx, section.id, newName);
        await audit?.record(
          { action: 'section.renamed', userId: actor.userId, subject: `section:${section.id}`, ip: context.ip ?? null, details: { from: section.name, to: newName } },
          trx,
        );
      });
      events?.emit({ type: 'section.changed', sectionId: section.id });
      return { ...section, name: newName };
    },
  };
  return service;
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { slugify } from '../../arabic/slug.ts';
import type { Clock } from '../clock.ts';
import type { Tag } from './tag.ts';
import { findTagByName, findTagBySlug, findTagsContaining, insertTag, setArticleTags, tagsOfArticles } from './tags.repository.ts';

export interface TagService {
  /** The tag by slug; throws TAG_NOT_FOUND. */
  getBySlug(slug: string): Promise<Tag>;
  /** Tags with these names, creating the missing ones; duplicates and blanks dropped. */
  ensureAll(names: readonly string[], trx?: Transaction<Database>): Promise<Tag[]>;
  tagsOf(articleIds: readonly number[]): Promise<Map<number, Tag[]>>;
  /** Up to `limit` existing tags whose name contains the text (the newsroom's autocomplete). */
  suggest(text: string, limit: number): Promise<Tag[]>;
  setForArticle(articleId: number, tagIds: readonly number[], trx?: Transaction<Database>): Promise<void>;
}

/** Tags: lookup and creation from names the newsroom or an import gives. */
export function createTagService(deps: { db: Kysely<Database>; clock: Clock }): TagService {
  const { db, clock } = deps;
  return {
    async getBySlug(slug) {
      const tag = await findTagBySlug(db, slug);
      if (!tag) throw new AppError('TAG_NOT_FOUND', { details: slug });
      return tag;
    },
    async ensureAll(names, trx) {
      const executor = trx ?? db;
      const out: Tag[] = [];
      for (const raw of names) {
        const name = raw.trim().replace(/\s+/g, ' ');
        if (!name || out.some((t) => t.name === name)) continue;
        const existing = await findTagByName(executor, name);
        if (existing) {
          out.push(existing);
          continue;
        }
        const base = slugify(name, 60) || 'tag';
        let candidate = base;
        for (let n = 2; await findTagBySlug(executor, candidate); n++) candidate = `${base}-${n}`;
        out.push(await insertTag(executor, { slug: candidate, name, createdAt: clock.now().getTime() }));
      }
      return out;
    },
    tagsOf: (ids) => tagsOfArticles(db, ids),
    async suggest(text, limit) {
      const cleaned = text.trim().replace(/\s+/g, ' ');
      return cleaned === '' ? [] : findTagsContaining(db, cleaned, limit);
    },
    setForArticle: (articleId, tagIds, trx) => setArticleTags(trx ?? db, articleId, tagIds),
  };
}

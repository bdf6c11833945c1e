import { z } from 'zod';
import { decodeTextFile, deriveSourceKind, isFurnitureLine, parseWireCopy } from '../../arabic/wire-copy.ts';
import { AppError, isAppError } from '../../errors.ts';
import { documentFromParagraphs } from '../articles/article-document.ts';
import type { Article } from '../articles/article.ts';
import type { ArticleService } from '../articles/articles.service.ts';
import type { SectionService } from '../sections/sections.service.ts';
import { sectionNameForCorpusKey } from './corpus-sections.ts';

/** The outcome of importing one file or one line: an article (new or already there) or a reason. */
export type ImportOutcome =
  | { ok: true; created: boolean; article: Article }
  | { ok: false; code: string; message: string };

/** A line of the corpus format (also what demo/articles.jsonl holds). */
const corpusLineSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().max(200).optional(),
  section: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(200_000),
  published: z.string().datetime({ offset: true }),
  url: z.string().max(2000).optional(),
  author: z.string().max(200).optional().default(''),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).optional().default([]),
});

export interface ImportService {
  /** Imports agency copy in the reference layout from the bytes of a text file. Never throws for bad input. */
  importWireCopy(
    bytes: Uint8Array,
    options: { origin: string; publish: boolean; section?: string; publishedAt?: Date; tags?: readonly string[] },
  ): Promise<ImportOutcome>;
  /** Imports one line of the corpus JSONL format. Never throws for bad input. */
  importCorpusLine(line: string, options: { publish: boolean; computeRelated: boolean }): Promise<ImportOutcome>;
}

function failure(error: unknown): { ok: false; code: string; message: string } {
  if (isAppError(error)) {
    const fields = error.fields ? ` (${Object.values(error.fields).join(' ')})` : '';
    return { ok: false, code: error.code, message: error.arabicMessage + fields };
  }
  throw error;
}

/** Turning outside text (agency copy, corpus files) into articles. */
export function createImportService(deps: { articles: ArticleService; sections: SectionService }): ImportService {
  const { articles, sections } = deps;
  return {
    async importWireCopy(bytes, options) {
      const decoded = decodeTextFile(bytes);
      if (!decoded.ok) return { ok: false, code: decoded.code, message: decoded.message };
      const parsed = parseWireCopy(decoded.text, { sectionKnown: options.section !== undefined });
      if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
      const { draft } = parsed;
      try {
        let section;
        if (options.section !== undefined) {
          section = await sections.find(options.section);
          if (!section) throw new AppError('SECTION_NOT_FOUND', { details: options.section });
        } else {
          section = await sections.ensure(draft.sectionName ?? 'أخبار');
        }
        const result = await articles.create({
          headline: draft.headline,
          byline: draft.byline,
          sourceKind: draft.sourceKind,
          sectionId: section.id,
          body: documentFromParagraphs(draft.paragraphs),
          tags: options.tags ?? [],
          status: options.publish ? 'published' : 'draft',
          ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
          origin: options.origin,
        });
        return { ok: true, ...result };
      } catch (error) {
        return failure(error);
      }
    },

    async importCorpusLine(line, options) {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return { ok: false, code: 'INVALID_JSON', message: 'السطر ليس JSON صالحاً.' };
      }
      const parsed = corpusLineSchema.safeParse(json);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => i.path.join('.') || '(السطر)').join('، ');
        return { ok: false, code: 'VALIDATION_FAILED', message: `حقول غير صالحة: ${fields}` };
      }
      const row = parsed.data;
      try {
        const section = await sections.ensure(sectionNameForCorpusKey(row.section));
        const byline = row.author.trim() || null;
        // Page furniture copied with the text (share buttons, "للمزيد: …" links to other stories) is
        // dropped as it is from agency copy: it is not the article, and search would find it.
        const paragraphs = row.body.split('\n').map((p) => p.trim()).filter((p) => p !== '' && !isFurnitureLine(p));
        const result = await articles.create({
          headline: row.title,
          byline,
          sourceKind: deriveSourceKind(byline),
          sectionId: section.id,
          body: documentFromParagraphs(paragraphs),
          tags: row.tags,
          status: options.publish ? 'published' : 'draft',
          publishedAt: new Date(row.published),
          origin: `corpus:${row.id}`,
          skipRelated: !options.computeRelated,
        });
        return { ok: true, ...result };
      } catch (error) {
        return failure(error);
      }
    },
  };
}

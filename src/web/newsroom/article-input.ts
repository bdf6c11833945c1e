import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ArticleDraft } from '../../content/articles/article-desk.ts';
import { ARTICLE_LIMITS } from '../../content/articles/article.ts';
import { parseEditorDocument } from '../../content/articles/editor-document.ts';

/**
 * What the newsroom's article endpoints accept, checked with zod at the edge. The service checks
 * the limits again and decides what is allowed; the body goes through the document allowlist
 * (parseEditorDocument) here, whatever the client sent.
 */

// Generous outer bounds: a field past them is refused before anything else reads it; the service's
// own limits (on the cleaned text) say the precise thing to the editor.
const SLACK = 2;
const shortText = (max: number) => z.string().max(max * SLACK);
const nullableText = (max: number) =>
  z
    .string()
    .max(max * SLACK)
    .nullable()
    .optional()
    .transform((value) => (value === undefined || value === null || value.trim() === '' ? null : value));

const draftSchema = z.object({
  headline: shortText(ARTICLE_LIMITS.headlineMax),
  dek: nullableText(ARTICLE_LIMITS.dekMax),
  byline: nullableText(ARTICLE_LIMITS.bylineMax),
  sourceKind: z.enum(['wires', 'staff', 'other']),
  sectionId: z.number().int().positive().max(2_147_483_647),
  tags: z.array(shortText(ARTICLE_LIMITS.tagNameMax)).max(ARTICLE_LIMITS.tagsMax * SLACK).default([]),
  slug: nullableText(200),
  body: z.unknown(),
  featuredMediaId: z.number().int().positive().max(2_147_483_647).nullable().optional().transform((v) => v ?? null),
  featuredAlt: nullableText(300),
});

const version = z.number().int().min(0).max(2_147_483_647);

const schemas = {
  create: z.object({ draft: draftSchema }),
  save: z.object({ draft: draftSchema, version, reason: z.enum(['save', 'autosave']).default('save') }),
  transition: z.object({ version }),
  schedule: z.object({ version, at: z.iso.datetime({ offset: true }) }),
  note: z.object({ kind: z.enum(['correction', 'clarification', 'update']), text: z.string().trim().min(1).max(2_000) }),
  restore: z.object({ number: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().min(0).max(2_147_483_647) }),
  compare: z.object({ from: z.coerce.number().int().positive().max(2_147_483_647), to: z.coerce.number().int().positive().max(2_147_483_647) }),
  wire: z.object({ text: z.string().min(1).max(500_000) }),
  deskQuery: z.object({
    list: z.enum(['mine', 'review', 'scheduled', 'published-today', 'all']).optional(),
    q: z.string().max(200).optional(),
    section: z.union([z.literal(''), z.coerce.number().int().positive().max(2_147_483_647)]).optional(),
    status: z.enum(['', 'draft', 'review', 'scheduled', 'published', 'unpublished']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  }),
  tagQuery: z.object({ q: z.string().max(100).default('') }),
} as const;

type Schemas = typeof schemas;

/** Arabic for the kinds of problem zod reports; the field is named by the caller's labels. */
function fieldMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return 'القيمة أطول أو أكبر من المسموح.';
    case 'too_small':
      return 'هذا الحقل مطلوب.';
    case 'invalid_type':
      return 'القيمة ناقصة أو من نوع غير صحيح.';
    case 'invalid_value':
      return 'القيمة ليست من الخيارات المتاحة.';
    case 'invalid_format':
      return 'الصيغة غير صحيحة.';
    default:
      return 'القيمة غير صالحة.';
  }
}

/** Parses a request part with one of the newsroom's schemas; VALIDATION_FAILED with per-field Arabic messages otherwise. */
export function parseInput<K extends keyof Schemas>(kind: K, value: unknown): z.output<Schemas[K]> {
  const parsed = schemas[kind].safeParse(value ?? {});
  if (parsed.success) return parsed.data as z.output<Schemas[K]>;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // The editor shows errors by field name; "draft.headline" is the headline field.
    const path = issue.path.filter((part) => part !== 'draft').map(String);
    const name = path[0] ?? 'form';
    fields[name] ??= fieldMessage(issue);
  }
  throw new AppError('VALIDATION_FAILED', { fields, details: parsed.error.message.slice(0, 500) });
}

/** The draft of a create or save request, its body through the document allowlist. */
export function draftFrom(input: z.output<typeof draftSchema>): ArticleDraft {
  return {
    headline: input.headline,
    dek: input.dek,
    byline: input.byline,
    sourceKind: input.sourceKind,
    sectionId: input.sectionId,
    tags: input.tags,
    slug: input.slug,
    body: parseEditorDocument(input.body),
    featuredMediaId: input.featuredMediaId,
    featuredAlt: input.featuredAlt,
  };
}

/** An article id from the URL; anything but a plain number is an article that does not exist. */
export function articleIdParam(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) throw new AppError('ARTICLE_NOT_FOUND');
  return Number(raw);
}

import { z } from 'zod';
import { stripInvisibleControls } from '../../arabic/normalize.ts';
import { slugify } from '../../arabic/slug.ts';
import { AppError, type FieldErrors } from '../../errors.ts';
import type { ArticleDraft } from './article-desk.ts';
import { documentParagraphs, type ArticleDocument, type BlockNode } from './article-document.ts';
import { ARTICLE_LIMITS } from './article.ts';
import { cleanLineText, cleanText, parseEditorDocument } from './editor-document.ts';

/**
 * The editor's draft at the edge of the desk: what a client may send, how it is cleaned, the
 * Arabic messages for each field, and what publishing needs beyond a draft.
 */

/** Notes readers see under an article: this many characters at most. */
export const NOTE_MAX_CHARS = 2000;
export const FIELD_MESSAGES = {
  headline: 'العنوان مطلوب.',
  headlineLong: `العنوان أطول من ${ARTICLE_LIMITS.headlineMax} حرف؛ اختصره.`,
  dek: `الموجز أطول من ${ARTICLE_LIMITS.dekMax} حرف؛ اختصره.`,
  byline: `سطر الكاتب أطول من ${ARTICLE_LIMITS.bylineMax} حرف.`,
  sourceKind: 'اختر نوع المصدر: وكالات أو مراسلون أو غير ذلك.',
  sectionId: 'اختر قسماً للمقال.',
  sectionMissing: 'القسم المختار غير موجود؛ اختر قسماً من القائمة.',
  tags: `لا يزيد عدد الوسوم على ${ARTICLE_LIMITS.tagsMax}، ولا اسم الوسم على ${ARTICLE_LIMITS.tagNameMax} حرفاً.`,
  slug: 'الرابط المختصر أطول من المسموح.',
  body: 'نص المقال غير صالح؛ أعد تحميل المحرر وحاول مرة أخرى.',
  bodyLong: 'نص المقال أطول من المسموح؛ قسّمه إلى أكثر من مقال.',
  bodyEmpty: 'لا يُنشر مقال بلا نص؛ اكتب النص أولاً.',
  bodyImageAlt: 'لكل صورة في النص نص بديل يصف ما فيها؛ أكمله قبل النشر.',
  bodyImageMissing: 'في النص صورة لم تعد في مكتبة الوسائط؛ احذفها أو اختر غيرها.',
  featuredMediaId: 'الصورة البارزة غير موجودة في مكتبة الوسائط؛ اختر صورة أخرى.',
  featuredAlt: 'اكتب نصاً بديلاً للصورة البارزة يصف ما فيها لمن لا يراها.',
  featuredAltLong: `النص البديل أطول من ${300} حرف؛ اختصره.`,
  scheduledAt: 'موعد النشر يجب أن يكون في المستقبل.',
  noteText: `اكتب نص الملاحظة (${NOTE_MAX_CHARS} حرف على الأكثر).`,
  noteKind: 'اختر نوع الملاحظة: تصحيح أو توضيح أو تحديث.',
  list: 'قائمة غير معروفة.',
  limit: 'عدد غير صالح.',
  hours: 'مدة البحث غير صالحة.',
} as const;

export function validationError(fields: FieldErrors): AppError {
  return new AppError('VALIDATION_FAILED', { fields });
}

const nullableText = (max: number) => z.string().max(max).nullable().optional();

// Raw bounds are generous (cleaning may remove characters); the cleaned text is checked again.
const draftSchema = z.object({
  headline: z.string().max(ARTICLE_LIMITS.headlineMax * 4),
  dek: nullableText(ARTICLE_LIMITS.dekMax * 4),
  byline: nullableText(ARTICLE_LIMITS.bylineMax * 4),
  sourceKind: z.enum(['wires', 'staff', 'other']).optional(),
  sectionId: z.number().int().positive().max(2_147_483_647),
  tags: z.array(z.string().max(ARTICLE_LIMITS.tagNameMax * 4)).max(ARTICLE_LIMITS.tagsMax * 2).optional(),
  slug: nullableText(400),
  body: z.object({ type: z.literal('doc'), content: z.array(z.unknown()).max(50_000) }).optional(),
  featuredMediaId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  featuredAlt: nullableText(1200),
});

const DRAFT_FIELD_MESSAGE: Record<string, string> = {
  headline: FIELD_MESSAGES.headline,
  dek: FIELD_MESSAGES.dek,
  byline: FIELD_MESSAGES.byline,
  sourceKind: FIELD_MESSAGES.sourceKind,
  sectionId: FIELD_MESSAGES.sectionId,
  tags: FIELD_MESSAGES.tags,
  slug: FIELD_MESSAGES.slug,
  body: FIELD_MESSAGES.body,
  featuredMediaId: FIELD_MESSAGES.featuredMediaId,
  featuredAlt: FIELD_MESSAGES.featuredAltLong,
};

/** A one-line field as create() stores it: no invisible controls, spaces collapsed; null when empty. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = stripInvisibleControls(cleanText(value)).replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Checks and cleans everything an editor sends, whatever the client: VALIDATION_FAILED names every
 * bad field in Arabic. A draft may be incomplete (an empty body); a headline and a section it needs.
 */
export function parseDraft(input: unknown): ArticleDraft {
  const parsed = draftSchema.safeParse(input);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'body');
      fields[field] ??= DRAFT_FIELD_MESSAGE[field] ?? FIELD_MESSAGES.body;
    }
    throw validationError(fields);
  }
  const raw = parsed.data;
  const fields: FieldErrors = {};
  const headline = cleanLine(raw.headline);
  if (!headline) fields.headline = FIELD_MESSAGES.headline;
  else if (headline.length > ARTICLE_LIMITS.headlineMax) fields.headline = FIELD_MESSAGES.headlineLong;
  const dek = cleanLineText(raw.dek, Number.MAX_SAFE_INTEGER);
  if (dek && dek.length > ARTICLE_LIMITS.dekMax) fields.dek = FIELD_MESSAGES.dek;
  const byline = cleanLine(raw.byline);
  if (byline && byline.length > ARTICLE_LIMITS.bylineMax) fields.byline = FIELD_MESSAGES.byline;
  const tags: string[] = [];
  for (const name of raw.tags ?? []) {
    const tag = cleanLine(name);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > ARTICLE_LIMITS.tagsMax || tags.some((t) => t.length > ARTICLE_LIMITS.tagNameMax)) fields.tags = FIELD_MESSAGES.tags;
  const featuredAlt = cleanLineText(raw.featuredAlt, Number.MAX_SAFE_INTEGER);
  if (featuredAlt && featuredAlt.length > 300) fields.featuredAlt = FIELD_MESSAGES.featuredAltLong;
  let body: ArticleDocument = { type: 'doc', content: [] };
  try {
    body = parseEditorDocument(raw.body ?? body);
    if (documentParagraphs(body).join('\n\n').length > ARTICLE_LIMITS.bodyMaxChars) fields.body = FIELD_MESSAGES.bodyLong;
  } catch (error) {
    if (!(error instanceof AppError) || !error.fields) throw error;
    Object.assign(fields, error.fields);
  }
  if (Object.keys(fields).length > 0) throw validationError(fields);
  const slug = cleanLine(raw.slug);
  return {
    headline: headline!,
    dek,
    byline,
    sourceKind: raw.sourceKind ?? 'staff',
    sectionId: raw.sectionId,
    tags,
    slug: slug && slugify(slug, 100) ? slug : null,
    body,
    featuredMediaId: raw.featuredMediaId ?? null,
    featuredAlt,
  };
}

/** Image nodes anywhere in a document (quotes and lists included). */
export function imagesOf(doc: ArticleDocument): { mediaId: number; alt: string }[] {
  const out: { mediaId: number; alt: string }[] = [];
  const walk = (blocks: readonly BlockNode[]) => {
    for (const block of blocks) {
      if (block.type === 'image') out.push(block.attrs);
      else if (block.type === 'blockquote') walk(block.content);
      else if (block.type === 'bulletList' || block.type === 'orderedList') for (const item of block.content) walk(item.content);
    }
  };
  walk(doc.content);
  return out;
}

/** What publishing needs beyond a draft: a body, and alt text for every image. */
export function publishProblems(draft: ArticleDraft): FieldErrors {
  const fields: FieldErrors = {};
  if (documentParagraphs(draft.body).length === 0) fields.body = FIELD_MESSAGES.bodyEmpty;
  else if (imagesOf(draft.body).some((image) => image.alt.trim() === '')) fields.body = FIELD_MESSAGES.bodyImageAlt;
  if (draft.featuredMediaId !== null && !draft.featuredAlt) fields.featuredAlt = FIELD_MESSAGES.featuredAlt;
  return fields;
}

/** A stored revision's draft; fields missing from older snapshots get their defaults. */
export function parseSnapshot(json: string): ArticleDraft {
  const value = JSON.parse(json) as Partial<ArticleDraft>;
  return {
    headline: value.headline ?? '',
    dek: value.dek ?? null,
    byline: value.byline ?? null,
    sourceKind: value.sourceKind ?? 'staff',
    sectionId: value.sectionId ?? 0,
    tags: value.tags ?? [],
    slug: value.slug ?? null,
    body: value.body ?? { type: 'doc', content: [] },
    featuredMediaId: value.featuredMediaId ?? null,
    featuredAlt: value.featuredAlt ?? null,
  };
}

import type { ArticleDraft, DeskList, RevisionReason } from '../../../content/articles/article-desk.ts';
import type { ArticleNoteKind } from '../../../content/articles/article-desk.ts';
import type { ArticleSourceKind, ArticleStatus } from '../../../content/articles/article.ts';

/** The newsroom's words for the states of an article. */
export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'مسودة',
  review: 'بانتظار المراجعة',
  scheduled: 'مجدول',
  published: 'منشور',
  unpublished: 'أُلغي نشره',
};

export const SOURCE_KIND_LABELS: Record<ArticleSourceKind, string> = {
  staff: 'محررونا',
  wires: 'وكالات الأنباء',
  other: 'مصدر آخر',
};

export const DESK_LIST_LABELS: Record<DeskList, string> = {
  mine: 'مسوداتي',
  review: 'بانتظار المراجعة',
  scheduled: 'المجدولة',
  'published-today': 'منشورات اليوم',
  all: 'الكل',
};

export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  create: 'إنشاء',
  save: 'حفظ',
  autosave: 'حفظ تلقائي',
  submit: 'إرسال للمراجعة',
  publish: 'نشر',
  schedule: 'جدولة',
  unpublish: 'إلغاء النشر',
  restore: 'استعادة نسخة',
};

export const NOTE_KIND_LABELS: Record<ArticleNoteKind, string> = {
  correction: 'تصحيح',
  clarification: 'توضيح',
  update: 'تحديث',
};

/** Names of the editor's fields, for comparisons and error summaries. */
export const DRAFT_FIELD_LABELS: Record<keyof ArticleDraft, string> = {
  headline: 'العنوان',
  dek: 'الموجز',
  byline: 'الكاتب',
  sourceKind: 'نوع المصدر',
  sectionId: 'القسم',
  tags: 'الوسوم',
  slug: 'الرابط',
  body: 'نص المقال',
  featuredMediaId: 'الصورة الرئيسية',
  featuredAlt: 'النص البديل للصورة الرئيسية',
};

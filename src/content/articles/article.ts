import type { ArticleSourceKind, ArticleStatus } from '../../db/database.ts';
import type { ArticleDocument } from './article-document.ts';

export type { ArticleSourceKind, ArticleStatus };

/** A whole article as the services hand it out. */
export interface Article {
  id: number;
  slug: string;
  sectionId: number;
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: ArticleSourceKind;
  body: ArticleDocument;
  bodyText: string;
  status: ArticleStatus;
  contentHash: string;
  origin: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  updatedAt: Date | null;
  modifiedAt: Date;
  /** The featured image (media library id) and its alt text as this article uses it. */
  featuredMediaId: number | null;
  featuredAlt: string | null;
}

/** What lists and cards need of an article. */
export interface ArticleSummary {
  id: number;
  slug: string;
  sectionId: number;
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: ArticleSourceKind;
  publishedAt: Date;
}

/** Input for a new article, from agency copy, an import or (later) the editor. */
export interface NewArticleInput {
  headline: string;
  dek?: string | null;
  byline?: string | null;
  sourceKind: ArticleSourceKind;
  sectionId: number;
  body: ArticleDocument;
  tags?: readonly string[];
  status: 'draft' | 'published';
  /** Defaults to now when status is published. */
  publishedAt?: Date;
  origin?: string | null;
  /** Preferred slug; derived from the headline when absent. */
  slug?: string;
  /** Bulk imports compute related lists once at the end instead of per article. */
  skipRelated?: boolean;
}

/** Outcome of creating an article: either new, or the existing copy of the same text. */
export type CreateArticleResult = { created: true; article: Article } | { created: false; article: Article };

/** Limits on stored text, enforced at the edge and again in the service. */
export const ARTICLE_LIMITS = {
  headlineMax: 300,
  dekMax: 600,
  bylineMax: 200,
  bodyMaxChars: 200_000,
  tagsMax: 20,
  tagNameMax: 60,
} as const;

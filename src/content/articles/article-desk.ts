/**
 * The newsroom's view of articles: the contract between the workflow service (article-desk.service.ts)
 * and the newsroom routes and editor. Types only.
 */
import type { ArticleNoteKind } from '../../db/database.ts';
import type { Actor } from '../users/actor.ts';
import type { ArticleDocument } from './article-document.ts';
import type { Article, ArticleSourceKind, ArticleStatus } from './article.ts';

export type { ArticleNoteKind };

/** Every field an editor edits; a revision stores exactly this. */
export interface ArticleDraft {
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: ArticleSourceKind;
  sectionId: number;
  /** Tag names in order; unknown names are created. */
  tags: string[];
  /** Null: derived from the headline. */
  slug: string | null;
  body: ArticleDocument;
  featuredMediaId: number | null;
  featuredAlt: string | null;
}

/** A correction, clarification or update shown on the article with its time. */
export interface ArticleNote {
  id: number;
  kind: ArticleNoteKind;
  text: string;
  createdAt: Date;
  userId: number | null;
}

/** An article as the editor loads it. */
export interface DeskArticle extends Article {
  version: number;
  authorId: number | null;
  scheduledAt: Date | null;
  tags: string[];
  featuredMediaId: number | null;
  featuredAlt: string | null;
  notes: ArticleNote[];
}

export type RevisionReason = 'create' | 'save' | 'autosave' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'restore';

export interface RevisionInfo {
  number: number;
  createdAt: Date;
  userId: number | null;
  userName: string | null;
  reason: RevisionReason;
}

/** One field's change between two revisions; body compared paragraph by paragraph. */
export type RevisionChange =
  | { field: Exclude<keyof ArticleDraft, 'body'>; before: string; after: string }
  | { field: 'body'; paragraphs: { kind: 'same' | 'added' | 'removed'; text: string }[] };

/** What the desk lists show. */
export interface DeskItem {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionId: number;
  authorId: number | null;
  authorName: string | null;
  modifiedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
}

export type DeskList = 'mine' | 'review' | 'scheduled' | 'published-today' | 'all';

export interface DeskFilter {
  list: DeskList;
  /** Words in the headline (analyzed like search). */
  q?: string;
  sectionId?: number;
  status?: ArticleStatus;
  limit: number;
  offset: number;
}

/** An article the wire desk found to be the same story. */
export interface NearDuplicate {
  id: number;
  headline: string;
  status: ArticleStatus;
  /** 0..1 estimated share of common shingles. */
  similarity: number;
  createdAt: Date;
}

/**
 * Every newsroom operation on articles. Each takes the actor and enforces the role rules
 * (FORBIDDEN otherwise); each state change is one transaction with a revision and an audit entry
 * (naming the address in `actor.client`, null for the CLI and publishDue). Saves carry the version
 * they edited; an older version, or one changed while the save ran, gets ARTICLE_VERSION_CONFLICT.
 */
export interface ArticleDesk {
  createDraft(actor: Actor, draft: ArticleDraft, origin?: string | null): Promise<DeskArticle>;
  get(actor: Actor, id: number): Promise<DeskArticle>;
  save(actor: Actor, id: number, draft: ArticleDraft, version: number, reason: 'save' | 'autosave'): Promise<DeskArticle>;
  submitForReview(actor: Actor, id: number, version: number): Promise<DeskArticle>;
  publish(actor: Actor, id: number, version: number): Promise<DeskArticle>;
  schedule(actor: Actor, id: number, at: Date, version: number): Promise<DeskArticle>;
  unpublish(actor: Actor, id: number, version: number): Promise<DeskArticle>;
  /** Back to draft from review or scheduled. */
  returnToDraft(actor: Actor, id: number, version: number): Promise<DeskArticle>;
  addNote(actor: Actor, id: number, kind: ArticleNoteKind, text: string): Promise<DeskArticle>;
  revisions(actor: Actor, id: number): Promise<RevisionInfo[]>;
  revision(actor: Actor, id: number, number: number): Promise<ArticleDraft>;
  compare(actor: Actor, id: number, from: number, to: number): Promise<RevisionChange[]>;
  restore(actor: Actor, id: number, number: number, version: number): Promise<DeskArticle>;
  list(actor: Actor, filter: DeskFilter): Promise<{ items: DeskItem[]; total: number }>;
  /** Same story published or drafted in the last `hours` (wire desk). */
  nearDuplicates(actor: Actor, text: { headline: string; bodyText: string }, hours: number): Promise<NearDuplicate[]>;
  /** Publishes every scheduled article whose time has come; returns their ids. Runs at start and every minute. */
  publishDue(): Promise<number[]>;
}

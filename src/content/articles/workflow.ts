import { AppError } from '../../errors.ts';
import type { Actor } from '../users/actor.ts';
import type { DeskList } from './article-desk.ts';
import type { ArticleStatus } from './article.ts';

/**
 * What someone may try to do with an article in the newsroom. `view` covers loading it, its
 * revisions and comparing them; `save` covers saves and autosaves.
 */
export type DeskAction =
  | 'create'
  | 'view'
  | 'save'
  | 'submit'
  | 'publish'
  | 'schedule'
  | 'unpublish'
  | 'returnToDraft'
  | 'addNote'
  | 'restore'
  | 'nearDuplicates';

/** Every desk action, for tables that must cover them all. */
export const DESK_ACTIONS: readonly DeskAction[] = [
  'create',
  'view',
  'save',
  'submit',
  'publish',
  'schedule',
  'unpublish',
  'returnToDraft',
  'addNote',
  'restore',
  'nearDuplicates',
];

/** What the role rules read of an article. */
export interface ArticleFacts {
  authorId: number | null;
  status: ArticleStatus;
}

/** Editors and admins run the desk; an admin may do everything an editor may. */
export function isEditor(actor: Actor): boolean {
  return actor.role === 'editor' || actor.role === 'admin';
}

function isOwn(actor: Actor, article: ArticleFacts | undefined): boolean {
  return article !== undefined && article.authorId !== null && article.authorId === actor.userId;
}

/**
 * The role rules. A writer creates drafts, sees and submits their own articles, and edits (or
 * restores a revision of) their own article only while it is a draft; everything that puts text in
 * front of readers or changes what they see is an editor's. Unknown roles may do nothing.
 */
export function mayDo(actor: Actor, action: DeskAction, article?: ArticleFacts): boolean {
  if (isEditor(actor)) return true;
  if (actor.role !== 'writer') return false;
  switch (action) {
    case 'create':
    case 'nearDuplicates':
      return true;
    case 'view':
    case 'submit':
      return isOwn(actor, article);
    case 'save':
    case 'restore':
      return isOwn(actor, article) && article?.status === 'draft';
    case 'publish':
    case 'schedule':
    case 'unpublish':
    case 'returnToDraft':
    case 'addNote':
      return false;
  }
}

/** Throws FORBIDDEN unless the actor may do this. */
export function assertMayDo(actor: Actor, action: DeskAction, article?: ArticleFacts): void {
  if (!mayDo(actor, action, article)) throw new AppError('FORBIDDEN', { details: `${actor.role} ${actor.userId}: ${action}` });
}

/** The status changes of the workflow. */
export type Transition = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'returnToDraft' | 'publishDue';

/**
 * draft → review → (scheduled | published) → unpublished. Editors may publish or schedule straight
 * from a draft; an unpublished story goes back to draft or is published again; a scheduled one goes
 * back to draft, or live (publishDue, or an editor publishing it now); rescheduling moves its time.
 */
export const TRANSITIONS: Readonly<Record<Transition, { from: readonly ArticleStatus[]; to: ArticleStatus }>> = {
  submit: { from: ['draft'], to: 'review' },
  publish: { from: ['draft', 'review', 'scheduled', 'unpublished'], to: 'published' },
  schedule: { from: ['draft', 'review', 'scheduled'], to: 'scheduled' },
  unpublish: { from: ['published'], to: 'unpublished' },
  returnToDraft: { from: ['review', 'scheduled', 'unpublished'], to: 'draft' },
  publishDue: { from: ['scheduled'], to: 'published' },
};

/** The status after a transition; ARTICLE_TRANSITION_INVALID when the article's status does not allow it. */
export function nextStatus(transition: Transition, from: ArticleStatus): ArticleStatus {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(from)) throw new AppError('ARTICLE_TRANSITION_INVALID', { details: `${transition} from ${from}` });
  return rule.to;
}

/** Corrections, clarifications and updates are told to readers, so they go on published articles only. */
export function assertMayAddNote(status: ArticleStatus): void {
  if (status !== 'published') throw new AppError('ARTICLE_TRANSITION_INVALID', { details: `note on ${status}` });
}

/**
 * Whether a desk list shows only the actor's own articles: a writer's lists are their own work
 * (their drafts, their stories waiting for review…), except what was published today, which is public.
 */
export function listIsOwnOnly(actor: Actor, list: DeskList): boolean {
  return !isEditor(actor) && list !== 'published-today';
}

import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { ArticleNoteKind, ArticlesTable, Database } from '../../db/database.ts';
import type { ArticleNote, DeskList, RevisionInfo, RevisionReason } from './article-desk.ts';
import type { Article, ArticleStatus } from './article.ts';
import { toArticle } from './articles.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** An article with the workflow columns the desk needs. */
export interface DeskRow {
  article: Article;
  version: number;
  authorId: number | null;
  scheduledAt: Date | null;
}

function toDeskRow(row: Selectable<ArticlesTable>): DeskRow {
  return {
    article: toArticle(row),
    version: Number(row.version),
    authorId: row.author_id,
    scheduledAt: row.scheduled_at === null ? null : new Date(row.scheduled_at),
  };
}

/** The article with this id in any status, or undefined. */
export async function findDeskRow(db: Executor, id: number): Promise<DeskRow | undefined> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toDeskRow(row);
}

/** Inserts a newsroom article. */
export async function insertDeskArticle(db: Executor, values: Omit<Insertable<ArticlesTable>, 'id'>): Promise<DeskRow> {
  return toDeskRow(await db.insertInto('articles').values(values).returningAll().executeTakeFirstOrThrow());
}

/** Which current state an update requires: the version the editor loaded, a scheduled article that is due, or none. */
export type UpdateCondition = { version: number } | { dueAt: number } | null;

/**
 * Updates the article and bumps its version, only if it still is in the state the change was
 * decided on; undefined when it is not (someone else saved first, or another instance published it).
 */
export async function updateDeskArticle(
  db: Executor,
  id: number,
  condition: UpdateCondition,
  values: Omit<Updateable<ArticlesTable>, 'id' | 'version'>,
): Promise<DeskRow | undefined> {
  let query = db
    .updateTable('articles')
    .set({ ...values, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (condition && 'version' in condition) query = query.where('version', '=', condition.version);
  if (condition && 'dueAt' in condition) query = query.where('status', '=', 'scheduled').where('scheduled_at', '<=', condition.dueAt);
  const row = await query.returningAll().executeTakeFirst();
  return row && toDeskRow(row);
}

/**
 * Holds the article's row until the transaction ends, provided it is still at this version; false
 * when it is not. A revision's number is the newest plus one, so whoever adds one must hold the row
 * first, or two saves read the same newest and collide on (article, number). A no-op UPDATE rather
 * than SELECT … FOR UPDATE: it locks the row on PostgreSQL and takes the write lock on SQLite (where
 * a read-first transaction could otherwise meet another process's commit and fail), one query for both.
 */
export async function lockArticleAtVersion(db: Executor, id: number, version: number): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ version: sql<number>`version` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Scheduled articles whose time has come, earliest first. */
export async function dueScheduledIds(db: Executor, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The newest revision of an article, or undefined. */
export async function latestRevision(
  db: Executor,
  articleId: number,
): Promise<{ id: number; number: number; userId: number | null; createdAt: number; reason: string } | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .select(['id', 'number', 'user_id', 'created_at', 'reason'])
    .where('article_id', '=', articleId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { id: row.id, number: row.number, userId: row.user_id, createdAt: Number(row.created_at), reason: row.reason };
}

/** Appends a revision. */
export async function insertRevision(
  db: Executor,
  revision: { articleId: number; number: number; userId: number | null; createdAt: number; reason: RevisionReason; snapshot: string },
): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: revision.articleId,
      number: revision.number,
      user_id: revision.userId,
      created_at: revision.createdAt,
      reason: revision.reason,
      snapshot: revision.snapshot,
    })
    .execute();
}

/** Replaces the text a revision holds (consecutive autosaves share one revision). */
export async function replaceRevisionSnapshot(db: Executor, revisionId: number, snapshot: string): Promise<void> {
  await db.updateTable('article_revisions').set({ snapshot }).where('id', '=', revisionId).execute();
}

/** An article's revisions, newest first, with their authors' names. */
export async function listRevisions(db: Executor, articleId: number): Promise<RevisionInfo[]> {
  const rows = await db
    .selectFrom('article_revisions')
    .leftJoin('users', 'users.id', 'article_revisions.user_id')
    .select(['article_revisions.number', 'article_revisions.created_at', 'article_revisions.user_id', 'article_revisions.reason', 'users.name'])
    .where('article_revisions.article_id', '=', articleId)
    .orderBy('article_revisions.number', 'desc')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    createdAt: new Date(Number(r.created_at)),
    userId: r.user_id,
    userName: r.name,
    reason: r.reason as RevisionReason,
  }));
}

/** The stored snapshot (JSON) of one revision, or undefined. */
export async function findRevisionSnapshot(db: Executor, articleId: number, number: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('article_revisions')
    .select('snapshot')
    .where('article_id', '=', articleId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.snapshot;
}

/** Adds a correction, clarification or update. */
export async function insertNote(
  db: Executor,
  note: { articleId: number; kind: ArticleNoteKind; text: string; userId: number | null; createdAt: number },
): Promise<void> {
  await db
    .insertInto('article_notes')
    .values({ article_id: note.articleId, kind: note.kind, text: note.text, user_id: note.userId, created_at: note.createdAt })
    .execute();
}

/** An article's notes, oldest first. */
export async function notesOf(db: Executor, articleId: number): Promise<ArticleNote[]> {
  const rows = await db
    .selectFrom('article_notes')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, text: r.text, createdAt: new Date(Number(r.created_at)), userId: r.user_id }));
}

// What normalizeForMatch does to a headline, in SQL that both engines run: harakat, superscript alef
// and tatweel removed, alef forms, ى and ة folded, Arabic-Indic digits to ASCII, lower case.
const MATCH_FORM_REPLACEMENTS: readonly (readonly [string, string])[] = [
  ...[...'\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640'].map((mark) => [mark, ''] as const),
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ى', 'ي'],
  ['ة', 'ه'],
  ...[...'٠١٢٣٤٥٦٧٨٩'].map((digit, value) => [digit, String(value)] as const),
];

function headlineMatchForm(): RawBuilder<string> {
  let expression: RawBuilder<string> = sql<string>`lower(articles.headline)`;
  for (const [from, to] of MATCH_FORM_REPLACEMENTS) expression = sql<string>`replace(${expression}, ${from}, ${to})`;
  return expression;
}

/** What a desk list asks the database. */
export interface DeskListQuery {
  list: DeskList;
  now: number;
  /** published-today: the local midnight. */
  since: number;
  /** Only this author's articles. */
  authorId?: number;
  /** Analyzed headline words (letters and digits only), each of which must appear. */
  terms: readonly string[];
  sectionId?: number;
  status?: ArticleStatus;
  limit: number;
  offset: number;
}

/** A desk row with its author's name. */
export interface DeskListRow {
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

function deskListBase(db: Executor, query: DeskListQuery) {
  let q = db.selectFrom('articles');
  switch (query.list) {
    case 'mine':
      q = q.where('articles.status', '!=', 'published');
      break;
    case 'review':
      q = q.where('articles.status', '=', 'review');
      break;
    case 'scheduled':
      q = q.where('articles.status', '=', 'scheduled');
      break;
    case 'published-today':
      q = q.where('articles.status', '=', 'published').where('articles.published_at', '>=', query.since).where('articles.published_at', '<=', query.now);
      break;
    case 'all':
      break;
  }
  if (query.authorId !== undefined) q = q.where('articles.author_id', '=', query.authorId);
  if (query.sectionId !== undefined) q = q.where('articles.section_id', '=', query.sectionId);
  if (query.status !== undefined) q = q.where('articles.status', '=', query.status);
  if (query.terms.length > 0) {
    const form = headlineMatchForm();
    for (const term of query.terms) q = q.where(sql<boolean>`${form} like ${`%${term}%`}`);
  }
  return q;
}

/** One page of a desk list and the size of the whole list. */
export async function listDesk(db: Executor, query: DeskListQuery): Promise<{ rows: DeskListRow[]; total: number }> {
  const count = await deskListBase(db, query)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  let page = deskListBase(db, query)
    .leftJoin('users', 'users.id', 'articles.author_id')
    .select([
      'articles.id',
      'articles.headline',
      'articles.status',
      'articles.section_id',
      'articles.author_id',
      'users.name as author_name',
      'articles.modified_at',
      'articles.published_at',
      'articles.scheduled_at',
    ]);
  if (query.list === 'scheduled') page = page.orderBy('articles.scheduled_at', 'asc').orderBy('articles.id', 'asc');
  else if (query.list === 'published-today') page = page.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc');
  else page = page.orderBy('articles.modified_at', 'desc').orderBy('articles.id', 'desc');
  const rows = await page.limit(query.limit).offset(query.offset).execute();
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      sectionId: r.section_id,
      authorId: r.author_id,
      authorName: r.author_name,
      modifiedAt: new Date(Number(r.modified_at)),
      publishedAt: r.published_at === null ? null : new Date(Number(r.published_at)),
      scheduledAt: r.scheduled_at === null ? null : new Date(Number(r.scheduled_at)),
    })),
  };
}

/** What near-duplicate detection reads of a candidate. */
export interface DuplicateCandidate {
  id: number;
  headline: string;
  status: ArticleStatus;
  bodyText: string;
  createdAt: number;
  publishedAt: number | null;
}

const CANDIDATE_COLUMNS = ['id', 'headline', 'status', 'body_text', 'created_at', 'published_at'] as const;

function toCandidate(r: { id: number; headline: string; status: ArticleStatus; body_text: string; created_at: number; published_at: number | null }): DuplicateCandidate {
  return {
    id: r.id,
    headline: r.headline,
    status: r.status,
    bodyText: r.body_text,
    createdAt: Number(r.created_at),
    publishedAt: r.published_at === null ? null : Number(r.published_at),
  };
}

/** Headlines of the articles created or (to be) published since a time, newest first. */
export async function recentHeadlines(db: Executor, since: number, limit: number): Promise<{ id: number; headline: string }[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where((eb) => eb.or([eb('created_at', '>=', since), eb('published_at', '>=', since)]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** These articles as near-duplicate candidates. */
export async function duplicateCandidates(db: Executor, ids: readonly number[]): Promise<DuplicateCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('articles').select(CANDIDATE_COLUMNS).where('id', 'in', ids).execute();
  return rows.map(toCandidate);
}

import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import { estimateJaccard } from '../../arabic/minhash.ts';
import { normalizeForMatch } from '../../arabic/normalize.ts';
import { slugify } from '../../arabic/slug.ts';
import { analyze } from '../../arabic/stem.ts';
import type { ArticlesTable, Database } from '../../db/database.ts';
import { AppError, type FieldErrors } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { ContentEvents } from '../content-events.ts';
import type { MediaService } from '../media/media.service.ts';
import { fingerprintOf, type RelatedService } from '../related/related.service.ts';
import type { SearchIndexer } from '../search/search-indexer.ts';
import type { SectionService } from '../sections/sections.service.ts';
import type { TagService } from '../tags/tags.service.ts';
import { clientIpOf, type Actor } from '../users/actor.ts';
import type {
  ArticleDesk,
  ArticleDraft,
  ArticleNote,
  ArticleNoteKind,
  DeskArticle,
  DeskFilter,
  NearDuplicate,
  RevisionChange,
  RevisionReason,
} from './article-desk.ts';
import {
  dueScheduledIds,
  duplicateCandidates,
  findDeskRow,
  findRevisionSnapshot,
  insertDeskArticle,
  insertNote,
  insertRevision,
  latestRevision,
  listDesk,
  listRevisions,
  lockArticleAtVersion,
  notesOf,
  recentHeadlines,
  replaceRevisionSnapshot,
  updateDeskArticle,
  type DeskRow,
  type UpdateCondition,
} from './article-desk.repository.ts';
import { documentParagraphs } from './article-document.ts';
import { ARTICLE_LIMITS, type ArticleStatus } from './article.ts';
import { FIELD_MESSAGES, NOTE_MAX_CHARS, cleanLine, imagesOf, parseDraft, parseSnapshot, publishProblems, validationError } from './article-draft.ts';
import { cleanText } from './editor-document.ts';
import { comparableBlocks, diffParagraphs } from './revision-diff.ts';
import { assertMayAddNote, assertMayDo, listIsOwnOnly, nextStatus, type DeskAction, type Transition } from './workflow.ts';

/**
 * Consecutive autosaves by one person share a revision: an autosave replaces the newest revision
 * when that one is an autosave by the same person made less than this long ago (its time stays
 * the time of the first autosave), so a long session leaves one revision per 10 minutes, not one
 * per keystroke pause. Saves, status changes and restores always add a revision.
 */
export const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;
/** The wire desk looks back at most this far for the same story. */
const NEAR_DUPLICATE_MAX_HOURS = 24 * 30;
/** Scheduled articles published per round of publishDue (the next round takes the rest). */
const DUE_BATCH = 200;

/** The desk, plus what the reader's article page needs from it. */
export interface ArticleDeskService extends ArticleDesk {
  /** The notes shown under a published article, oldest first (no actor: they are public). */
  notesOf(articleId: number): Promise<ArticleNote[]>;
}

/** The draft an article holds now (what a revision of it stores). */
function draftOf(row: DeskRow, tags: readonly string[]): ArticleDraft {
  const a = row.article;
  return {
    headline: a.headline,
    dek: a.dek,
    byline: a.byline,
    sourceKind: a.sourceKind,
    sectionId: a.sectionId,
    tags: [...tags],
    slug: a.slug,
    body: a.body,
    featuredMediaId: a.featuredMediaId,
    featuredAlt: a.featuredAlt,
  };
}

/** What readers see of an article; a change to it is an update they are told about ("آخر تحديث"). */
function readerText(draft: ArticleDraft): string {
  return JSON.stringify([draft.headline, draft.dek, draft.byline, draft.body, draft.featuredMediaId, draft.featuredAlt]);
}

/** The local midnight that starts the day `now` falls in, in an IANA time zone. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const wallClock = (date: Date) => {
    const p = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, Number(part.value)]));
    return { date: Date.UTC(p.year!, p.month! - 1, p.day!), time: Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) };
  };
  const local = wallClock(now);
  const offset = local.time - Math.floor(now.getTime() / 1000) * 1000;
  let midnight = local.date - offset;
  // The offset at midnight differs from now's when a daylight-saving change happened in between.
  const atMidnight = wallClock(new Date(midnight));
  midnight -= atMidnight.time - local.date;
  return new Date(midnight);
}

const filterSchema = z.object({
  list: z.enum(['mine', 'review', 'scheduled', 'published-today', 'all']),
  q: z.string().max(200).optional(),
  sectionId: z.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']).optional(),
  limit: z.number().int().min(1).max(100),
  offset: z.number().int().min(0).max(100_000),
});

/** A change the desk commits: the new text and/or status, and what it records. */
interface Change {
  actor: Actor | null;
  before: DeskRow;
  beforeTags: readonly string[];
  beforeTagIds: readonly number[];
  condition: UpdateCondition;
  /** New editable fields (saves and restores). */
  draft?: ArticleDraft;
  status?: ArticleStatus;
  /** Extra column values (publication and schedule times). */
  columns?: Omit<Updateable<ArticlesTable>, 'id' | 'version'>;
  revision: RevisionReason | null;
  audit: { action: string; details?: Record<string, unknown> };
  note?: { kind: ArticleNoteKind; text: string };
}

/**
 * The newsroom's workflow over articles (the ArticleDesk contract): role rules, status changes,
 * revisions, notes, scheduling and near-duplicates. Each change is one transaction with the article,
 * its revision, tags, search index, related terms and an audit entry; caches hear of it after commit.
 */
export function createArticleDesk(deps: {
  db: Kysely<Database>;
  clock: Clock;
  events: ContentEvents;
  tags: TagService;
  related: RelatedService;
  search: SearchIndexer;
  sections: SectionService;
  audit: AuditService;
  /** Checks that images named by articles exist; without it, any id is accepted. */
  media?: MediaService;
  /** The site's IANA time zone: "published today" starts at its midnight. */
  timeZone: string;
  /** Told when a due article could not be published (publishDue goes on with the others). */
  onPublishError?: (articleId: number, error: unknown) => void;
}): ArticleDeskService {
  const { db, clock, events, tags, related, search, sections, audit, media, timeZone } = deps;

  async function load(id: number): Promise<{ row: DeskRow; tagNames: string[]; tagIds: number[] }> {
    const row = Number.isSafeInteger(id) && id > 0 ? await findDeskRow(db, id) : undefined;
    if (!row) throw new AppError('ARTICLE_NOT_FOUND', { details: String(id) });
    const tagList = (await tags.tagsOf([id])).get(id) ?? [];
    return { row, tagNames: tagList.map((t) => t.name), tagIds: tagList.map((t) => t.id) };
  }

  async function loadFor(actor: Actor, action: DeskAction, id: number) {
    const loaded = await load(id);
    assertMayDo(actor, action, { authorId: loaded.row.authorId, status: loaded.row.article.status });
    return loaded;
  }

  function assertVersion(row: DeskRow, version: number): void {
    if (row.version !== version) throw new AppError('ARTICLE_VERSION_CONFLICT', { details: `article ${row.article.id}: ${version} ≠ ${row.version}` });
  }

  async function deskArticle(row: DeskRow, tagNames: string[]): Promise<DeskArticle> {
    return {
      ...row.article,
      version: row.version,
      authorId: row.authorId,
      scheduledAt: row.scheduledAt,
      tags: tagNames,
      notes: await notesOf(db, row.article.id),
    };
  }

  /** Section and media checks that need the database; every problem at once. */
  async function checkReferences(draft: ArticleDraft, publishing: boolean): Promise<void> {
    const fields: FieldErrors = publishing ? publishProblems(draft) : {};
    if (!(await sections.list()).some((s) => s.id === draft.sectionId)) fields.sectionId = FIELD_MESSAGES.sectionMissing;
    const bodyImages = imagesOf(draft.body).map((i) => i.mediaId);
    const ids = [...bodyImages, ...(draft.featuredMediaId === null ? [] : [draft.featuredMediaId])];
    if (media && ids.length > 0) {
      const found = await media.byIds(ids);
      if (draft.featuredMediaId !== null && !found.has(draft.featuredMediaId)) fields.featuredMediaId = FIELD_MESSAGES.featuredMediaId;
      if (bodyImages.some((id) => !found.has(id))) fields.body ??= FIELD_MESSAGES.bodyImageMissing;
    }
    if (Object.keys(fields).length > 0) throw validationError(fields);
  }

  /** The slug a saved draft gets: the one typed, else the headline's until first publication, then the one readers know. */
  function resolveSlug(draft: ArticleDraft, before: DeskRow | null): string {
    const typed = draft.slug ? slugify(draft.slug, 100) : '';
    if (typed) return typed;
    const everPublic = before !== null && (before.article.status === 'published' || before.article.status === 'unpublished' || before.article.status === 'scheduled');
    if (everPublic) return before.article.slug;
    return slugify(draft.headline, 100) || 'article';
  }

  async function recordRevision(trx: Transaction<Database>, articleId: number, actor: Actor | null, reason: RevisionReason, draft: ArticleDraft, now: number) {
    const snapshot = JSON.stringify(draft);
    const latest = await latestRevision(trx, articleId);
    if (
      reason === 'autosave' &&
      latest?.reason === 'autosave' &&
      actor !== null &&
      latest.userId === actor.userId &&
      now - latest.createdAt < AUTOSAVE_COALESCE_MS
    ) {
      await replaceRevisionSnapshot(trx, latest.id, snapshot);
      return { number: latest.number, coalesced: true };
    }
    const number = (latest?.number ?? 0) + 1;
    await insertRevision(trx, { articleId, number, userId: actor?.userId ?? null, createdAt: now, reason, snapshot });
    return { number, coalesced: false };
  }

  function emitChange(articleId: number, sectionIds: readonly number[], tagIds: readonly number[]) {
    for (const sectionId of new Set(sectionIds)) events.emit({ type: 'article.changed', articleId, sectionId, tagIds: [...new Set(tagIds)] });
  }

  /** Commits one change; returns the article after it, or undefined when its condition no longer held. */
  async function commit(change: Change): Promise<DeskArticle | undefined> {
    const { before, actor } = change;
    const id = before.article.id;
    const now = clock.now().getTime();
    const oldDraft = draftOf(before, change.beforeTags);
    const draft = change.draft ? { ...change.draft, slug: resolveSlug(change.draft, before) } : oldDraft;
    const status = change.status ?? before.article.status;
    const wasPublic = before.article.status === 'published';
    const isPublic = status === 'published';
    const readersTold = wasPublic && isPublic && (change.note !== undefined || readerText(draft) !== readerText(oldDraft));
    const paragraphs = documentParagraphs(draft.body);
    const bodyText = paragraphs.join('\n\n');
    const textChanged = change.draft !== undefined;

    const result = await db.transaction().execute(async (trx) => {
      const values: Omit<Updateable<ArticlesTable>, 'id' | 'version'> = {
        modified_at: now,
        status,
        ...(readersTold ? { updated_at: now } : {}),
        ...(textChanged
          ? {
              headline: draft.headline,
              dek: draft.dek,
              byline: draft.byline,
              source_kind: draft.sourceKind,
              section_id: draft.sectionId,
              slug: draft.slug!,
              body_doc: JSON.stringify(draft.body),
              body_text: bodyText,
              featured_media_id: draft.featuredMediaId,
              featured_alt: draft.featuredAlt,
            }
          : {}),
        ...change.columns,
      };
      const after = await updateDeskArticle(trx, id, change.condition, values);
      if (!after) return undefined;
      let newTagIds: number[] | undefined;
      if (textChanged) {
        const saved = await tags.ensureAll(draft.tags, trx);
        newTagIds = saved.map((t) => t.id);
        await tags.setForArticle(id, newTagIds, trx);
      }
      let revision: { number: number; coalesced: boolean } | null = null;
      if (change.revision) revision = await recordRevision(trx, id, actor, change.revision, draft, now);
      if (change.note) await insertNote(trx, { articleId: id, kind: change.note.kind, text: change.note.text, userId: actor?.userId ?? null, createdAt: now });
      if (isPublic && (textChanged || !wasPublic)) await search.index({ id, headline: draft.headline, dek: draft.dek, bodyText }, trx);
      else if (wasPublic && !isPublic) await search.remove(id, trx);
      const relatable = { id, sectionId: draft.sectionId, headline: draft.headline, dek: draft.dek, bodyText, publishedAt: after.article.publishedAt?.getTime() ?? now };
      if (isPublic && (textChanged || !wasPublic)) await related.refresh(relatable, trx);
      else if (textChanged) await related.indexTerms(relatable, trx);
      // Autosaves folded into the previous one are not new events in the trail.
      if (!revision?.coalesced) {
        await audit.record(
          {
            action: change.audit.action,
            userId: actor?.userId ?? null,
            subject: `article:${id}`,
            ip: clientIpOf(actor),
            details: { version: after.version, ...(revision ? { revision: revision.number } : {}), ...(status !== before.article.status ? { from: before.article.status, to: status } : {}), ...change.audit.details },
          },
          trx,
        );
      }
      return { after, newTagIds };
    });
    if (!result) return undefined;

    const { after, newTagIds } = result;
    if (isPublic || wasPublic) {
      // Other stories' related lists this one enters or leaves, after commit (see ARCHITECTURE.md).
      if (textChanged || isPublic !== wasPublic) await related.refreshNeighbours(id);
      emitChange(id, [before.article.sectionId, after.article.sectionId], [...change.beforeTagIds, ...(newTagIds ?? [])]);
    }
    const tagNames = textChanged ? draft.tags : [...change.beforeTags];
    return deskArticle(after, tagNames);
  }

  async function commitOrConflict(change: Change): Promise<DeskArticle> {
    const saved = await commit(change);
    if (!saved) throw new AppError('ARTICLE_VERSION_CONFLICT', { details: `article ${change.before.article.id}` });
    return saved;
  }

  /** A status change by an editor or writer: role, version, the transition, then the commit. */
  async function transition(
    actor: Actor,
    id: number,
    version: number,
    action: DeskAction & Transition,
    extra: { columns?: Change['columns']; revision: RevisionReason | null; auditAction: string; details?: Record<string, unknown>; check?: (draft: ArticleDraft) => Promise<void> },
  ): Promise<DeskArticle> {
    const { row, tagNames, tagIds } = await loadFor(actor, action, id);
    assertVersion(row, version);
    const status = nextStatus(action, row.article.status);
    await extra.check?.(draftOf(row, tagNames));
    return commitOrConflict({
      actor,
      before: row,
      beforeTags: tagNames,
      beforeTagIds: tagIds,
      condition: { version },
      status,
      ...(extra.columns ? { columns: extra.columns } : {}),
      revision: extra.revision,
      audit: { action: extra.auditAction, ...(extra.details ? { details: extra.details } : {}) },
    });
  }

  const desk: ArticleDeskService = {
    async createDraft(actor, input, origin = null) {
      assertMayDo(actor, 'create');
      const draft = parseDraft(input);
      await checkReferences(draft, false);
      const now = clock.now().getTime();
      const slug = resolveSlug(draft, null);
      const body = draft.body;
      const bodyText = documentParagraphs(body).join('\n\n');
      const stored = { ...draft, slug };
      const row = await db.transaction().execute(async (trx) => {
        const saved = await insertDeskArticle(trx, {
          slug,
          section_id: draft.sectionId,
          headline: draft.headline,
          dek: draft.dek,
          byline: draft.byline,
          source_kind: draft.sourceKind,
          body_doc: JSON.stringify(body),
          body_text: bodyText,
          status: 'draft',
          // Imports are told apart by a hash of their text; the newsroom may write the same text twice
          // on purpose (the wire desk warns about near-duplicates instead).
          content_hash: `newsroom:${randomUUID()}`,
          origin: origin === null ? null : cleanLine(origin)?.slice(0, 200) ?? null,
          created_at: now,
          published_at: null,
          updated_at: null,
          modified_at: now,
          author_id: actor.userId,
          scheduled_at: null,
          featured_media_id: draft.featuredMediaId,
          featured_alt: draft.featuredAlt,
        });
        const id = saved.article.id;
        const savedTags = await tags.ensureAll(draft.tags, trx);
        await tags.setForArticle(id, savedTags.map((t) => t.id), trx);
        // Terms and the fingerprint, so that the wire desk finds this draft as the same story.
        await related.indexTerms({ id, sectionId: draft.sectionId, headline: draft.headline, dek: draft.dek, bodyText, publishedAt: now }, trx);
        await insertRevision(trx, { articleId: id, number: 1, userId: actor.userId, createdAt: now, reason: 'create', snapshot: JSON.stringify(stored) });
        await audit.record({ action: 'article.created', userId: actor.userId, subject: `article:${id}`, ip: clientIpOf(actor), details: { version: saved.version, revision: 1 } }, trx);
        return saved;
      });
      return deskArticle(row, draft.tags);
    },

    async get(actor, id) {
      const { row, tagNames } = await loadFor(actor, 'view', id);
      return deskArticle(row, tagNames);
    },

    async save(actor, id, input, version, reason) {
      const { row, tagNames, tagIds } = await loadFor(actor, 'save', id);
      assertVersion(row, version);
      const draft = parseDraft(input);
      const status = row.article.status;
      const live = status === 'published';
      await checkReferences(draft, reason === 'save' && (live || status === 'scheduled'));
      const current = draftOf(row, tagNames);
      const resolved = { ...draft, slug: resolveSlug(draft, row) };
      // An autosave that changes nothing writes nothing (the editor's timer fires anyway).
      if (reason === 'autosave' && JSON.stringify(resolved) === JSON.stringify(current)) return deskArticle(row, tagNames);
      if (reason === 'autosave' && live) {
        // Readers never see half-typed text: an autosave of a published story is kept as a revision
        // only (restorable, shown in compare); the story changes when the editor saves.
        const now = clock.now().getTime();
        await db.transaction().execute(async (trx) => {
          // The article row first (every other revision is added after its article's UPDATE): two
          // autosaves then number their revisions one after the other, and one that a save overtook
          // is refused as stale instead of being filed against text it never saw.
          if (!(await lockArticleAtVersion(trx, id, version))) {
            throw new AppError('ARTICLE_VERSION_CONFLICT', { details: `article ${id}: ${version} changed during an autosave` });
          }
          const revision = await recordRevision(trx, id, actor, 'autosave', resolved, now);
          if (!revision.coalesced) {
            await audit.record({ action: 'article.autosaved', userId: actor.userId, subject: `article:${id}`, ip: clientIpOf(actor), details: { version: row.version, revision: revision.number, live: false } }, trx);
          }
        });
        return deskArticle(row, tagNames);
      }
      return commitOrConflict({
        actor,
        before: row,
        beforeTags: tagNames,
        beforeTagIds: tagIds,
        condition: { version },
        draft,
        revision: reason === 'autosave' ? 'autosave' : 'save',
        audit: { action: reason === 'autosave' ? 'article.autosaved' : 'article.saved' },
      });
    },

    submitForReview: (actor, id, version) =>
      transition(actor, id, version, 'submit', { revision: 'submit', auditAction: 'article.submitted' }),

    async publish(actor, id, version) {
      const { row } = await loadFor(actor, 'publish', id);
      const now = clock.now().getTime();
      // Published again after being pulled: the story keeps its first publication time.
      const keepTime = row.article.status === 'unpublished' && row.article.publishedAt !== null;
      return transition(actor, id, version, 'publish', {
        columns: { published_at: keepTime ? row.article.publishedAt!.getTime() : now, scheduled_at: null },
        revision: 'publish',
        auditAction: 'article.published',
        check: (draft) => checkReferences(draft, true),
      });
    },

    async schedule(actor, id, at, version) {
      await loadFor(actor, 'schedule', id);
      const time = at instanceof Date ? at.getTime() : NaN;
      if (!Number.isFinite(time) || time <= clock.now().getTime()) throw validationError({ scheduledAt: FIELD_MESSAGES.scheduledAt });
      return transition(actor, id, version, 'schedule', {
        columns: { scheduled_at: time, published_at: time },
        revision: 'schedule',
        auditAction: 'article.scheduled',
        details: { at: new Date(time).toISOString() },
        check: (draft) => checkReferences(draft, true),
      });
    },

    unpublish: (actor, id, version) =>
      transition(actor, id, version, 'unpublish', { revision: 'unpublish', auditAction: 'article.unpublished' }),

    async returnToDraft(actor, id, version) {
      const { row } = await loadFor(actor, 'returnToDraft', id);
      // A scheduled time that no longer applies is forgotten; a story once published keeps its first time.
      const columns = row.article.status === 'scheduled' ? { scheduled_at: null, published_at: null } : {};
      // The text does not change, so no revision: the audit trail tells who sent it back.
      return transition(actor, id, version, 'returnToDraft', { columns, revision: null, auditAction: 'article.returned-to-draft' });
    },

    async addNote(actor, id, kind, text) {
      const { row, tagNames, tagIds } = await loadFor(actor, 'addNote', id);
      const fields: FieldErrors = {};
      if (kind !== 'correction' && kind !== 'clarification' && kind !== 'update') fields.kind = FIELD_MESSAGES.noteKind;
      const cleaned = typeof text === 'string' ? cleanText(text).trim() : '';
      if (!cleaned || cleaned.length > NOTE_MAX_CHARS) fields.text = FIELD_MESSAGES.noteText;
      if (Object.keys(fields).length > 0) throw validationError(fields);
      assertMayAddNote(row.article.status);
      return commitOrConflict({
        actor,
        before: row,
        beforeTags: tagNames,
        beforeTagIds: tagIds,
        condition: { version: row.version },
        note: { kind, text: cleaned },
        revision: null,
        audit: { action: 'article.note-added', details: { kind } },
      });
    },

    async revisions(actor, id) {
      await loadFor(actor, 'view', id);
      return listRevisions(db, id);
    },

    async revision(actor, id, number) {
      await loadFor(actor, 'view', id);
      const snapshot = Number.isSafeInteger(number) ? await findRevisionSnapshot(db, id, number) : undefined;
      if (snapshot === undefined) throw new AppError('REVISION_NOT_FOUND', { details: `${id}/${number}` });
      return parseSnapshot(snapshot);
    },

    async compare(actor, id, from, to) {
      const [before, after] = [await desk.revision(actor, id, from), await desk.revision(actor, id, to)];
      const sectionNames = new Map((await sections.list()).map((s) => [s.id, s.name]));
      const shown = (draft: ArticleDraft, field: Exclude<keyof ArticleDraft, 'body'>): string => {
        const value = draft[field];
        if (field === 'sectionId') return sectionNames.get(draft.sectionId) ?? String(draft.sectionId);
        if (Array.isArray(value)) return value.join('، ');
        return value === null ? '' : String(value);
      };
      const changes: RevisionChange[] = [];
      const fields = ['headline', 'dek', 'byline', 'sourceKind', 'sectionId', 'tags', 'slug', 'featuredMediaId', 'featuredAlt'] as const;
      for (const field of fields) {
        const [b, a] = [shown(before, field), shown(after, field)];
        if (b !== a) changes.push({ field, before: b, after: a });
      }
      const paragraphs = diffParagraphs(comparableBlocks(before.body), comparableBlocks(after.body));
      if (paragraphs.some((p) => p.kind !== 'same') || JSON.stringify(before.body) !== JSON.stringify(after.body)) changes.push({ field: 'body', paragraphs });
      return changes;
    },

    async restore(actor, id, number, version) {
      const { row, tagNames, tagIds } = await loadFor(actor, 'restore', id);
      assertVersion(row, version);
      const snapshot = await findRevisionSnapshot(db, id, number);
      if (snapshot === undefined) throw new AppError('REVISION_NOT_FOUND', { details: `${id}/${number}` });
      // The stored text goes through today's rules, like anything an editor sends.
      const draft = parseDraft(parseSnapshot(snapshot));
      const status = row.article.status;
      await checkReferences(draft, status === 'published' || status === 'scheduled');
      return commitOrConflict({
        actor,
        before: row,
        beforeTags: tagNames,
        beforeTagIds: tagIds,
        condition: { version },
        draft,
        revision: 'restore',
        audit: { action: 'article.restored', details: { from: number } },
      });
    },

    async list(actor, filter: DeskFilter) {
      const parsed = filterSchema.safeParse(filter);
      if (!parsed.success) {
        const fields: FieldErrors = {};
        for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'list')] = FIELD_MESSAGES.limit;
        throw validationError(fields);
      }
      const f = parsed.data;
      const now = clock.now();
      const terms = f.q ? analyze(f.q).filter((t) => /^[\p{L}\p{M}\p{N}]+$/u.test(t)).slice(0, 10) : [];
      const { rows, total } = await listDesk(db, {
        list: f.list,
        now: now.getTime(),
        since: startOfLocalDay(now, timeZone).getTime(),
        ...(listIsOwnOnly(actor, f.list) || f.list === 'mine' ? { authorId: actor.userId } : {}),
        terms,
        ...(f.sectionId !== undefined ? { sectionId: f.sectionId } : {}),
        ...(f.status !== undefined ? { status: f.status } : {}),
        limit: f.limit,
        offset: f.offset,
      });
      return { items: rows, total };
    },

    async nearDuplicates(actor, text, hours) {
      assertMayDo(actor, 'nearDuplicates');
      if (!Number.isFinite(hours) || hours <= 0 || hours > NEAR_DUPLICATE_MAX_HOURS) throw validationError({ hours: FIELD_MESSAGES.hours });
      const headline = typeof text.headline === 'string' ? text.headline.slice(0, 4 * ARTICLE_LIMITS.headlineMax) : '';
      const bodyText = typeof text.bodyText === 'string' ? text.bodyText.slice(0, 2 * ARTICLE_LIMITS.bodyMaxChars) : '';
      const since = clock.now().getTime() - hours * 3_600_000;
      const fingerprint = fingerprintOf(bodyText);
      const similar = await related.findNearDuplicates(fingerprint, { limit: 50 });
      const matchForm = (t: string) => normalizeForMatch(t).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const wanted = matchForm(headline);
      const sameHeadline = wanted ? (await recentHeadlines(db, since, 2000)).filter((r) => matchForm(r.headline) === wanted).map((r) => r.id) : [];
      const bySimilarity = new Map(similar.map((s) => [s.articleId, s.similarity]));
      const candidates = await duplicateCandidates(db, [...new Set([...bySimilarity.keys(), ...sameHeadline])]);
      const found: NearDuplicate[] = [];
      for (const c of candidates) {
        const recent = c.createdAt >= since || (c.publishedAt !== null && c.publishedAt >= since);
        if (!recent) continue;
        const headlineMatch = sameHeadline.includes(c.id);
        // The same headline is the same story whatever the body says (a lead rewritten, a paragraph added).
        const similarity = headlineMatch ? 1 : (bySimilarity.get(c.id) ?? estimateJaccard(fingerprint, fingerprintOf(c.bodyText)));
        found.push({ id: c.id, headline: c.headline, status: c.status, similarity, createdAt: new Date(c.createdAt) });
      }
      return found.sort((a, b) => b.similarity - a.similarity || b.id - a.id).slice(0, 20);
    },

    async publishDue() {
      const published: number[] = [];
      const failures: { articleId: number; error: unknown }[] = [];
      const attempted = new Set<number>();
      for (;;) {
        const now = clock.now().getTime();
        const due = (await dueScheduledIds(db, now, DUE_BATCH)).filter((id) => !attempted.has(id));
        if (due.length === 0) break;
        for (const id of due) {
          attempted.add(id);
          try {
            const { row, tagNames, tagIds } = await load(id);
            if (row.article.status !== 'scheduled') continue;
            // Conditional on still being scheduled and due: with two instances, one publishes and the other finds nothing.
            const done = await commit({
              actor: null,
              before: row,
              beforeTags: tagNames,
              beforeTagIds: tagIds,
              condition: { dueAt: now },
              status: nextStatus('publishDue', row.article.status),
              columns: { scheduled_at: null },
              revision: 'publish',
              audit: { action: 'article.published', details: { scheduled: true } },
            });
            if (done) published.push(id);
          } catch (error) {
            failures.push({ articleId: id, error });
          }
        }
      }
      if (failures.length > 0) {
        if (!deps.onPublishError) throw new AggregateError(failures.map((f) => f.error), `could not publish scheduled articles ${failures.map((f) => f.articleId).join(', ')}`);
        for (const f of failures) deps.onPublishError(f.articleId, f.error);
      }
      return published;
    },

    notesOf: (articleId) => notesOf(db, articleId),
  };
  return desk;
}

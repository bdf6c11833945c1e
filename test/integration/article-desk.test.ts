import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { parseWireCopy } from '../../src/arabic/wire-copy.ts';
import { loadConfig } from '../../src/config.ts';
import type { ArticleDesk, ArticleDraft, DeskArticle } from '../../src/content/articles/article-desk.ts';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import type { ArticleStatus } from '../../src/content/articles/article.ts';
import { documentFromHtml } from '../../src/content/articles/html-document.ts';
import { fixedClock } from '../../src/content/clock.ts';
import type { Actor } from '../../src/content/users/actor.ts';
import { AppError, type ErrorCode } from '../../src/errors.ts';
import { startServer } from '../../src/main.ts';
import { translucentPng } from '../helpers/media-fixtures.ts';
import { addUser, type TestUser } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

// The newsroom's workflow service (ArticleDesk) on both engines: the role matrix, the status
// transitions, revisions, conflicts, scheduling, notes, unpublishing, slugs, near-duplicates, and
// hostile text in every field on the reader's page.

const HOUR = 3_600_000;
const REFERENCE = readFileSync(new URL('../../demo/lavrov-pyongyang.txt', import.meta.url), 'utf8');

function failsWith(code: ErrorCode) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  };
}

function draftFrom(article: DeskArticle): ArticleDraft {
  return {
    headline: article.headline,
    dek: article.dek,
    byline: article.byline,
    sourceKind: article.sourceKind,
    sectionId: article.sectionId,
    tags: article.tags,
    slug: article.slug,
    body: article.body,
    featuredMediaId: article.featuredMediaId,
    featuredAlt: article.featuredAlt,
  };
}

function articlePath(article: { id: number; slug: string }): string {
  return `/article/${article.id}/${encodeURIComponent(article.slug)}`;
}

type Who = 'writer-own' | 'writer-other' | 'editor' | 'admin';
const WHO: readonly Who[] = ['writer-own', 'writer-other', 'editor', 'admin'];
const EVERYONE: Record<Who, boolean> = { 'writer-own': true, 'writer-other': true, editor: true, admin: true };
const OWNER_OR_EDITOR: Record<Who, boolean> = { 'writer-own': true, 'writer-other': false, editor: true, admin: true };
const EDITORS: Record<Who, boolean> = { 'writer-own': false, 'writer-other': false, editor: true, admin: true };

/** One row of the role matrix: an ArticleDesk call on an article (by the "own" writer) in a given status. */
interface MatrixRow {
  method: Exclude<keyof ArticleDesk, 'publishDue'>;
  label: string;
  /** The article's status before the call; null: the call is not about one article. */
  status: ArticleStatus | null;
  allowed: Record<Who, boolean>;
  run(desk: ArticleDesk, actor: Actor, article: DeskArticle, sectionId: number, now: Date): Promise<unknown>;
}

const edited = (a: DeskArticle): ArticleDraft => ({ ...draftFrom(a), headline: `${a.headline} (معدّل)` });

/** THE ROLE MATRIX: every ArticleDesk action that an actor performs, × writer (own), writer (other's), editor, admin. */
const MATRIX: MatrixRow[] = [
  { method: 'createDraft', label: 'create a draft', status: null, allowed: EVERYONE, run: (d, actor, _a, sectionId) => d.createDraft(actor, newDraft(sectionId)) },
  { method: 'get', label: 'open a draft', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.get(actor, a.id) },
  { method: 'get', label: 'open a published article', status: 'published', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.get(actor, a.id) },
  { method: 'save', label: 'save a draft', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.save(actor, a.id, edited(a), a.version, 'save') },
  { method: 'save', label: 'autosave a draft', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.save(actor, a.id, edited(a), a.version, 'autosave') },
  { method: 'save', label: 'save an article in review', status: 'review', allowed: EDITORS, run: (d, actor, a) => d.save(actor, a.id, edited(a), a.version, 'save') },
  { method: 'save', label: 'save a published article', status: 'published', allowed: EDITORS, run: (d, actor, a) => d.save(actor, a.id, edited(a), a.version, 'save') },
  { method: 'save', label: 'save a scheduled article', status: 'scheduled', allowed: EDITORS, run: (d, actor, a) => d.save(actor, a.id, edited(a), a.version, 'save') },
  { method: 'submitForReview', label: 'submit a draft for review', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.submitForReview(actor, a.id, a.version) },
  { method: 'publish', label: 'publish an article in review', status: 'review', allowed: EDITORS, run: (d, actor, a) => d.publish(actor, a.id, a.version) },
  { method: 'publish', label: 'publish a draft directly', status: 'draft', allowed: EDITORS, run: (d, actor, a) => d.publish(actor, a.id, a.version) },
  { method: 'schedule', label: 'schedule an article in review', status: 'review', allowed: EDITORS, run: (d, actor, a, _s, now) => d.schedule(actor, a.id, new Date(now.getTime() + HOUR), a.version) },
  { method: 'schedule', label: 'schedule a draft directly', status: 'draft', allowed: EDITORS, run: (d, actor, a, _s, now) => d.schedule(actor, a.id, new Date(now.getTime() + HOUR), a.version) },
  { method: 'unpublish', label: 'unpublish a published article', status: 'published', allowed: EDITORS, run: (d, actor, a) => d.unpublish(actor, a.id, a.version) },
  { method: 'returnToDraft', label: 'return an article in review to draft', status: 'review', allowed: EDITORS, run: (d, actor, a) => d.returnToDraft(actor, a.id, a.version) },
  { method: 'returnToDraft', label: 'return a scheduled article to draft', status: 'scheduled', allowed: EDITORS, run: (d, actor, a) => d.returnToDraft(actor, a.id, a.version) },
  { method: 'addNote', label: 'add a correction', status: 'published', allowed: EDITORS, run: (d, actor, a) => d.addNote(actor, a.id, 'correction', 'صُحّح اسم الوزير.') },
  { method: 'revisions', label: 'list revisions', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.revisions(actor, a.id) },
  { method: 'revision', label: 'read a revision', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.revision(actor, a.id, 1) },
  { method: 'compare', label: 'compare revisions', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.compare(actor, a.id, 1, 1) },
  { method: 'restore', label: 'restore a revision of a draft', status: 'draft', allowed: OWNER_OR_EDITOR, run: (d, actor, a) => d.restore(actor, a.id, 1, a.version) },
  { method: 'restore', label: 'restore a revision of a published article', status: 'published', allowed: EDITORS, run: (d, actor, a) => d.restore(actor, a.id, 1, a.version) },
  { method: 'list', label: 'list the desk', status: null, allowed: EVERYONE, run: (d, actor) => d.list(actor, { list: 'review', limit: 10, offset: 0 }) },
  { method: 'nearDuplicates', label: 'check for near-duplicates', status: null, allowed: EVERYONE, run: (d, actor) => d.nearDuplicates(actor, { headline: 'عنوان', bodyText: 'نص قصير للتحقق' }, 48) },
];

let draftCounter = 0;
function newDraft(sectionId: number, overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  draftCounter += 1;
  return {
    headline: `مشاورات الوزراء في الجولة رقم ${draftCounter}`,
    dek: null,
    byline: 'موسكو - د ب أ',
    sourceKind: 'wires',
    sectionId,
    tags: ['روسيا'],
    slug: null,
    body: documentFromParagraphs([`بدأت الجولة رقم ${draftCounter} من المشاورات صباح اليوم في العاصمة.`, 'وقال المتحدث إن الجلسات ستستمر يومين.']),
    featuredMediaId: null,
    featuredAlt: null,
    ...overrides,
  };
}

/** The transitions as the issue describes them: from each status, what each transition leads to (absent: refused). */
const EXPECTED_TRANSITIONS: Record<'submitForReview' | 'publish' | 'schedule' | 'unpublish' | 'returnToDraft', Partial<Record<ArticleStatus, ArticleStatus>>> = {
  submitForReview: { draft: 'review' },
  publish: { draft: 'published', review: 'published', scheduled: 'published', unpublished: 'published' },
  schedule: { draft: 'scheduled', review: 'scheduled', scheduled: 'scheduled' },
  unpublish: { published: 'unpublished' },
  returnToDraft: { review: 'draft', scheduled: 'draft', unpublished: 'draft' },
};
const STATUSES: readonly ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];

/** Hostile text tried in every field; the count is in the test's name. */
const HOSTILE = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">اضغط هنا</a>',
  '<svg onload=alert(1)><circle r="5"></circle></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<div style="background:url(javascript:alert(1));width:expression(alert(1))">نص</div>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<b onmouseover=alert(1)>نص مكسور</b',
  '<!--<script>alert(1)</script>-->',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '\u202Eنص معكوس <script>alert(1)</script>\u202C',
  'javascript:alert(document.cookie)',
  '<a href="&#106;avascript:alert(1)">رابط</a>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<details open ontoggle=alert(1)>',
  '</textarea><script>alert(1)</script>',
  "<style>@import 'javascript:alert(1)';</style>",
  '<a href="vbscript:msgbox(1)">x</a> &lt;script&gt; &amp;',
];

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background']);

/** Fails when a parsed page holds anything that could run: inline script, handlers, script URLs, frames. */
function assertNothingExecutable(html: string, what: string): void {
  const dom = parseDocument(html);
  const elements = DomUtils.findAll(() => true, dom.children) as Element[];
  for (const element of elements) {
    if (element.name === 'script') {
      assert.ok(element.attribs.src, `${what}: an inline <script>`);
      assert.equal(DomUtils.textContent(element).trim(), '', `${what}: a script with content`);
    }
    assert.ok(!['iframe', 'object', 'embed', 'style', 'math', 'details'].includes(element.name), `${what}: a <${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs)) {
      assert.ok(!name.startsWith('on'), `${what}: a handler attribute ${name}`);
      if (URL_ATTRIBUTES.has(name)) assert.ok(!/^\s*(javascript|vbscript|data):/i.test(value), `${what}: a script URL in ${name}`);
    }
  }
}

const PUBLISH_DUE_PROCESS = fileURLToPath(new URL('../helpers/publish-due-process.ts', import.meta.url));

/** One round of publishDue run by another process on the same database; the ids it published. */
function publishDueElsewhere(databaseUrl: string, now: Date): Promise<number[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', PUBLISH_DUE_PROCESS, databaseUrl, now.toISOString()], (error, stdout, stderr) => {
      if (error) reject(new Error(`publishDue in another process failed: ${stderr}`, { cause: error }));
      else resolve(JSON.parse(stdout) as number[]);
    });
  });
}

/** Whether the page at this path shows the text (as text: search marks matched words with <mark>). */
async function pageShows(app: TestSite['app'], path: string, text: string): Promise<boolean> {
  const page = await app.inject(path);
  assert.equal(page.statusCode, 200, path);
  return DomUtils.textContent(parseDocument(page.body)).includes(text);
}

function byClass(html: string, className: string): Element[] {
  return DomUtils.findAll((e) => (e.attribs.class ?? '').split(/\s+/).includes(className), parseDocument(html).children) as Element[];
}

forEachDialect('the newsroom desk', {}, (site) => {
  let people: { writer: TestUser; otherWriter: TestUser; editor: TestUser; admin: TestUser; sectionId: number; otherSectionId: number } | undefined;
  async function fixture() {
    const s = site();
    people ??= {
      writer: await addUser(s, { role: 'writer', name: 'كاتبة المقال' }),
      otherWriter: await addUser(s, { role: 'writer' }),
      editor: await addUser(s, { role: 'editor' }),
      admin: await addUser(s, { role: 'admin' }),
      sectionId: (await s.services.sections.ensure('دول العالم')).id,
      otherSectionId: (await s.services.sections.ensure('رياضة')).id,
    };
    return people;
  }
  const desk = () => site().services.desk;

  /** A new article by the "own" writer, brought to this status by the workflow itself. */
  async function articleIn(status: ArticleStatus, overrides: Partial<ArticleDraft> = {}): Promise<DeskArticle> {
    const { writer, editor, sectionId } = await fixture();
    const a = await desk().createDraft(writer.actor, newDraft(sectionId, overrides));
    switch (status) {
      case 'draft':
        return a;
      case 'review':
        return desk().submitForReview(writer.actor, a.id, a.version);
      case 'scheduled':
        return desk().schedule(editor.actor, a.id, new Date(site().clock.now().getTime() + 2 * HOUR), a.version);
      case 'published':
        return desk().publish(editor.actor, a.id, a.version);
      case 'unpublished': {
        const published = await desk().publish(editor.actor, a.id, a.version);
        return desk().unpublish(editor.actor, a.id, published.version);
      }
    }
  }

  async function actorFor(who: Who): Promise<Actor> {
    const f = await fixture();
    return { 'writer-own': f.writer, 'writer-other': f.otherWriter, editor: f.editor, admin: f.admin }[who].actor;
  }

  test('the role matrix covers every ArticleDesk action an actor performs, for all four kinds of actor', () => {
    const methods = new Set(Object.keys(desk()).filter((k) => k !== 'publishDue' && k !== 'notesOf'));
    assert.deepEqual(new Set(MATRIX.map((r) => r.method)), methods);
    for (const row of MATRIX) assert.deepEqual(Object.keys(row.allowed).sort(), [...WHO].sort(), row.label);
  });

  for (const row of MATRIX) {
    for (const who of WHO) {
      const allowed = row.allowed[who];
      test(`role matrix: ${row.label} (${row.status ?? 'no article'}) as ${who} is ${allowed ? 'allowed' : 'refused with FORBIDDEN'}`, async () => {
        const { sectionId, editor } = await fixture();
        const article = row.status ? await articleIn(row.status) : await articleIn('draft');
        const actor = await actorFor(who);
        const revisionsBefore = (await desk().revisions(editor.actor, article.id)).length;
        const call = row.run(desk(), actor, article, sectionId, site().clock.now());
        if (allowed) {
          await call;
          return;
        }
        await assert.rejects(call, failsWith('FORBIDDEN'));
        const after = await desk().get(editor.actor, article.id);
        assert.equal(after.version, article.version, 'a refused call changes nothing');
        assert.equal(after.status, article.status);
        assert.equal(after.headline, article.headline);
        assert.equal(after.notes.length, article.notes.length);
        assert.equal((await desk().revisions(editor.actor, article.id)).length, revisionsBefore);
      });
    }
  }

  for (const [transition, outcomes] of Object.entries(EXPECTED_TRANSITIONS) as [keyof typeof EXPECTED_TRANSITIONS, Partial<Record<ArticleStatus, ArticleStatus>>][]) {
    for (const from of STATUSES) {
      const to = outcomes[from];
      test(`transition: ${transition} from ${from} ${to ? `leads to ${to}` : 'is refused with ARTICLE_TRANSITION_INVALID'}`, async () => {
        const { editor } = await fixture();
        const article = await articleIn(from);
        const d = desk();
        const run = () => {
          switch (transition) {
            case 'submitForReview':
              return d.submitForReview(editor.actor, article.id, article.version);
            case 'publish':
              return d.publish(editor.actor, article.id, article.version);
            case 'schedule':
              return d.schedule(editor.actor, article.id, new Date(site().clock.now().getTime() + 3 * HOUR), article.version);
            case 'unpublish':
              return d.unpublish(editor.actor, article.id, article.version);
            case 'returnToDraft':
              return d.returnToDraft(editor.actor, article.id, article.version);
          }
        };
        if (to) {
          const after = await run();
          assert.equal(after.status, to);
          assert.equal(after.version, article.version + 1);
        } else {
          await assert.rejects(run(), failsWith('ARTICLE_TRANSITION_INVALID'));
          const after = await d.get(editor.actor, article.id);
          assert.equal(after.status, from);
          assert.equal(after.version, article.version);
        }
      });
    }
  }

  test('every save is a revision with who and when; autosaves by one person within 10 minutes share one', async () => {
    const { writer, editor, sectionId } = await fixture();
    const { clock } = site();
    const d = desk();
    let a = await d.createDraft(writer.actor, newDraft(sectionId, { headline: 'العنوان الأول للمسودة', body: documentFromParagraphs(['فقرة أولى.', 'فقرة ثانية.']) }));
    a = await d.save(writer.actor, a.id, { ...draftFrom(a), headline: 'العنوان الثاني للمسودة' }, a.version, 'save');
    for (const word of ['أ', 'ب', 'ج']) {
      clock.advance(2 * 60_000);
      a = await d.save(writer.actor, a.id, { ...draftFrom(a), body: documentFromParagraphs(['فقرة أولى.', `فقرة ثانية ${word}.`]) }, a.version, 'autosave');
    }
    const unchanged = await d.save(writer.actor, a.id, draftFrom(a), a.version, 'autosave');
    assert.equal(unchanged.version, a.version, 'an autosave that changes nothing writes nothing');
    clock.advance(11 * 60_000);
    a = await d.save(writer.actor, a.id, { ...draftFrom(a), body: documentFromParagraphs(['فقرة أولى.', 'فقرة ثانية د.', 'فقرة ثالثة.']) }, a.version, 'autosave');
    a = await d.save(editor.actor, a.id, { ...draftFrom(a), tags: ['روسيا', 'كوريا الشمالية'] }, a.version, 'autosave');
    const revisions = await d.revisions(editor.actor, a.id);
    assert.deepEqual(
      revisions.map((r) => [r.number, r.reason, r.userId]),
      [
        [5, 'autosave', editor.actor.userId],
        [4, 'autosave', writer.actor.userId],
        [3, 'autosave', writer.actor.userId],
        [2, 'save', writer.actor.userId],
        [1, 'create', writer.actor.userId],
      ],
    );
    assert.equal(revisions.find((r) => r.number === 2)!.userName, 'كاتبة المقال');
    assert.deepEqual((await d.revision(editor.actor, a.id, 3)).body, documentFromParagraphs(['فقرة أولى.', 'فقرة ثانية ج.']), 'the shared revision holds the last autosave');

    const changes = await d.compare(editor.actor, a.id, 1, 5);
    assert.deepEqual(changes.find((c) => c.field === 'headline'), { field: 'headline', before: 'العنوان الأول للمسودة', after: 'العنوان الثاني للمسودة' });
    assert.deepEqual(changes.find((c) => c.field === 'tags'), { field: 'tags', before: 'روسيا', after: 'روسيا، كوريا الشمالية' });
    assert.deepEqual(changes.find((c) => c.field === 'body'), {
      field: 'body',
      paragraphs: [
        { kind: 'same', text: 'فقرة أولى.' },
        { kind: 'removed', text: 'فقرة ثانية.' },
        { kind: 'added', text: 'فقرة ثانية د.' },
        { kind: 'added', text: 'فقرة ثالثة.' },
      ],
    });
    assert.equal(changes.length, 3, 'unchanged fields are not listed');

    const restored = await d.restore(editor.actor, a.id, 1, a.version);
    assert.equal(restored.headline, 'العنوان الأول للمسودة');
    assert.deepEqual(restored.tags, ['روسيا']);
    assert.deepEqual(restored.body, documentFromParagraphs(['فقرة أولى.', 'فقرة ثانية.']));
    assert.equal(restored.version, a.version + 1);
    const latest = (await d.revisions(editor.actor, a.id))[0]!;
    assert.deepEqual([latest.number, latest.reason, latest.userId], [6, 'restore', editor.actor.userId]);
    await assert.rejects(d.revision(editor.actor, a.id, 99), failsWith('REVISION_NOT_FOUND'));
    await assert.rejects(d.restore(editor.actor, a.id, 99, restored.version), failsWith('REVISION_NOT_FOUND'));
    const trail = await site().services.audit.list({ subject: `article:${a.id}` });
    assert.deepEqual(
      trail.map((e) => e.action).reverse(),
      ['article.created', 'article.saved', 'article.autosaved', 'article.autosaved', 'article.autosaved', 'article.restored'],
    );
  });

  test('a save naming an older version is refused with ARTICLE_VERSION_CONFLICT and changes nothing', async () => {
    const { editor, admin } = await fixture();
    const d = desk();
    const a = await articleIn('published');
    const first = await d.save(editor.actor, a.id, { ...draftFrom(a), headline: 'تعديل المحرر الأول' }, a.version, 'save');
    const revisions = (await d.revisions(editor.actor, a.id)).length;
    const trail = (await site().services.audit.list({ subject: `article:${a.id}` })).length;
    await assert.rejects(d.save(admin.actor, a.id, { ...draftFrom(a), headline: 'تعديل قديم', tags: ['وسم جديد'] }, a.version, 'save'), failsWith('ARTICLE_VERSION_CONFLICT'));
    await assert.rejects(d.unpublish(admin.actor, a.id, a.version), failsWith('ARTICLE_VERSION_CONFLICT'));
    await assert.rejects(d.restore(admin.actor, a.id, 1, a.version), failsWith('ARTICLE_VERSION_CONFLICT'));
    const now = await d.get(editor.actor, a.id);
    assert.equal(now.headline, 'تعديل المحرر الأول');
    assert.equal(now.version, first.version);
    assert.equal(now.status, 'published');
    assert.deepEqual(now.tags, a.tags);
    assert.equal((await d.revisions(editor.actor, a.id)).length, revisions);
    assert.equal((await site().services.audit.list({ subject: `article:${a.id}` })).length, trail);
    const page = await site().app.inject(articlePath(now));
    assert.ok(page.body.includes('تعديل المحرر الأول'));
  });

  test('refused input names the fields in Arabic and saves nothing; publishing needs a body and alt text', async () => {
    const { writer, editor, sectionId } = await fixture();
    const { services } = site();
    const d = desk();
    const before = await services.articles.countAll();
    const cases: [unknown, string[]][] = [
      [{ ...newDraft(sectionId), headline: '  \u202E\u200F ' }, ['headline']],
      [{ ...newDraft(sectionId), headline: 'ع'.repeat(301) }, ['headline']],
      [{ ...newDraft(sectionId), sectionId: 987654 }, ['sectionId']],
      [{ ...newDraft(sectionId), sectionId: 'دول' }, ['sectionId']],
      [{ ...newDraft(sectionId), tags: Array.from({ length: 21 }, (_, i) => `وسم ${i}`) }, ['tags']],
      [{ ...newDraft(sectionId), body: '<p>not a document</p>' }, ['body']],
      [{ ...newDraft(sectionId), featuredMediaId: 424242, featuredAlt: 'صورة' }, ['featuredMediaId']],
      [{ ...newDraft(sectionId), dek: 'م'.repeat(601), byline: 'ب'.repeat(201) }, ['dek', 'byline']],
    ];
    for (const [input, fields] of cases) {
      await assert.rejects(d.createDraft(writer.actor, input as ArticleDraft), (error: unknown) => {
        assert.ok(error instanceof AppError && error.code === 'VALIDATION_FAILED', String(error));
        assert.deepEqual(Object.keys(error.fields ?? {}).sort(), [...fields].sort());
        for (const message of Object.values(error.fields ?? {})) assert.match(message, /[\u0600-\u06ff]/);
        return true;
      });
    }
    assert.equal(await services.articles.countAll(), before, 'nothing half-saved');

    const empty = await d.createDraft(writer.actor, newDraft(sectionId, { body: { type: 'doc', content: [] } }));
    assert.equal(empty.bodyText, '', 'a draft may have an empty body');
    await assert.rejects(d.publish(editor.actor, empty.id, empty.version), (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.fields?.body !== undefined);
    await assert.rejects(d.schedule(editor.actor, empty.id, new Date(site().clock.now().getTime() + HOUR), empty.version), failsWith('VALIDATION_FAILED'));
    assert.equal((await d.get(editor.actor, empty.id)).status, 'draft');

    const { item } = await services.media.upload(editor.actor, { alt: 'صورة للاختبار', bytes: await translucentPng() });
    const noAlt = await d.createDraft(writer.actor, newDraft(sectionId, { featuredMediaId: item.id, featuredAlt: null }));
    await assert.rejects(d.publish(editor.actor, noAlt.id, noAlt.version), (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.fields?.featuredAlt !== undefined);
    const fixed = await d.save(editor.actor, noAlt.id, { ...draftFrom(noAlt), featuredAlt: 'الوزيران أثناء المؤتمر الصحفي' }, noAlt.version, 'save');
    assert.equal((await d.publish(editor.actor, fixed.id, fixed.version)).status, 'published');

    const draft = await articleIn('draft');
    await assert.rejects(d.schedule(editor.actor, draft.id, new Date(site().clock.now().getTime() - 1000), draft.version), (e: unknown) => e instanceof AppError && e.fields?.scheduledAt !== undefined);
    await assert.rejects(d.addNote(editor.actor, (await articleIn('published')).id, 'correction', '   '), failsWith('VALIDATION_FAILED'));
    await assert.rejects(d.addNote(editor.actor, draft.id, 'update', 'تحديث على مسودة'), failsWith('ARTICLE_TRANSITION_INVALID'));
    await assert.rejects(d.get(editor.actor, 99_999_999), failsWith('ARTICLE_NOT_FOUND'));
  });

  test('new newsroom articles never collide as imports: the same text twice makes two drafts', async () => {
    const { writer, sectionId } = await fixture();
    const input = newDraft(sectionId);
    const a = await desk().createDraft(writer.actor, input);
    const b = await desk().createDraft(writer.actor, input);
    assert.notEqual(a.id, b.id);
    assert.match(a.contentHash, /^newsroom:[0-9a-f-]{36}$/);
    assert.notEqual(a.contentHash, b.contentHash);
    assert.equal(a.authorId, writer.actor.userId);
  });

  test('a scheduled article is not on the home page before its time and is after publishDue; publishing twice at once publishes it once', async () => {
    const { editor } = await fixture();
    const { app, clock } = site();
    const d = desk();
    const draft = await articleIn('draft', { headline: 'قمة مجدولة تُنشر في موعدها المحدد' });
    const at = new Date(clock.now().getTime() + 2 * HOUR);
    const scheduled = await d.schedule(editor.actor, draft.id, at, draft.version);
    assert.equal(scheduled.status, 'scheduled');
    assert.equal(scheduled.scheduledAt?.getTime(), at.getTime());
    assert.equal(scheduled.publishedAt?.getTime(), at.getTime());
    assert.ok(!(await app.inject('/')).body.includes('قمة مجدولة'));
    assert.equal((await app.inject(articlePath(scheduled))).statusCode, 404);
    assert.ok(!(await d.publishDue()).includes(draft.id));

    clock.advance(2 * HOUR - 1000);
    // Articles earlier tests scheduled may fall due now; this one must not, a second early.
    assert.ok(!(await d.publishDue()).includes(draft.id), 'not a second early');
    assert.ok(!(await app.inject('/')).body.includes('قمة مجدولة'));

    clock.advance(1000);
    // Two instances (two processes on one database) run the same round at the same moment.
    const rounds = await Promise.all([publishDueElsewhere(site().databaseUrl, clock.now()), publishDueElsewhere(site().databaseUrl, clock.now())]);
    assert.deepEqual(rounds.flat().filter((id) => id === draft.id), [draft.id], 'published exactly once');
    const published = await d.get(editor.actor, draft.id);
    assert.equal(published.status, 'published');
    assert.equal(published.publishedAt?.getTime(), at.getTime());
    assert.equal(published.scheduledAt, null);
    assert.equal((await d.revisions(editor.actor, draft.id)).filter((r) => r.reason === 'publish').length, 1);
    // The other processes told this one nothing (no NOTIFY here): its cached home page expires within a minute.
    clock.advance(61_000);
    assert.ok((await app.inject('/')).body.includes('قمة مجدولة تُنشر في موعدها المحدد'));
    assert.equal((await app.inject(articlePath(published))).statusCode, 200);
    assert.deepEqual(await d.publishDue(), [], 'nothing left to publish');
  });

  test('an article that fell due while no instance ran is published when a server starts', async () => {
    const { editor } = await fixture();
    const { clock } = site();
    const draft = await articleIn('draft', { headline: 'خبر فات موعده أثناء توقف الخادم' });
    const scheduled = await desk().schedule(editor.actor, draft.id, new Date(clock.now().getTime() + HOUR), draft.version);
    clock.advance(HOUR + 60_000);
    const config = loadConfig({
      DATABASE_URL: site().databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SITE_URL: 'https://midad.test',
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      MAX_EVENT_LOOP_DELAY_MS: '0',
    });
    const server = await startServer(config, { clock: fixedClock(clock.now()) });
    try {
      const after = await desk().get(editor.actor, scheduled.id);
      assert.equal(after.status, 'published');
      const page = await server.app.inject(articlePath(after));
      assert.equal(page.statusCode, 200);
    } finally {
      await server.stop();
    }
  });

  test('notes appear on the article page with their kind and time, and "آخر تحديث" follows them and text edits', async () => {
    const { editor } = await fixture();
    const { app, clock } = site();
    const d = desk();
    const a = await articleIn('published', { headline: 'خبر سيُصحّح لاحقاً' });
    let page = await app.inject(articlePath(a));
    assert.equal(page.statusCode, 200);
    assert.equal(byClass(page.body, 'updated').length, 0, 'no "آخر تحديث" before any change');
    assert.equal(byClass(page.body, 'article-notes').length, 0);

    clock.advance(HOUR);
    const noted = await d.addNote(editor.actor, a.id, 'correction', 'ورد في نسخة سابقة أن الاجتماع يوم الأربعاء، والصحيح أنه يوم الخميس.');
    assert.equal(noted.updatedAt?.getTime(), clock.now().getTime());
    clock.advance(HOUR);
    await d.addNote(editor.actor, a.id, 'update', 'أُضيفت تصريحات الوزير بعد المؤتمر الصحفي.');
    page = await app.inject(articlePath(a));
    const section = byClass(page.body, 'article-notes')[0];
    assert.ok(section, 'a notes section');
    assert.equal(section.name, 'section');
    const labelId = section.attribs['aria-labelledby']!;
    assert.ok(page.body.includes(`id="${labelId}"`), 'the section is labelled by its heading');
    const notes = byClass(page.body, 'note');
    assert.deepEqual(notes.map((n) => DomUtils.textContent(byClassIn(n, 'note-kind')).trim()), ['تصحيح', 'تحديث']);
    assert.match(DomUtils.textContent(notes[0]!), /والصحيح أنه يوم الخميس/);
    const times = DomUtils.findAll((e) => e.name === 'time', notes) as Element[];
    assert.deepEqual(times.map((t) => t.attribs.datetime), [new Date(clock.now().getTime() - HOUR).toISOString(), clock.now().toISOString()]);
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'void-style': 'off', 'doctype-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
    }).validateString(page.body);
    assert.deepEqual(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), [], 'the page with notes is valid HTML');
    const updated = byClass(page.body, 'updated')[0]!;
    assert.match(DomUtils.textContent(updated), /آخر تحديث/);
    assert.equal((DomUtils.findOne((e) => e.name === 'time', [updated]) as Element).attribs.datetime, clock.now().toISOString());

    const api = await app.inject(`/api/v1/articles/${a.id}`);
    assert.deepEqual(
      api.json().notes.map((n: { kind: string }) => n.kind),
      ['correction', 'update'],
    );

    clock.advance(HOUR);
    const current = await d.get(editor.actor, a.id);
    const retagged = await d.save(editor.actor, a.id, { ...draftFrom(current), tags: ['وسم آخر'] }, current.version, 'save');
    assert.equal(retagged.updatedAt?.getTime(), clock.now().getTime() - HOUR, 'tags are not text readers are told about');
    const rewritten = await d.save(editor.actor, a.id, { ...draftFrom(retagged), body: documentFromParagraphs(['نص جديد بعد التعديل.']) }, retagged.version, 'save');
    assert.equal(rewritten.updatedAt?.getTime(), clock.now().getTime());
    page = await app.inject(articlePath(rewritten));
    assert.ok(page.body.includes('نص جديد بعد التعديل.'));
    assert.equal((DomUtils.findOne((e) => e.name === 'time', [byClass(page.body, 'updated')[0]!]) as Element).attribs.datetime, clock.now().toISOString());
  });

  test('an autosave of a published story is kept as a revision; readers see the text only once it is saved', async () => {
    const { editor } = await fixture();
    const { app } = site();
    const d = desk();
    const a = await articleIn('published', { body: documentFromParagraphs(['النص المنشور كما هو.']) });
    const autosaved = await d.save(editor.actor, a.id, { ...draftFrom(a), body: documentFromParagraphs(['نص نصف مكتوب']) }, a.version, 'autosave');
    assert.equal(autosaved.version, a.version);
    assert.deepEqual(autosaved.body, a.body);
    assert.equal(autosaved.updatedAt, null);
    const page = await app.inject(articlePath(a));
    assert.ok(page.body.includes('النص المنشور كما هو.') && !page.body.includes('نص نصف مكتوب'));
    const latest = (await d.revisions(editor.actor, a.id))[0]!;
    assert.equal(latest.reason, 'autosave');
    assert.deepEqual((await d.revision(editor.actor, a.id, latest.number)).body, documentFromParagraphs(['نص نصف مكتوب']));
    const saved = await d.save(editor.actor, a.id, { ...draftFrom(a), body: documentFromParagraphs(['نص مكتمل بعد المراجعة.']) }, a.version, 'save');
    assert.equal(saved.version, a.version + 1);
    assert.ok((await app.inject(articlePath(saved))).body.includes('نص مكتمل بعد المراجعة.'));
  });

  test('unpublishing takes a story off the home page, its section, search and the API, and its URL answers 404', async () => {
    const { editor } = await fixture();
    const { app, services } = site();
    const d = desk();
    const a = await articleIn('published', { headline: 'زرافات نادرة تظهر في المحمية الوطنية', body: documentFromParagraphs(['رصد الحراس زرافات نادرة في المحمية.']) });
    const section = (await services.sections.list()).find((s) => s.id === a.sectionId)!;
    const sectionPath = `/section/${encodeURIComponent(section.slug)}`;
    assert.ok(await pageShows(app, '/', 'زرافات نادرة'));
    assert.ok(await pageShows(app, sectionPath, 'زرافات نادرة'));
    assert.ok(await pageShows(app, `/search?q=${encodeURIComponent('زرافات')}`, 'زرافات نادرة'));
    assert.equal((await app.inject(articlePath(a))).statusCode, 200);

    const pulled = await d.unpublish(editor.actor, a.id, a.version);
    assert.equal(pulled.status, 'unpublished');
    assert.ok(!(await pageShows(app, '/', 'زرافات نادرة')));
    assert.ok(!(await pageShows(app, sectionPath, 'زرافات نادرة')));
    assert.ok(!(await pageShows(app, `/search?q=${encodeURIComponent('زرافات')}`, 'زرافات نادرة')));
    assert.equal((await app.inject(articlePath(a))).statusCode, 404);
    assert.equal((await app.inject(`/article/${a.id}`)).statusCode, 404);
    assert.equal((await app.inject(`/api/v1/articles/${a.id}`)).statusCode, 404);

    const again = await d.publish(editor.actor, a.id, pulled.version);
    assert.equal(again.publishedAt?.getTime(), a.publishedAt?.getTime(), 'published again, it keeps its first time');
    assert.equal((await app.inject(articlePath(again))).statusCode, 200);
  });

  test('a published article keeps its URL when the headline changes; a new slug leaves the old URL redirecting', async () => {
    const { editor } = await fixture();
    const { app } = site();
    const d = desk();
    const a = await articleIn('published', { headline: 'عنوان أول لخبر منشور' });
    const oldPath = articlePath(a);
    assert.equal(decodeURIComponent(oldPath), `/article/${a.id}/عنوان-أول-لخبر-منشور`);
    assert.equal((await app.inject(oldPath)).statusCode, 200);
    const retitled = await d.save(editor.actor, a.id, { ...draftFrom(a), headline: 'عنوان ثان مختلف', slug: null }, a.version, 'save');
    assert.equal(retitled.slug, a.slug, 'the slug of a published story does not follow its headline');

    const renamed = await d.save(editor.actor, a.id, { ...draftFrom(retitled), slug: 'رابط جديد للخبر' }, retitled.version, 'save');
    assert.equal(renamed.slug, 'رابط-جديد-للخبر');
    const redirect = await app.inject(oldPath);
    assert.equal(redirect.statusCode, 301);
    assert.equal(decodeURIComponent(String(redirect.headers.location)), `/article/${a.id}/رابط-جديد-للخبر`);
    assert.equal((await app.inject(articlePath(renamed))).statusCode, 200);

    const draft = await articleIn('draft', { headline: 'مسودة بعنوان أول' });
    const moved = await d.save(editor.actor, draft.id, { ...draftFrom(draft), headline: 'مسودة بعنوان آخر', slug: null }, draft.version, 'save');
    assert.equal(moved.slug, 'مسودة-بعنوان-آخر', 'before publication the slug follows the headline');
  });

  test('nearDuplicates finds the reference story pasted again on the wire desk and not an unrelated one', async () => {
    const { editor } = await fixture();
    const { clock } = site();
    const d = desk();
    const parsed = parseWireCopy(REFERENCE);
    assert.ok(parsed.ok);
    const wire = parsed.draft;
    const sectionId = (await site().services.sections.ensure(wire.sectionName!)).id;
    const reference = await d.createDraft(editor.actor, {
      headline: wire.headline,
      dek: null,
      byline: wire.byline,
      sourceKind: wire.sourceKind,
      sectionId,
      tags: [],
      slug: null,
      body: documentFromParagraphs(wire.paragraphs),
      featuredMediaId: null,
      featuredAlt: null,
    });
    await d.publish(editor.actor, reference.id, reference.version);
    const unrelated = await d.createDraft(editor.actor, newDraft(sectionId, {
      headline: 'ارتفاع أسعار القمح في الأسواق العالمية',
      body: documentFromParagraphs(['ارتفعت أسعار القمح في البورصات العالمية بعد موجة جفاف ضربت مناطق الزراعة الرئيسية.', 'ويتوقع التجار أن تستمر الأسعار في الصعود حتى موسم الحصاد المقبل.']),
    }));

    const pastedAgain = await d.nearDuplicates(editor.actor, { headline: wire.headline, bodyText: wire.paragraphs.join('\n\n') }, 48);
    const hit = pastedAgain.find((n) => n.id === reference.id);
    assert.ok(hit, 'the same story is found');
    assert.equal(hit.status, 'published');
    assert.equal(hit.headline, wire.headline);
    assert.ok(hit.similarity >= 0.9, `similarity ${hit.similarity}`);
    assert.ok(!pastedAgain.some((n) => n.id === unrelated.id), 'an unrelated story is not flagged');

    // Retyped headline, a paragraph dropped and one added: still the same story.
    const edited = [...wire.paragraphs.slice(1), 'وأضافت الوكالة أن الزيارة تنتهي غداً.'];
    const rewritten = await d.nearDuplicates(editor.actor, { headline: 'لافروف في بيونغ يانغ', bodyText: edited.join('\n\n') }, 48);
    assert.ok(rewritten.some((n) => n.id === reference.id));
    const sameHeadlineOnly = await d.nearDuplicates(editor.actor, { headline: `${wire.headline}\u200F`, bodyText: 'نص مختلف تماماً لا علاقة له بالخبر' }, 48);
    assert.deepEqual(sameHeadlineOnly.find((n) => n.id === reference.id)?.similarity, 1, 'the same headline (invisible marks aside) is the same story');

    const other = await d.nearDuplicates(editor.actor, { headline: 'ارتفاع أسعار القمح', bodyText: 'ارتفعت أسعار القمح في البورصات العالمية بعد موجة جفاف ضربت مناطق الزراعة الرئيسية.' }, 48);
    assert.ok(!other.some((n) => n.id === reference.id));

    clock.advance(49 * HOUR);
    const later = await d.nearDuplicates(editor.actor, { headline: wire.headline, bodyText: wire.paragraphs.join('\n\n') }, 48);
    assert.ok(!later.some((n) => n.id === reference.id), 'a story older than the window is not flagged');
    await assert.rejects(d.nearDuplicates(editor.actor, { headline: 'x', bodyText: 'y' }, 0), failsWith('VALIDATION_FAILED'));
  });

  test('desk lists: mine, review, scheduled, published today, all; filters; Arabic headline search; writers see their own', async () => {
    const { writer, otherWriter, editor, sectionId, otherSectionId } = await fixture();
    const { clock } = site();
    const d = desk();
    const tag = `قائمة${Date.now() % 100000}`;
    const mine = await d.createDraft(writer.actor, newDraft(sectionId, { headline: `${tag} الأسلحة الروسية في مسودة الكاتبة` }));
    const theirs = await d.createDraft(otherWriter.actor, newDraft(otherSectionId, { headline: `${tag} مسودة كاتب آخر` }));
    const inReview = await d.submitForReview(otherWriter.actor, theirs.id, theirs.version);
    const ownReview = await d.createDraft(writer.actor, newDraft(sectionId, { headline: `${tag} مراجعة الكاتبة` }));
    await d.submitForReview(writer.actor, ownReview.id, ownReview.version);
    const toSchedule = await d.createDraft(editor.actor, newDraft(sectionId, { headline: `${tag} خبر مجدول` }));
    await d.schedule(editor.actor, toSchedule.id, new Date(clock.now().getTime() + 5 * HOUR), toSchedule.version);
    const toPublish = await d.createDraft(editor.actor, newDraft(sectionId, { headline: `${tag} خبر منشور اليوم` }));
    await d.publish(editor.actor, toPublish.id, toPublish.version);

    const ids = async (actor: Actor, filter: Partial<Parameters<ArticleDesk['list']>[1]>) => {
      const result = await d.list(actor, { list: 'all', q: tag, limit: 50, offset: 0, ...filter });
      assert.equal(result.total, result.items.length);
      return result.items.map((i) => i.id).sort((x, y) => x - y);
    };
    assert.deepEqual(await ids(writer.actor, { list: 'mine' }), [mine.id, ownReview.id].sort((x, y) => x - y));
    assert.deepEqual(await ids(editor.actor, { list: 'review' }), [inReview.id, ownReview.id].sort((x, y) => x - y));
    assert.deepEqual(await ids(writer.actor, { list: 'review' }), [ownReview.id], 'a writer sees their own work waiting for review');
    assert.deepEqual(await ids(editor.actor, { list: 'scheduled' }), [toSchedule.id]);
    assert.deepEqual(await ids(writer.actor, { list: 'published-today' }), [toPublish.id]);
    assert.deepEqual(await ids(editor.actor, { list: 'all', sectionId: otherSectionId }), [theirs.id]);
    assert.deepEqual(await ids(editor.actor, { list: 'all', status: 'draft' }), [mine.id]);
    assert.deepEqual(await ids(editor.actor, { list: 'all', q: `${tag} بالاسلحه` }), [mine.id], 'hamza, ta marbuta and clitics fold');
    const page = await d.list(editor.actor, { list: 'all', q: tag, limit: 2, offset: 2 });
    assert.equal(page.total, 5);
    assert.equal(page.items.length, 2);
    const named = (await d.list(editor.actor, { list: 'all', q: `${tag} الكاتبة`, limit: 10, offset: 0 })).items.find((i) => i.id === mine.id);
    assert.equal(named?.authorName, 'كاتبة المقال');
    clock.advance(24 * HOUR);
    assert.deepEqual(await ids(editor.actor, { list: 'published-today' }), [], 'yesterday is not today');
    await assert.rejects(d.list(editor.actor, { list: 'all', limit: 0, offset: 0 }), failsWith('VALIDATION_FAILED'));
    await assert.rejects(d.list(editor.actor, { list: 'nope' as 'all', limit: 10, offset: 0 }), failsWith('VALIDATION_FAILED'));
  });

  test(`hostile HTML in every text field (${HOSTILE.length} payloads) is stored as text and escaped on the article page`, async () => {
    const { writer, editor, sectionId } = await fixture();
    const { app, services } = site();
    const d = desk();
    const { item } = await services.media.upload(editor.actor, { alt: 'صورة', bytes: await translucentPng() });
    for (const [i, payload] of HOSTILE.entries()) {
      const what = `payload ${i + 1}`;
      const created = await d.createDraft(writer.actor, {
        headline: payload,
        dek: payload,
        byline: payload.slice(0, 200),
        sourceKind: 'staff',
        sectionId,
        tags: [payload.slice(0, 60)],
        slug: payload,
        body: { type: 'doc', content: [...documentFromParagraphs([payload]).content, ...documentFromHtml(payload).content, ...documentFromParagraphs(['فقرة عادية.']).content] },
        featuredMediaId: item.id,
        featuredAlt: payload,
      });
      const expected = payload.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
      assert.equal(created.headline, expected, `${what}: the headline is stored as written`);
      assert.equal(created.dek, expected);
      assert.equal(created.featuredAlt, expected);
      assert.ok(!/[\u202a-\u202e]/.test(created.bodyText), `${what}: no direction overrides stored`);
      const published = await d.publish(editor.actor, created.id, created.version);
      await d.addNote(editor.actor, created.id, 'clarification', payload);
      const page = await app.inject(articlePath(published));
      assert.equal(page.statusCode, 200, what);
      assertNothingExecutable(page.body, what);
      const dom = parseDocument(page.body);
      assert.equal(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'h1', dom.children)!), expected, `${what}: the headline shows as text`);
      assert.equal(DomUtils.textContent(byClass(page.body, 'dek')[0]!), expected, `${what}: the dek shows as text`);
      assert.equal(DomUtils.textContent(byClass(page.body, 'note-text')[0]!).trim(), expected, `${what}: the note shows as text`);
      const featured = DomUtils.findOne((e) => e.name === 'img' && (e.parent as Element | null)?.name !== 'noscript', byClass(page.body, 'featured-image')) as Element | null;
      if (featured) assert.equal(featured.attribs.alt, expected, `${what}: the alt text is an attribute value, nothing more`);
    }
  });
});

function byClassIn(root: Element, className: string): Element {
  const found = DomUtils.findOne((e) => (e.attribs.class ?? '').split(/\s+/).includes(className), [root]);
  assert.ok(found, `.${className}`);
  return found as Element;
}

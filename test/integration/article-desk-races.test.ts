import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { Section } from '../../src/content/sections/section.ts';
import { signedIn, wireStoryDraft } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

// Two saves of one article at the same moment. Every revision takes the next number after the
// newest, and (article, number) is unique: two saves that both read the newest before either wrote
// would take the same number, and the loser used to answer 500.
//
// SQLite in one process cannot interleave them: Kysely's SQLite driver gives a transaction the one
// connection until it ends, so the second save starts after the first committed. PostgreSQL can, and
// there the test makes it happen every time: it holds a SHARE lock on article_revisions (reads go on,
// inserts wait) until both saves are waiting inside their transactions, then lets them go.

interface ArticleJson {
  id: number;
  version: number;
  status: string;
}

function articleOf(res: LightMyRequestResponse, expected = 200): ArticleJson {
  assert.equal(res.statusCode, expected, res.body);
  return (JSON.parse(res.body) as { article: ArticleJson }).article;
}

/**
 * Runs the saves at once. On PostgreSQL they are held at their first write of article_revisions
 * until both transactions are waiting on a lock, so that neither can finish before the other began.
 */
async function atOnce<T>(site: TestSite, saves: (() => Promise<T>)[]): Promise<T[]> {
  if (site.db.dialect !== 'postgres') return Promise.all(saves.map((save) => save()));
  let running: Promise<T[]> | undefined;
  await site.db.kysely.transaction().execute(async (trx) => {
    await sql`LOCK TABLE article_revisions IN SHARE MODE`.execute(trx);
    running = Promise.all(saves.map((save) => save()));
    // Waiting for the database to report both, not for a time: a bounded number of looks.
    for (let look = 0; ; look += 1) {
      // pg_stat_activity is read once per transaction unless told to forget it.
      await sql`SELECT pg_stat_clear_snapshot()`.execute(trx);
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`.execute(trx);
      if (rows[0]!.n >= saves.length) break;
      if (look > 2000) throw new Error(`only ${rows[0]!.n} of ${saves.length} saves reached the database`);
      await sleep(25);
    }
  });
  return running!;
}

forEachDialect('two saves of one article at the same moment', {}, (site) => {
  let section: Section;
  let first: Awaited<ReturnType<typeof signedIn>>;
  let second: Awaited<ReturnType<typeof signedIn>>;

  before(async () => {
    section = await site().services.sections.ensure('دول العالم');
    first = await signedIn(site(), 'editor');
    second = await signedIn(site(), 'editor');
  });

  const draft = (text: string) => wireStoryDraft(section.id, [text]);

  function send(editor: typeof first, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) {
    return site().app.inject({ method, url, headers: { cookie: editor.session.cookie, 'x-csrf-token': editor.session.csrfToken }, payload });
  }

  async function publishedArticle(): Promise<ArticleJson> {
    const created = articleOf(await send(first, 'POST', '/newsroom/api/articles', { draft: draft('النص المنشور كما هو.') }), 201);
    return articleOf(await send(first, 'POST', `/newsroom/api/articles/${created.id}/publish`, { version: created.version }));
  }

  test('two editors autosaving one published article at once both keep their text, each as its own revision', async () => {
    const a = await publishedArticle();
    const before = await site().services.desk.revisions(first.actor, a.id);
    const texts = ['تعديل المحرر الأول لم يكتمل', 'تعديل المحرر الثاني لم يكتمل'];
    const answers = await atOnce(site(), [
      () => send(first, 'PUT', `/newsroom/api/articles/${a.id}`, { draft: draft(texts[0]!), version: a.version, reason: 'autosave' }),
      () => send(second, 'PUT', `/newsroom/api/articles/${a.id}`, { draft: draft(texts[1]!), version: a.version, reason: 'autosave' }),
    ]);
    assert.deepEqual(answers.map((res) => res.statusCode), [200, 200], answers.map((res) => res.body.slice(0, 200)).join('\n'));

    const { desk } = site().services;
    const after = await desk.revisions(first.actor, a.id);
    const added = after.filter((r) => !before.some((b) => b.number === r.number));
    assert.deepEqual(added.map((r) => r.reason), ['autosave', 'autosave'], 'one new revision per editor');
    assert.deepEqual(new Set(added.map((r) => r.userId)), new Set([first.user.id, second.user.id]));
    const stored = await Promise.all(added.map(async (r) => JSON.stringify((await desk.revision(first.actor, a.id, r.number)).body)));
    for (const text of texts) assert.ok(stored.some((body) => body.includes(text)), `the revisions hold "${text}"`);
    const audited = await site().services.audit.list({ subject: `article:${a.id}`, actions: ['article.autosaved'] });
    assert.equal(audited.length, 2, 'each autosave is in the audit trail');
    const live = await desk.get(first.actor, a.id);
    assert.equal(live.version, a.version, 'readers still see the published text');
    assert.ok(JSON.stringify(live.body).includes('النص المنشور كما هو.'));
  });

  test('a save and an autosave of one published article at once: the save goes live, the stale autosave is a clean 409 or kept as a revision', async () => {
    const a = await publishedArticle();
    const before = await site().services.desk.revisions(first.actor, a.id);
    const [saved, autosaved] = await atOnce(site(), [
      () => send(first, 'PUT', `/newsroom/api/articles/${a.id}`, { draft: draft('النص المعدّل والمحفوظ.'), version: a.version, reason: 'save' }),
      () => send(second, 'PUT', `/newsroom/api/articles/${a.id}`, { draft: draft('مسودة المحرر الثاني'), version: a.version, reason: 'autosave' }),
    ]);
    assert.equal(saved!.statusCode, 200, saved!.body);
    assert.ok([200, 409].includes(autosaved!.statusCode), `the autosave is stored or refused, never ${autosaved!.statusCode}: ${autosaved!.body.slice(0, 200)}`);
    if (autosaved!.statusCode === 409) assert.equal((JSON.parse(autosaved!.body) as { error: { code: string } }).error.code, 'ARTICLE_VERSION_CONFLICT');

    const { desk } = site().services;
    const live = await desk.get(first.actor, a.id);
    assert.equal(live.version, a.version + 1);
    assert.ok(JSON.stringify(live.body).includes('النص المعدّل والمحفوظ.'), 'the save is what readers see');
    const added = (await desk.revisions(first.actor, a.id)).filter((r) => !before.some((b) => b.number === r.number));
    const expected = autosaved!.statusCode === 200 ? ['autosave', 'save'] : ['save'];
    assert.deepEqual(added.map((r) => r.reason).sort(), expected, 'a revision for every answer that said it was stored, none for a refusal');
    const numbers = (await desk.revisions(first.actor, a.id)).map((r) => r.number);
    assert.equal(new Set(numbers).size, numbers.length, 'revision numbers stay unique');
  });
});

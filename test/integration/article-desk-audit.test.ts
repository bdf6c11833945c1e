import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { AuditEntry } from '../../src/content/audit/audit.service.ts';
import type { Section } from '../../src/content/sections/section.ts';
import { addUser, signedIn, type TestSession, wireStoryDraft } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

// Every audit entry the article desk records for a signed-in person names the address the request
// came from, like sign-ins and account changes do; work nobody asked for over HTTP (publishDue, the
// CLI) records no address.

const REFERENCE = readFileSync(new URL('../../demo/lavrov-pyongyang.txt', import.meta.url), 'utf8');
const HOUR = 3_600_000;

interface ArticleJson {
  id: number;
  version: number;
  status: string;
  draft: Record<string, unknown>;
}

/** A request from one browser at one address, with a forged X-Forwarded-For that must not be believed. */
function fromAddress(site: TestSite, session: TestSession, remoteAddress: string) {
  return (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) =>
    site.app.inject({
      method,
      url,
      remoteAddress,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) مداد-اختبار',
        // The site does not sit behind a proxy (TRUST_PROXY is off): this header is anyone's to write.
        'x-forwarded-for': '6.6.6.6',
      },
      payload,
    });
}

function articleOf(res: LightMyRequestResponse, expected = 200): ArticleJson {
  assert.equal(res.statusCode, expected, res.body);
  return (JSON.parse(res.body) as { article: ArticleJson }).article;
}

forEachDialect('desk audit entries name the request address', {}, (site) => {
  let section: Section;
  let editor: Awaited<ReturnType<typeof signedIn>>;

  before(async () => {
    section = await site().services.sections.ensure('دول العالم');
    editor = await signedIn(site(), 'editor');
  });

  const draft = (text: string) => wireStoryDraft(section.id, [text]);

  async function entriesOf(articleId: number): Promise<AuditEntry[]> {
    return site().services.audit.list({ subject: `article:${articleId}`, limit: 1000 });
  }

  test('create, autosave, save, submit, return, schedule, publish, live autosave, note, unpublish and restore all record the address', async () => {
    const ip = '203.0.113.7';
    const send = fromAddress(site(), editor.session, ip);
    let a = articleOf(await send('POST', '/newsroom/api/articles', { draft: draft('التقى الوزيران اليوم.') }), 201);
    a = articleOf(await send('PUT', `/newsroom/api/articles/${a.id}`, { draft: draft('التقى الوزيران اليوم في العاصمة.'), version: a.version, reason: 'autosave' }));
    a = articleOf(await send('PUT', `/newsroom/api/articles/${a.id}`, { draft: draft('التقى الوزيران اليوم في العاصمة الكورية.'), version: a.version, reason: 'save' }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/submit`, { version: a.version }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/return-to-draft`, { version: a.version }));
    const at = new Date(site().clock.now().getTime() + HOUR).toISOString();
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/schedule`, { at, version: a.version }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/return-to-draft`, { version: a.version }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/publish`, { version: a.version }));
    articleOf(await send('PUT', `/newsroom/api/articles/${a.id}`, { draft: draft('نص نصف مكتوب'), version: a.version, reason: 'autosave' }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/notes`, { kind: 'correction', text: 'صُحّح اسم العاصمة.' }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/unpublish`, { version: a.version }));
    a = articleOf(await send('POST', `/newsroom/api/articles/${a.id}/restore`, { number: 1, version: a.version }));
    // The revisions page's plain-form restore.
    const form = await site().app.inject({
      method: 'POST',
      url: `/newsroom/articles/${a.id}/restore`,
      remoteAddress: ip,
      headers: { cookie: editor.session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ number: '2', version: String(a.version), _csrf: editor.session.csrfToken }).toString(),
    });
    assert.equal(form.statusCode, 303, form.body);

    const entries = await entriesOf(a.id);
    const actions = entries.map((e) => e.action).reverse();
    assert.deepEqual(actions, [
      'article.created',
      'article.autosaved',
      'article.saved',
      'article.submitted',
      'article.returned-to-draft',
      'article.scheduled',
      'article.returned-to-draft',
      'article.published',
      'article.autosaved',
      'article.note-added',
      'article.unpublished',
      'article.restored',
      'article.restored',
    ]);
    for (const entry of entries) {
      assert.equal(entry.ip, ip, `${entry.action}: the request's own address, not X-Forwarded-For`);
      assert.equal(entry.userId, editor.user.id, `${entry.action}: who did it`);
    }
  });

  test('a paste on the wire desk records the address of the request that made the draft', async () => {
    const ip = '198.51.100.23';
    const res = await site().app.inject({
      method: 'POST',
      url: '/newsroom/wire',
      remoteAddress: ip,
      headers: { cookie: editor.session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ text: REFERENCE, _csrf: editor.session.csrfToken }).toString(),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(res.headers.location))?.[1]);
    assert.ok(id > 0, `redirected to the new draft: ${String(res.headers.location)}`);
    const entries = await entriesOf(id);
    assert.deepEqual(entries.map((e) => [e.action, e.ip]), [['article.created', ip]]);
  });

  test('a scheduled article published by publishDue and a draft made by the command line record no address', async () => {
    const { services, clock } = site();
    const cliEditor = await addUser(site(), { role: 'editor' });
    // What the command line does: the actor the users service knows, with no request behind it.
    const created = await services.desk.createDraft(cliEditor.actor, { ...draft('نص من سطر الأوامر.'), sourceKind: 'wires' });
    const scheduled = articleOf(
      await fromAddress(site(), editor.session, '192.0.2.44')('POST', `/newsroom/api/articles/${created.id}/schedule`, {
        at: new Date(clock.now().getTime() + HOUR).toISOString(),
        version: created.version,
      }),
    );
    assert.equal(scheduled.status, 'scheduled');
    clock.advance(2 * HOUR);
    try {
      assert.deepEqual(await services.desk.publishDue(), [created.id]);
    } finally {
      clock.advance(-2 * HOUR);
    }
    const entries = (await entriesOf(created.id)).reverse();
    assert.deepEqual(
      entries.map((e) => [e.action, e.userId, e.ip]),
      [
        ['article.created', cliEditor.user.id, null],
        ['article.scheduled', editor.user.id, '192.0.2.44'],
        ['article.published', null, null],
      ],
    );
  });
});

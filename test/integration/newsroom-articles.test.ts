import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Parser } from 'htmlparser2';
import { HtmlValidate } from 'html-validate';
import type { Section } from '../../src/content/sections/section.ts';
import { collectCookies, cookieHeader, csrfTokenIn, login, scriptableParts, signedIn, wireStoryDraft, type TestSession } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

// The newsroom's article pages and JSON endpoints over real HTTP (app.inject), on both engines:
// who may reach them, the CSRF rule, the role-based buttons, the editor → preview → reader path with
// hostile input, revisions, and the wire desk.

const REFERENCE = readFileSync(new URL('../../demo/lavrov-pyongyang.txt', import.meta.url), 'utf8');
const REFERENCE_HEADLINE = 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة';

type Method = 'GET' | 'POST' | 'PUT';

interface Draft {
  headline: string;
  dek: string | null;
  byline: string | null;
  sourceKind: 'staff' | 'wires' | 'other';
  sectionId: number;
  tags: string[];
  slug: string | null;
  body: unknown;
  featuredMediaId: number | null;
  featuredAlt: string | null;
}

interface ArticleJson {
  id: number;
  version: number;
  status: string;
  slug: string;
  path: string;
  draft: Draft;
}

function paragraphs(...texts: string[]) {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** A request as a signed-in browser's script sends it: session cookie and x-csrf-token. */
function call(site: TestSite, session: TestSession | null, method: Method, url: string, body?: unknown, csrf = true) {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && csrf && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  return site.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
}

/** A form post as a browser sends it (application/x-www-form-urlencoded). */
function postForm(site: TestSite, session: TestSession, url: string, fields: Record<string, string>) {
  return site.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

function json<T>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

function errorCode(res: LightMyRequestResponse): string {
  return json<{ error: { code: string } }>(res).error.code;
}

function draftFor(section: Section, overrides: Partial<Draft> = {}): Draft {
  return wireStoryDraft(section.id, ['التقى وزيرا خارجية روسيا وكوريا الشمالية اليوم.', 'وقال لافروف إن العلاقات وصلت إلى مستوى جديد.'], overrides) as Draft;
}

async function createArticle(site: TestSite, session: TestSession, draft: Draft): Promise<ArticleJson> {
  const res = await call(site, session, 'POST', '/newsroom/api/articles', { draft });
  assert.equal(res.statusCode, 201, res.body);
  return json<{ article: ArticleJson }>(res).article;
}

/** Every element of a page as a browser's parser would read it: name, attributes and its text (scripts). */
function elementsOf(html: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const open: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el = { name, attrs, text: '' };
        out.push(el);
        open.push(el);
      },
      ontext(text) {
        const top = open.at(-1);
        if (top) top.text += text;
      },
      onclosetag() {
        open.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}

// The same rules as the reader pages' check (valid-html.test.ts).
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'doctype-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
});

const ALLOWED_NODES = new Set(['doc', 'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'image', 'text', 'hardBreak', 'bold', 'italic', 'link']);
const ALLOWED_ATTRS = new Set(['dir', 'level', 'mediaId', 'alt', 'caption', 'credit', 'href']);

/** Every node and mark type, attribute name, link target and direction in a stored document. */
function documentShape(doc: unknown) {
  const shape = { types: new Set<string>(), attrs: new Set<string>(), hrefs: [] as string[], dirs: [] as string[] };
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: string; attrs?: Record<string, unknown>; marks?: unknown[]; content?: unknown[] };
    if (n.type) shape.types.add(n.type);
    for (const [name, value] of Object.entries(n.attrs ?? {})) {
      shape.attrs.add(name);
      if (name === 'href') shape.hrefs.push(String(value));
      if (name === 'dir') shape.dirs.push(String(value));
    }
    for (const child of [...(n.marks ?? []), ...(n.content ?? [])]) walk(child);
  };
  walk(doc);
  return shape;
}

forEachDialect('newsroom article pages and endpoints', {}, (site) => {
  let section: Section;
  let editor: Awaited<ReturnType<typeof signedIn>>;
  let writer: Awaited<ReturnType<typeof signedIn>>;

  before(async () => {
    section = await site().services.sections.ensure('دول العالم');
    await site().services.sections.ensure('رياضة');
    editor = await signedIn(site(), 'editor');
    writer = await signedIn(site(), 'writer');
  });

  test('without a session, every article page sends the browser to the login page and every JSON endpoint answers 401', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section));
    const pages = [
      '/newsroom',
      '/newsroom/articles/new',
      `/newsroom/articles/${article.id}`,
      `/newsroom/articles/${article.id}/preview`,
      `/newsroom/articles/${article.id}/revisions`,
      `/newsroom/articles/${article.id}/compare?from=1&to=1`,
      '/newsroom/wire',
    ];
    for (const url of pages) {
      const res = await call(site(), null, 'GET', url);
      assert.equal(res.statusCode, 303, url);
      assert.equal(res.headers.location, `/newsroom/login?next=${encodeURIComponent(url)}`, url);
    }
    for (const url of [`/newsroom/api/articles/${article.id}`, `/newsroom/api/articles/${article.id}/revisions`, '/newsroom/api/tags?q=ر', '/newsroom/api/session']) {
      const res = await call(site(), null, 'GET', url);
      assert.equal(res.statusCode, 401, url);
      assert.equal(errorCode(res), 'AUTH_REQUIRED', url);
    }
    // A valid CSRF token from the login page, but no session: still refused, and nothing is written.
    const login = await site().app.inject('/newsroom/login');
    const jar = new Map<string, string>();
    collectCookies(jar, login.headers['set-cookie']);
    const anonymous: TestSession = { cookie: cookieHeader(jar), csrfToken: csrfTokenIn(login.body) };
    const before = await site().services.articles.countAll();
    const res = await call(site(), anonymous, 'POST', '/newsroom/api/articles', { draft: draftFor(section) });
    assert.equal(res.statusCode, 401);
    assert.equal(errorCode(res), 'AUTH_REQUIRED');
    const put = await call(site(), anonymous, 'PUT', `/newsroom/api/articles/${article.id}`, { draft: draftFor(section, { headline: 'مجهول' }), version: article.version });
    assert.equal(put.statusCode, 401);
    assert.equal(await site().services.articles.countAll(), before);
  });

  test('every state-changing article route refuses a signed-in request without a valid CSRF token, and changes nothing', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section));
    const attempts: [Method, string, unknown][] = [
      ['POST', '/newsroom/api/articles', { draft: draftFor(section) }],
      ['PUT', `/newsroom/api/articles/${article.id}`, { draft: draftFor(section, { headline: 'مزوّر' }), version: article.version, reason: 'save' }],
      ...['submit', 'publish', 'unpublish', 'return-to-draft'].map((action): [Method, string, unknown] => ['POST', `/newsroom/api/articles/${article.id}/${action}`, { version: article.version }]),
      ['POST', `/newsroom/api/articles/${article.id}/schedule`, { version: article.version, at: '2026-12-01T09:00:00Z' }],
      ['POST', `/newsroom/api/articles/${article.id}/notes`, { kind: 'correction', text: 'تصحيح' }],
      ['POST', `/newsroom/api/articles/${article.id}/restore`, { number: 1, version: article.version }],
    ];
    const before = await site().services.articles.countAll();
    for (const [method, url, body] of attempts) {
      for (const token of [null, 'forged-token', writer.session.csrfToken]) {
        const headers: Record<string, string> = { cookie: editor.session.cookie };
        if (token) headers['x-csrf-token'] = token;
        const res = await site().app.inject({ method, url, headers, payload: body as Record<string, unknown> });
        assert.equal(res.statusCode, 403, `${method} ${url} with ${token ?? 'no token'}`);
        assert.equal(errorCode(res), 'CSRF_INVALID', `${method} ${url}`);
      }
    }
    // The plain forms too: the wire desk and the revisions page's restore button.
    for (const url of ['/newsroom/wire', `/newsroom/articles/${article.id}/restore`]) {
      const res = await postForm(site(), editor.session, url, { text: REFERENCE, number: '1', version: String(article.version) });
      assert.equal(res.statusCode, 403, url);
    }
    assert.equal(await site().services.articles.countAll(), before, 'no article created');
    const after = await site().services.desk.get(editor.actor, article.id);
    assert.equal(after.version, article.version, 'the article is unchanged');
    assert.equal(after.status, 'draft');
    assert.equal(after.headline, article.draft.headline);
  });

  test('a writer sees "أرسل للمراجعة" and no publish or schedule button; an editor sees publish and schedule', async () => {
    const writers = await createArticle(site(), writer.session, draftFor(section, { headline: 'مسودة كاتب' }));
    const asWriter = await call(site(), writer.session, 'GET', `/newsroom/articles/${writers.id}`);
    assert.equal(asWriter.statusCode, 200);
    assert.match(asWriter.body, /data-action="submit"[^>]*>\s*أرسل للمراجعة/);
    assert.doesNotMatch(asWriter.body, /data-action="publish"/);
    assert.doesNotMatch(asWriter.body, /data-action="schedule"/);
    assert.doesNotMatch(asWriter.body, /data-action="unpublish"/);
    const newPage = await call(site(), writer.session, 'GET', '/newsroom/articles/new');
    assert.doesNotMatch(newPage.body, /data-action="publish"/);

    const asEditor = await call(site(), editor.session, 'GET', `/newsroom/articles/${writers.id}`);
    assert.equal(asEditor.statusCode, 200);
    assert.match(asEditor.body, /data-action="publish"/);
    assert.match(asEditor.body, /data-action="schedule"/);
    assert.match(asEditor.body, /<meta name="csrf-token" content="[^"]+"/);
    assert.equal(asEditor.headers['cache-control'], 'no-store');
    // The page is not blank without a script: the body is there to read, with a note on why it cannot be edited.
    assert.match(asEditor.body, /<noscript>/);
    assert.match(asEditor.body, /التقى وزيرا خارجية روسيا/);
  });

  test("a writer's forged publish request (their session, a valid CSRF token) is refused 403 and the article stays a draft", async () => {
    const article = await createArticle(site(), writer.session, draftFor(section, { headline: 'محاولة نشر' }));
    for (const action of ['publish', 'schedule', 'unpublish']) {
      const res = await call(site(), writer.session, 'POST', `/newsroom/api/articles/${article.id}/${action}`, {
        version: article.version,
        at: '2026-12-01T09:00:00Z',
      });
      assert.equal(res.statusCode, 403, action);
      assert.equal(errorCode(res), 'FORBIDDEN', action);
    }
    const after = await site().services.desk.get(editor.actor, article.id);
    assert.equal(after.status, 'draft');
    assert.equal(after.version, article.version);
    assert.equal(after.publishedAt, null);
  });

  test('a save carries its version: the next save with the old version is a 409 conflict and keeps the newer text', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section));
    const first = await call(site(), editor.session, 'PUT', `/newsroom/api/articles/${article.id}`, {
      draft: draftFor(section, { headline: 'العنوان بعد التعديل الأول' }),
      version: article.version,
      reason: 'autosave',
    });
    assert.equal(first.statusCode, 200, first.body);
    const saved = json<{ article: ArticleJson }>(first).article;
    assert.ok(saved.version > article.version);
    assert.equal(saved.draft.headline, 'العنوان بعد التعديل الأول');

    const stale = await call(site(), editor.session, 'PUT', `/newsroom/api/articles/${article.id}`, {
      draft: draftFor(section, { headline: 'نسخة قديمة' }),
      version: article.version,
      reason: 'save',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(errorCode(stale), 'ARTICLE_VERSION_CONFLICT');
    const now = json<{ article: ArticleJson }>(await call(site(), editor.session, 'GET', `/newsroom/api/articles/${article.id}`)).article;
    assert.equal(now.draft.headline, 'العنوان بعد التعديل الأول');
    assert.equal(now.version, saved.version);
  });

  test('bad input is refused with VALIDATION_FAILED and named fields, and nothing is saved', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section));
    const bad: [string, unknown][] = [
      ['headline', { ...draftFor(section), headline: 'ع'.repeat(2_000) }],
      ['sectionId', { ...draftFor(section), sectionId: 'one' }],
      ['sourceKind', { ...draftFor(section), sourceKind: 'rumour' }],
      ['tags', { ...draftFor(section), tags: 'روسيا' }],
      ['headline', { ...draftFor(section), headline: '   ' }],
    ];
    for (const [field, draft] of bad) {
      const res = await call(site(), editor.session, 'PUT', `/newsroom/api/articles/${article.id}`, { draft, version: article.version });
      assert.equal(res.statusCode, 400, field);
      const body = json<{ error: { code: string; fields?: Record<string, string> } }>(res);
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.ok(body.error.fields?.[field], `${field} named in ${JSON.stringify(body.error.fields)}`);
    }
    const notJson = await site().app.inject({
      method: 'PUT',
      url: `/newsroom/api/articles/${article.id}`,
      headers: { cookie: editor.session.cookie, 'x-csrf-token': editor.session.csrfToken, 'content-type': 'application/json' },
      payload: '{"draft": ',
    });
    assert.equal(notJson.statusCode, 400);
    for (const id of ['abc', '0', '99999999999', '1e3']) {
      const res = await call(site(), editor.session, 'GET', `/newsroom/api/articles/${id}`);
      assert.equal(res.statusCode, 404, id);
    }
    const after = await site().services.desk.get(editor.actor, article.id);
    assert.equal(after.version, article.version);
  });

  // Each payload goes into every text field (headline, dek, byline, a tag, the alt text) and, as
  // text and as link targets, into the body JSON.
  const HOSTILE = [
    '<script>alert(1)</script>',
    '"><script src=//evil.example/x.js></script>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><script>alert(2)</script></svg>',
    '<a href="javascript:alert(1)">اضغط</a>',
    'javascript:alert(document.cookie)',
    ' JaVaScRiPt:alert(1)',
    '<div style="background:url(javascript:alert(1));width:expression(alert(1))">',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '</textarea><script>alert(1)</script>',
    "'><body onload=alert(1)>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '\u202eنص معكوس\u202c <b onclick=alert(1)>',
    '\u2066\u2067\u2068بيانات معزولة\u2069',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  ];

  test(`${HOSTILE.length} hostile payloads in every field and in the body JSON are stored as text and never run on the editor, preview or reader page`, async () => {
    const body = {
      type: 'doc',
      content: [
        ...HOSTILE.map((payload) => ({
          type: 'paragraph',
          attrs: { dir: payload, onclick: 'alert(1)', style: 'color:red' },
          content: [
            { type: 'text', text: `نص ${payload}` },
            { type: 'text', text: ' رابط', marks: [{ type: 'link', attrs: { href: payload.trim(), onclick: 'alert(1)' } }] },
          ],
        })),
        { type: 'heading', attrs: { level: 1, onmouseover: 'alert(1)' }, content: [{ type: 'text', text: HOSTILE[0]! }] },
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'image', attrs: { mediaId: 'javascript:alert(1)', alt: HOSTILE[2] } },
        { type: 'paragraph', content: [{ type: 'text', text: 'رابط آمن', marks: [{ type: 'link', attrs: { href: 'https://example.com/?q=<script>' } }] }] },
      ],
    };
    const draft = draftFor(section, {
      headline: `عنوان ${HOSTILE.slice(0, 3).join(' ')}`,
      dek: HOSTILE.join(' ').slice(0, 590),
      byline: HOSTILE[3]!.slice(0, 150),
      tags: HOSTILE.map((p) => p.slice(0, 50)).filter((t) => t.trim() !== ''),
      body,
    });
    const article = await createArticle(site(), editor.session, draftFor(section));
    const saved = await call(site(), editor.session, 'PUT', `/newsroom/api/articles/${article.id}`, { draft, version: article.version, reason: 'save' });
    assert.equal(saved.statusCode, 200, saved.body);
    const stored = json<{ article: ArticleJson }>(saved).article;
    // The body went through the allowlist: no unknown nodes or attributes, no unsafe links.
    const shape = documentShape(stored.draft.body);
    assert.deepEqual([...shape.types].filter((t) => !ALLOWED_NODES.has(t)), [], 'only allowlisted nodes and marks');
    assert.deepEqual([...shape.attrs].filter((a) => !ALLOWED_ATTRS.has(a)), [], 'only allowlisted attributes');
    assert.deepEqual(shape.hrefs.filter((href) => !/^(https?:\/\/|mailto:)/.test(href)), [], 'only http(s) and mailto links');
    assert.deepEqual(shape.dirs.filter((dir) => !['rtl', 'ltr', 'auto'].includes(dir)), [], 'a direction is rtl, ltr or auto');
    assert.doesNotMatch(JSON.stringify(stored.draft.body), /[\u202a-\u202e\u2066-\u2069]/, 'no bidi overrides or isolates');
    assert.ok(shape.hrefs.includes('https://example.com/?q=%3Cscript%3E'), 'a safe link stays');

    const published = await call(site(), editor.session, 'POST', `/newsroom/api/articles/${article.id}/publish`, { version: stored.version });
    assert.equal(published.statusCode, 200, published.body);
    const live = json<{ article: ArticleJson }>(published).article;

    const pages = {
      editor: await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}`),
      preview: await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/preview`),
      revisions: await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/revisions`),
      compare: await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/compare?from=1&to=2`),
      desk: await call(site(), editor.session, 'GET', '/newsroom?list=all'),
      reader: await site().app.inject(encodeURI(live.path)),
    };
    for (const [name, res] of Object.entries(pages)) {
      assert.equal(res.statusCode, 200, `${name}: ${res.body.slice(0, 300)}`);
      const html = res.body;
      const dom = elementsOf(html);
      // Our own scripts are external modules from /assets; no payload's script survives anywhere.
      for (const script of dom.filter((el) => el.name === 'script')) {
        assert.match(script.attrs.src ?? '', /^\/assets\/[\w.-]+\.js$/, `${name}: script ${JSON.stringify(script.attrs)}`);
        assert.equal(script.text, '', `${name}: no inline script`);
      }
      // The reader page's own icons are inline SVG, hidden from screen readers; a payload's is not.
      const hostile = dom.filter((el) => ['iframe', 'math', 'style', 'object', 'embed', 'base'].includes(el.name) || (el.name === 'svg' && el.attrs['aria-hidden'] !== 'true'));
      assert.deepEqual(hostile.map((el) => el.name), [], `${name}: no hostile element`);
      assert.deepEqual(dom.flatMap((el) => Object.keys(el.attrs).filter((a) => a.startsWith('on') || a === 'style' || a === 'srcdoc')), [], `${name}: no event handler or style attribute`);
      assert.deepEqual(
        dom.flatMap((el) => ['href', 'src', 'action', 'formaction'].map((a) => el.attrs[a]).filter((v): v is string => v !== undefined && /^\s*(javascript|data|vbscript):/i.test(v))),
        [],
        `${name}: no script URL`,
      );
      assert.doesNotMatch(html, /[\u202a-\u202e\u2066-\u2069]/, `${name}: no bidi overrides or isolates`);
      // The payloads are there, escaped, as the text the editor typed.
      assert.ok(html.includes('&lt;script>alert(1)&lt;/script>') || html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${name} shows the text`);
    }
    assert.match(pages.preview.body, /<meta name="robots" content="noindex/);
    assert.equal(pages.preview.headers['cache-control'], 'no-store');
  });

  test('the preview shows the stored draft as the reader article page will, before it is published', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section, { headline: 'خبر لم يُنشر بعد', dek: 'موجز الخبر' }));
    const reader = await site().app.inject(`/article/${article.id}/${encodeURIComponent(article.slug)}`);
    assert.equal(reader.statusCode, 404, 'readers cannot see a draft');
    const preview = await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h1 class="headline">خبر لم يُنشر بعد<\/h1>/);
    assert.match(preview.body, /<p class="dek">موجز الخبر<\/p>/);
    assert.match(preview.body, /<div class="article-body">/);
    assert.match(preview.body, /التقى وزيرا خارجية روسيا/);
    const other = await signedIn(site(), 'writer');
    const forbidden = await call(site(), other.session, 'GET', `/newsroom/articles/${article.id}/preview`);
    assert.equal(forbidden.statusCode, 403, "another writer cannot preview an editor's draft");
  });

  test("a heading's direction from the editor is stored and laid out on the reader's page; a hostile one is dropped", async () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, dir: 'ltr' }, content: [{ type: 'text', text: 'NATO summit in Vilnius' }] },
        { type: 'heading', attrs: { level: 3, dir: 'rtl' }, content: [{ type: 'text', text: 'Sergei Lavrov في بيونغ يانغ' }] },
        { type: 'heading', attrs: { level: 2, dir: 'ltr" onmouseover="alert(1)' }, content: [{ type: 'text', text: 'عنوان باتجاه عدائي' }] },
        { type: 'paragraph', attrs: { dir: 'rtl' }, content: [{ type: 'text', text: 'التقى وزيرا خارجية روسيا وكوريا الشمالية اليوم.' }] },
      ],
    };
    const created = await createArticle(site(), editor.session, draftFor(section, { body }));
    assert.deepEqual(
      (created.draft.body as { content: { attrs?: unknown }[] }).content.map((block) => block.attrs),
      [{ level: 2, dir: 'ltr' }, { level: 3, dir: 'rtl' }, { level: 2 }, { dir: 'rtl' }],
      'valid directions kept, the hostile one dropped',
    );
    const published = await call(site(), editor.session, 'POST', `/newsroom/api/articles/${created.id}/publish`, { version: created.version });
    assert.equal(published.statusCode, 200, published.body);
    const page = await site().app.inject(`/article/${created.id}/${encodeURIComponent(created.slug)}`);
    assert.equal(page.statusCode, 200);
    const texts = new Set(body.content.filter((block) => block.type === 'heading').map((block) => block.content[0]!.text));
    assert.deepEqual(
      elementsOf(page.body).filter((el) => texts.has(el.text)).map((el) => [el.name, el.attrs.dir, el.text]),
      [
        ['h2', 'ltr', 'NATO summit in Vilnius'],
        ['h3', 'rtl', 'Sergei Lavrov في بيونغ يانغ'],
        ['h2', undefined, 'عنوان باتجاه عدائي'],
      ],
    );
    assert.deepEqual(scriptableParts(page.body), [], 'nothing on the page runs script');
  });

  test('the desk lists my drafts, waiting for review, and all, with a search in headlines and pages', async () => {
    const mine = await signedIn(site(), 'writer');
    const a = await createArticle(site(), mine.session, draftFor(section, { headline: 'قمة المناخ في دبي' }));
    const b = await createArticle(site(), mine.session, draftFor(section, { headline: 'مباراة الهلال والنصر' }));
    const submitted = await call(site(), mine.session, 'POST', `/newsroom/api/articles/${b.id}/submit`, { version: b.version });
    assert.equal(submitted.statusCode, 200, submitted.body);

    const drafts = await call(site(), mine.session, 'GET', '/newsroom?list=mine');
    assert.equal(drafts.statusCode, 200);
    assert.ok(drafts.body.includes(`href="/newsroom/articles/${a.id}"`));
    assert.match(drafts.body, /<a [^>]*aria-current="page"[^>]*>مسوداتي<\/a>/);

    const review = await call(site(), editor.session, 'GET', '/newsroom?list=review');
    assert.ok(review.body.includes(`href="/newsroom/articles/${b.id}"`));
    assert.ok(!review.body.includes(`href="/newsroom/articles/${a.id}"`), 'a draft is not waiting for review');

    const search = await call(site(), editor.session, 'GET', `/newsroom?list=all&q=${encodeURIComponent('المناخ')}`);
    assert.ok(search.body.includes(`href="/newsroom/articles/${a.id}"`));
    assert.ok(!search.body.includes(`href="/newsroom/articles/${b.id}"`));

    for (let i = 0; i < 26; i++) await createArticle(site(), editor.session, draftFor(section, { headline: `خبر رقم ${i + 1}` }));
    const first = await call(site(), editor.session, 'GET', '/newsroom?list=all');
    assert.equal([...first.body.matchAll(/<tr>\s*<th scope="row">/g)].length, 25);
    assert.match(first.body, /rel="next"/);
    const second = await call(site(), editor.session, 'GET', '/newsroom?list=all&page=2');
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /rel="prev"/);

    const badList = await call(site(), editor.session, 'GET', '/newsroom?list=everything');
    assert.equal(badList.statusCode, 400);
  });

  test('tag suggestions come from existing tags, and a new name becomes a tag when the article is saved', async () => {
    await createArticle(site(), editor.session, draftFor(section, { tags: ['كوريا الشمالية', 'كوريا الجنوبية', 'روسيا'] }));
    const res = await call(site(), editor.session, 'GET', `/newsroom/api/tags?q=${encodeURIComponent('كوريا')}`);
    assert.equal(res.statusCode, 200);
    const names = json<{ tags: { name: string }[] }>(res).tags.map((t) => t.name);
    assert.deepEqual(names.sort(), ['كوريا الجنوبية', 'كوريا الشمالية']);
    const wildcard = await call(site(), editor.session, 'GET', `/newsroom/api/tags?q=${encodeURIComponent('%')}`);
    assert.deepEqual(json<{ tags: unknown[] }>(wildcard).tags, [], 'a typed % is a character, not a wildcard');
    const created = await createArticle(site(), editor.session, draftFor(section, { tags: ['وسم جديد تماماً'] }));
    assert.deepEqual(created.draft.tags, ['وسم جديد تماماً']);
    const again = await call(site(), editor.session, 'GET', `/newsroom/api/tags?q=${encodeURIComponent('جديد')}`);
    assert.ok(json<{ tags: { name: string }[] }>(again).tags.some((t) => t.name === 'وسم جديد تماماً'));
  });

  test('revisions: every save is listed, two can be compared, and one restored from the page', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section, { headline: 'العنوان الأول' }));
    const saved = await call(site(), editor.session, 'PUT', `/newsroom/api/articles/${article.id}`, {
      draft: draftFor(section, { headline: 'العنوان الثاني' }),
      version: article.version,
      reason: 'save',
    });
    const current = json<{ article: ArticleJson }>(saved).article;
    const list = await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/revisions`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<th scope="row">النسخة 2<\/th>/);
    assert.match(list.body, /<th scope="row">النسخة 1<\/th>/);
    const compare = await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/compare?from=1&to=2`);
    assert.equal(compare.statusCode, 200);
    assert.match(compare.body, /<del class="diff-removed">.*العنوان الأول/s);
    assert.match(compare.body, /<ins class="diff-added">.*العنوان الثاني/s);
    const missing = await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/compare?from=1&to=99`);
    assert.equal(missing.statusCode, 404);

    const page = await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/revisions`);
    const restored = await postForm(site(), editor.session, `/newsroom/articles/${article.id}/restore`, {
      _csrf: csrfTokenIn(page.body),
      number: '1',
      version: String(current.version),
    });
    assert.equal(restored.statusCode, 303, restored.body);
    assert.equal(restored.headers.location, `/newsroom/articles/${article.id}?done=restore`);
    const after = await site().services.desk.get(editor.actor, article.id);
    assert.equal(after.headline, 'العنوان الأول');

    const api = await call(site(), editor.session, 'GET', `/newsroom/api/articles/${article.id}/revisions`);
    assert.equal(json<{ revisions: unknown[] }>(api).revisions.length, 3);
  });

  test('the wire desk turns the reference text into a draft in well under a second, and warns when the same story was drafted within 48 hours', async () => {
    const form = await call(site(), editor.session, 'GET', '/newsroom/wire');
    assert.equal(form.statusCode, 200);
    const token = csrfTokenIn(form.body);

    const started = performance.now();
    const first = await postForm(site(), editor.session, '/newsroom/wire', { _csrf: token, text: REFERENCE });
    const elapsed = performance.now() - started;
    assert.equal(first.statusCode, 303, first.body.slice(0, 500));
    assert.ok(elapsed < 1000, `paste to draft took ${elapsed.toFixed(0)} ms`);
    const firstId = Number(/^\/newsroom\/articles\/(\d+)/.exec(first.headers.location as string)?.[1]);
    assert.match(first.headers['server-timing'] as string, /^wire;desc="paste to draft";dur=\d/);
    const draft = await site().services.desk.get(editor.actor, firstId);
    assert.equal(draft.headline, REFERENCE_HEADLINE);
    assert.equal(draft.byline, 'وكالات – العربي');
    assert.equal(draft.sourceKind, 'wires');
    assert.equal(draft.sectionId, section.id, 'the section named on the first line');
    assert.equal(draft.status, 'draft');
    assert.equal(draft.origin, 'wire-desk');
    assert.doesNotMatch(draft.bodyText, /اظهر المزيد|مقالات ذات صلة/);

    const firstPage = await call(site(), editor.session, 'GET', first.headers.location as string);
    assert.equal(firstPage.statusCode, 200);
    assert.doesNotMatch(firstPage.body, /قصة مشابهة/);

    // A day later the same copy arrives again (the editor has signed in again since: sessions idle out after 12 hours).
    site().clock.advance(24 * 3600_000);
    editor.session = await login(site(), editor.email, editor.password);
    const again = await call(site(), editor.session, 'GET', '/newsroom/wire');
    const second = await postForm(site(), editor.session, '/newsroom/wire', { _csrf: csrfTokenIn(again.body), text: REFERENCE });
    assert.equal(second.statusCode, 303);
    const location = second.headers.location as string;
    assert.match(location, new RegExp(`similar=(\\d+,)*${firstId}\\b`));
    const secondPage = await call(site(), editor.session, 'GET', location);
    assert.match(secondPage.body, /قصة مشابهة نُشرت\/حُفظت خلال 48 ساعة/);
    assert.ok(secondPage.body.includes(`href="/newsroom/articles/${firstId}"`), 'links to the earlier draft');
  });

  test('the wire desk refuses a paste with no headline or no text in Arabic, keeps the text, and creates nothing', async () => {
    const form = await call(site(), editor.session, 'GET', '/newsroom/wire');
    const token = csrfTokenIn(form.body);
    const before = await site().services.articles.countAll();
    for (const text of ['اظهر المزيد\nمقالات ذات صلة', 'عنوان وحده', '   ']) {
      const res = await postForm(site(), editor.session, '/newsroom/wire', { _csrf: token, text });
      assert.equal(res.statusCode, 400, JSON.stringify(text));
      assert.match(res.body, /لم تُنشأ مسودة/);
      assert.match(res.body, /role="alert"/);
    }
    const echoed = await postForm(site(), editor.session, '/newsroom/wire', { _csrf: token, text: 'عنوان وحده <script>alert(1)</script>' });
    assert.ok(echoed.body.includes('عنوان وحده &lt;script>alert(1)&lt;/script>'), 'the paste is shown again, escaped');
    assert.equal(await site().services.articles.countAll(), before);
  });

  test('the desk, the editor (new, draft, published with notes), preview, revisions, comparison and the wire desk are valid HTML', async () => {
    const article = await createArticle(site(), editor.session, draftFor(section, { headline: 'صفحات صالحة', tags: ['روسيا', 'كوريا'] }));
    const published = json<{ article: ArticleJson }>(
      await call(site(), editor.session, 'POST', `/newsroom/api/articles/${article.id}/publish`, { version: article.version }),
    ).article;
    const noted = await call(site(), editor.session, 'POST', `/newsroom/api/articles/${article.id}/notes`, { kind: 'correction', text: 'صُحّح اسم الوزير.' });
    assert.equal(noted.statusCode, 200, noted.body);
    assert.ok(published.version > article.version);
    const wireForm = await call(site(), editor.session, 'GET', '/newsroom/wire');
    const refusedPaste = await postForm(site(), editor.session, '/newsroom/wire', { _csrf: csrfTokenIn(wireForm.body), text: 'عنوان وحده' });
    const pages: [string, LightMyRequestResponse][] = [
      ['desk', await call(site(), editor.session, 'GET', '/newsroom?list=all&q=x&status=draft')],
      ['empty desk', await call(site(), editor.session, 'GET', `/newsroom?list=scheduled&q=${encodeURIComponent('لا شيء بهذا العنوان')}`)],
      ['new article', await call(site(), (await signedIn(site(), 'writer')).session, 'GET', '/newsroom/articles/new')],
      ['published article', await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}?done=publish`)],
      ['preview', await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/preview`)],
      ['revisions', await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/revisions`)],
      ['compare', await call(site(), editor.session, 'GET', `/newsroom/articles/${article.id}/compare?from=1&to=2`)],
      ['wire desk', wireForm],
      ['refused paste', refusedPaste],
    ];
    for (const [name, res] of pages) {
      assert.ok(res.statusCode === 200 || (name === 'refused paste' && res.statusCode === 400), `${name}: ${res.statusCode}`);
      const report = await validator.validateString(res.body);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      assert.deepEqual(problems, [], `${name} has HTML problems`);
    }
  });
});

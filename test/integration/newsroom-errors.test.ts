import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { postForm, signedIn, type TestSession } from '../helpers/newsroom.ts';
import { forEachDialect } from '../helpers/test-site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'doctype-style': 'off', 'no-trailing-whitespace': 'off', 'long-title': 'off' },
});

/** The parts that make a page a newsroom page: its layout, its navigation for the person, its error. */
function newsroomError(html: string) {
  return {
    layout: /<body class="newsroom">/.test(html),
    nav: /<nav class="newsroom-nav"/.test(html),
    code: /class="newsroom-error" data-error-code="([A-Z_]+)"/.exec(html)?.[1],
    readerLayout: /class="site-header"/.test(html),
  };
}

forEachDialect('newsroom errors keep the newsroom layout', {}, (site) => {
  let writer: TestSession;

  test('a writer refused an administrator page sees the refusal inside the newsroom, with the navigation', async () => {
    writer = (await signedIn(site(), 'writer')).session;
    const res = await site().app.inject({ url: '/newsroom/settings', headers: { cookie: writer.cookie } });
    assert.equal(res.statusCode, 403);
    assert.deepEqual(newsroomError(res.body), { layout: true, nav: true, code: 'FORBIDDEN', readerLayout: false });
    assert.match(res.body, /ليست لديك صلاحية/);
    assert.match(res.body, /href="\/newsroom">العودة إلى المكتب/);
  });

  test('an article that does not exist and an unknown newsroom address answer 404 in the newsroom layout', async () => {
    for (const [url, code] of [
      ['/newsroom/articles/987654321', 'ARTICLE_NOT_FOUND'],
      ['/newsroom/no-such-page', 'NOT_FOUND'],
    ] as const) {
      const res = await site().app.inject({ url, headers: { cookie: writer.cookie } });
      assert.equal(res.statusCode, 404, url);
      const page = newsroomError(res.body);
      assert.equal(page.layout, true, `${url}: newsroom layout`);
      assert.equal(page.readerLayout, false, `${url}: not the reader's`);
      assert.equal(page.code, code, url);
    }
  });

  test('a form sent without its CSRF token is refused in the newsroom layout, which carries a fresh token', async () => {
    const res = await postForm(site(), '/newsroom/account/password', { currentPassword: 'x', newPassword: 'y', _csrf: 'forged' }, writer);
    assert.equal(res.statusCode, 403);
    assert.equal(newsroomError(res.body).code, 'CSRF_INVALID');
    assert.match(res.body, /<meta name="csrf-token" content="[^"]{10,}"/);
  });

  test('anonymous visitors get the sign-in link; the newsroom JSON API still answers JSON; reader pages keep theirs', async () => {
    const anonymous = await site().app.inject('/newsroom/no-such-page');
    assert.equal(anonymous.statusCode, 404);
    assert.equal(newsroomError(anonymous.body).nav, false);
    assert.match(anonymous.body, /href="\/newsroom\/login">تسجيل الدخول/);

    const api = await site().app.inject({ url: '/newsroom/api/articles/987654321', headers: { cookie: writer.cookie } });
    assert.match(String(api.headers['content-type']), /^application\/json/);
    assert.ok(JSON.parse(api.body).error.code, 'a JSON error with a code');

    const reader = await site().app.inject('/newsroomish');
    assert.equal(reader.statusCode, 404);
    assert.equal(newsroomError(reader.body).readerLayout, true, 'an address that only starts like the newsroom is a reader page');
  });

  test('the newsroom error pages pass html-validate', async () => {
    for (const url of ['/newsroom/settings', '/newsroom/no-such-page']) {
      const res = await site().app.inject({ url, headers: { cookie: writer.cookie } });
      const report = await validator.validateString(res.body);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], url);
    }
  });
});

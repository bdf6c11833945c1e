import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { forEachDialect } from '../helpers/test-site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Style, not validity: void elements are written <meta/> as preact renders them; <!doctype html> in lower case.
    'void-style': 'off',
    'doctype-style': 'off',
    'no-trailing-whitespace': 'off',
    // Long Arabic headlines appear in both <title> and <h1>; that is intended.
    'long-title': 'off',
  },
});

forEachDialect('every reader page is valid HTML', { demo: true }, (site) => {
  test('home, section, tag, article, later list pages and the 404 page pass html-validate', async () => {
    const [first] = (await site().app.inject('/api/v1/articles?limit=1')).json().items;
    const pages = [
      '/',
      encodeURI('/section/دول-العالم'),
      encodeURI('/section/دول-العالم?page=2'),
      encodeURI('/tag/روسيا'),
      new URL(first.url).pathname,
      '/no-such-page',
    ];
    for (const path of pages) {
      const res = await site().app.inject(path);
      const report = await validator.validateString(res.body);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line}:${m.column})`));
      assert.deepEqual(problems, [], `${decodeURI(path)} has HTML problems`);
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachDialect } from '../helpers/test-site.ts';

forEachDialect('the read API', { demo: true }, (site) => {
  test('lists articles newest first and walks every page with the cursor until nextCursor is null', async () => {
    const seen = new Set<number>();
    let cursor: string | null = null;
    let previous = Infinity;
    let pages = 0;
    do {
      const url: string = `/api/v1/articles?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await site().app.inject(url);
      assert.equal(res.statusCode, 200);
      const body = res.json() as { items: { id: number; publishedAt: string }[]; nextCursor: string | null };
      for (const item of body.items) {
        assert.ok(!seen.has(item.id), 'no article twice');
        seen.add(item.id);
        const t = Date.parse(item.publishedAt);
        assert.ok(t <= previous, 'newest first');
        previous = t;
      }
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    assert.equal(seen.size, 355);
    assert.equal(cursor, null);
  });

  test('filters by section slug and returns the documented item shape', async () => {
    const res = await site().app.inject(`/api/v1/articles?section=${encodeURIComponent('رياضة')}&limit=5`);
    assert.equal(res.statusCode, 200);
    const { items, nextCursor } = res.json();
    assert.equal(items.length, 5);
    assert.ok(typeof nextCursor === 'string');
    for (const item of items) {
      assert.deepEqual(item.section, { slug: 'رياضة', name: 'رياضة' });
      assert.deepEqual(Object.keys(item).sort(), ['byline', 'dek', 'headline', 'id', 'publishedAt', 'section', 'sourceKind', 'url'].sort());
      assert.match(item.url, /^https:\/\/midad\.test\/article\/\d+\//);
    }
  });

  test('an article comes with its paragraphs, tags and related articles', async () => {
    const [first] = (await site().app.inject('/api/v1/articles?limit=1')).json().items;
    const res = await site().app.inject(`/api/v1/articles/${first.id}`);
    assert.equal(res.statusCode, 200);
    const article = res.json();
    assert.equal(article.byline, 'وكالات – العربي');
    assert.equal(article.sourceKind, 'wires');
    assert.deepEqual(article.section, { slug: 'دول-العالم', name: 'دول العالم' });
    assert.equal(article.paragraphs.length, 12);
    assert.equal(article.publishedAt, '2023-10-19T09:00:00.000Z');
    assert.equal(article.updatedAt, null);
    assert.equal(article.related.length, 4);
    assert.ok(article.related.every((r: { id: number }) => r.id !== article.id));
    assert.deepEqual(Object.keys(article.related[0]).sort(), ['headline', 'id', 'url']);
    assert.ok(article.tags.some((t: { name: string }) => t.name === 'سيرغي لافروف'));
  });

  test('bad limits, cursors and ids get a JSON error with a code and the right status', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/articles?limit=0', 400, 'VALIDATION_FAILED'],
      ['/api/v1/articles?limit=101', 400, 'VALIDATION_FAILED'],
      ['/api/v1/articles?limit=abc', 400, 'VALIDATION_FAILED'],
      ['/api/v1/articles?cursor=not-a-cursor', 400, 'INVALID_CURSOR'],
      [`/api/v1/articles?cursor=${encodeURIComponent("' OR 1=1 --")}`, 400, 'INVALID_CURSOR'],
      [`/api/v1/articles?section=${encodeURIComponent('لا-يوجد')}`, 404, 'SECTION_NOT_FOUND'],
      ['/api/v1/articles/99999999', 404, 'ARTICLE_NOT_FOUND'],
      ['/api/v1/articles/1abc', 404, 'ARTICLE_NOT_FOUND'],
      ['/api/v1/articles/-1', 404, 'ARTICLE_NOT_FOUND'],
      ['/api/v1/nothing', 404, 'NOT_FOUND'],
    ];
    for (const [url, status, code] of cases) {
      const res = await site().app.inject(url);
      assert.equal(res.statusCode, status, url);
      assert.match(res.headers['content-type'] as string, /application\/json/);
      assert.equal(res.json().error.code, code, url);
      assert.equal(typeof res.json().error.message, 'string');
    }
    // Nothing the hostile requests sent changed the data.
    assert.equal(await site().services.articles.countAll(), 355);
  });
});

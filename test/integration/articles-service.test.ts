import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { AppError } from '../../src/errors.ts';
import { forEachDialect } from '../helpers/test-site.ts';

forEachDialect('saving articles', {}, (site) => {
  async function section() {
    return site().services.sections.ensure('دول العالم');
  }

  test('refused input names the bad fields and leaves nothing half-saved', async () => {
    const { services } = site();
    const s = await section();
    const cases = [
      { headline: '', paragraphs: ['نص'] },
      { headline: '\u202E\u200F  ', paragraphs: ['نص'] },
      { headline: 'ع'.repeat(301), paragraphs: ['نص'] },
      { headline: 'عنوان سليم', paragraphs: [] },
      { headline: 'عنوان سليم', paragraphs: ['نص'], tags: Array.from({ length: 21 }, (_, i) => `وسم ${i}`) },
    ];
    for (const c of cases) {
      await assert.rejects(
        services.articles.create({
          headline: c.headline,
          sourceKind: 'staff',
          sectionId: s.id,
          body: documentFromParagraphs(c.paragraphs),
          status: 'published',
          tags: c.tags ?? [],
        }),
        (error: unknown) => error instanceof AppError && error.code === 'VALIDATION_FAILED' && Object.keys(error.fields ?? {}).length > 0,
      );
    }
    assert.equal(await services.articles.countAll(), 0);
  });

  test('text is stored exactly as written, minus invisible direction controls in one-line fields', async () => {
    const { services, clock } = site();
    const s = await section();
    const body = 'قال “لافروف” إن <script>alert(1)</script> ليست إلا نصاً؛ والأسعار ١٢٣ دولاراً.';
    const { article } = await services.articles.create({
      headline: '\u202Eعنوان \u200Fمع علامات اتجاه',
      byline: 'موسكو - د ب أ',
      sourceKind: 'wires',
      sectionId: s.id,
      body: documentFromParagraphs([body]),
      status: 'published',
      publishedAt: clock.now(),
      tags: ['روسيا', ' روسيا ', 'كوريا الشمالية'],
    });
    assert.equal(article.headline, 'عنوان مع علامات اتجاه');
    assert.equal(article.bodyText, body);
    const tags = (await services.tags.tagsOf([article.id])).get(article.id)!.map((t) => t.name);
    assert.deepEqual(tags, ['روسيا', 'كوريا الشمالية']);
    const page = await site().app.inject(`/article/${article.id}/${encodeURIComponent(article.slug)}`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('<script>alert(1)</script>'), 'body text is escaped on the page');
    assert.ok(page.body.includes('&lt;script>') || page.body.includes('&lt;script&gt;'));
  });

  test('the same text with other diacritics or invisible marks is the same story, saved once', async () => {
    const { services, clock } = site();
    const s = await section();
    const input = {
      headline: 'التقى وزيرا الخارجية في بيونغ يانغ',
      sourceKind: 'wires' as const,
      sectionId: s.id,
      body: documentFromParagraphs(['التقى الوزيران اليوم.']),
      status: 'published' as const,
      publishedAt: clock.now(),
    };
    const first = await services.articles.create(input);
    assert.equal(first.created, true);
    const second = await services.articles.create({ ...input, headline: 'التَقَى وزيرا الخارجيـة في بيونغ يانغ\u200F' });
    assert.equal(second.created, false);
    assert.equal(second.article.id, first.article.id);
  });

  test('an article published in the future is not shown before its time', async () => {
    const { services, clock } = site();
    const s = await section();
    const when = new Date(clock.now().getTime() + 3_600_000);
    const { article } = await services.articles.create({
      headline: 'خبر مجدول للنشر بعد ساعة',
      sourceKind: 'staff',
      sectionId: s.id,
      body: documentFromParagraphs(['نص الخبر المجدول.']),
      status: 'published',
      publishedAt: when,
    });
    await assert.rejects(services.articles.getPublished(article.id), (e: unknown) => e instanceof AppError && e.code === 'ARTICLE_NOT_FOUND');
    clock.set(when);
    assert.equal((await services.articles.getPublished(article.id)).id, article.id);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { createTestSite, forEachDialect, type TestSite } from '../helpers/test-site.ts';

type ApiResult = { id: number; headline: string; snippet: string; section: { slug: string } };

async function searchApi(site: TestSite, q: string, extra = ''): Promise<{ status: number; body: any }> {
  const res = await site.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
  return { status: res.statusCode, body: res.json() };
}

/** Every id a query matches, following cursors. */
async function allMatches(site: TestSite, q: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 30; i++) {
    const { body } = await searchApi(site, q, `&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
    ids.push(...body.results.map((r: ApiResult) => r.id));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return ids.sort((a, b) => a - b);
}

forEachDialect('searching the demo site', { demo: true }, (site) => {
  test('a name with attached clitics, diacritics or tatweel finds what the bare name finds', async () => {
    const base = await allMatches(site(), 'لافروف');
    assert.ok(base.length >= 5, `لافروف matches ${base.length}`);
    for (const variant of ['ولافروف', 'بلافروف', 'للافروف', 'لَافْرُوف', 'لافـروف', 'لافروف\u200F']) {
      assert.deepEqual(await allMatches(site(), variant), base, variant);
    }
  });

  test('hamza and alef variants meet: الاسلحة finds what الأسلحة finds', async () => {
    const hamza = await allMatches(site(), 'الأسلحة');
    assert.ok(hamza.length > 10);
    assert.deepEqual(await allMatches(site(), 'الاسلحة'), hamza);
    assert.deepEqual(await allMatches(site(), 'الأسلحه'), hamza);
  });

  test('frequent words and names keep their letters: وزير is not زير, بيونغ is not يونغ', async () => {
    const minister = await searchApi(site(), 'وزير', '&limit=50');
    assert.ok(minister.body.total > 20);
    for (const r of minister.body.results as ApiResult[]) assert.match(r.snippet, /<mark>[^<]*وزير/);
  });

  test('"بيونغ يانغ" in quotes is a phrase: the two words next to each other', async () => {
    const phrase = await searchApi(site(), '"بيونغ يانغ"', '&limit=50');
    assert.ok(phrase.body.total >= 5);
    const both = await searchApi(site(), 'بيونغ يانغ', '&limit=50');
    assert.ok(both.body.total >= phrase.body.total);
    for (const r of phrase.body.results as ApiResult[]) {
      assert.ok(r.headline.includes('بيونغ يانغ') || /<mark>[^<]*بيونغ<\/mark> <mark>يانغ<\/mark>/.test(r.snippet), r.headline);
    }
  });

  test('snippets mark the matched words in the article\'s own spelling and escape everything else', async () => {
    const { services, clock } = site();
    const section = await services.sections.getBySlug('دول-العالم');
    const { article } = await services.articles.create({
      headline: 'مباحثات في موسكو',
      sourceKind: 'staff',
      sectionId: section.id,
      body: documentFromParagraphs(['اجتمع الوفد <الزائر> بلافروف أمس في موسكو، ثم التقى وزيرَ الدفاع.']),
      status: 'published',
      publishedAt: clock.now(),
    });
    const { body } = await searchApi(site(), 'لافروف', '&limit=50');
    const hit = (body.results as ApiResult[]).find((r) => r.id === article.id);
    assert.ok(hit, 'the new article is found');
    assert.match(hit.snippet, /<mark>بلافروف<\/mark>/, 'the clitic form is marked as written');
    assert.match(hit.snippet, /&#60;الزائر&#62;/, 'angle brackets in the text are escaped');
    const snippets = (body.results as ApiResult[]).map((r) => r.snippet).join('\n');
    assert.doesNotMatch(snippets.replace(/<\/?mark>/g, ''), /[<>]/);
  });

  test('the headline weighs more than the body', async () => {
    const { services, clock } = site();
    const section = await services.sections.getBySlug('اقتصاد');
    const make = (headline: string, body: string) =>
      services.articles.create({ headline, sourceKind: 'staff', sectionId: section.id, body: documentFromParagraphs([body]), status: 'published', publishedAt: clock.now() });
    const inBody = await make('تقرير عن الأسواق المالية اليوم', 'ذكر التقرير شركة زمردان للصناعات مرة واحدة بين أخبار كثيرة عن الأسواق والأسهم والسندات والعملات.');
    const inHeadline = await make('زمردان تعلن أرباحاً قياسية', 'أعلنت الشركة اليوم نتائجها السنوية وقالت إن المبيعات ارتفعت بقوة في الأسواق الخارجية.');
    const { body } = await searchApi(site(), 'زمردان');
    assert.deepEqual(body.results.map((r: ApiResult) => r.id), [inHeadline.article.id, inBody.article.id]);
  });

  test('the section filter keeps results to one section', async () => {
    const all = await searchApi(site(), 'روسيا', '&limit=50');
    const world = await searchApi(site(), 'روسيا', `&limit=50&section=${encodeURIComponent('دول-العالم')}`);
    assert.ok(world.body.total > 0 && world.body.total < all.body.total);
    for (const r of world.body.results as ApiResult[]) assert.equal(r.section.slug, 'دول-العالم');
  });

  test('hostile and odd queries get results or a clear error, never a 500, and change nothing', async () => {
    const before = await site().services.articles.countAll();
    const queries = [
      '', '   ', 'ا'.repeat(5000), 'ًٌٍَُِّْ', 'ـــــــ', '*', 'لافروف*', 'NEAR(لافروف روسيا)', 'لافروف AND روسيا', 'لافروف OR',
      '"بيونغ يانغ', '"', '- لافروف', 'headline:لافروف', '(لافروف', 'لافروف)', "'; DROP TABLE articles; --", '1 OR 1=1',
      'Lavrov لافروف 2023', '\u202Eفورفال\u202C', '\u0000لافروف', '%', '_', '\\', "لافروف' --",
    ];
    for (const q of queries) {
      const api = await site().app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
      assert.ok([200, 400].includes(api.statusCode), `${JSON.stringify(q.slice(0, 20))}: ${api.statusCode}`);
      if (api.statusCode === 400) assert.ok(['SEARCH_QUERY_EMPTY', 'VALIDATION_FAILED'].includes(api.json().error.code));
      const page = await site().app.inject(`/search?q=${encodeURIComponent(q)}`);
      assert.ok([200, 400].includes(page.statusCode), `page ${JSON.stringify(q.slice(0, 20))}: ${page.statusCode}`);
      assert.match(page.body, /dir="rtl"/);
    }
    assert.equal(await site().services.articles.countAll(), before);
    const stillThere = await searchApi(site(), 'لافروف');
    assert.ok(stillThere.body.total > 0);
  });

  test('the search page shows the count, marked results, load-more, and advice when nothing matches', async () => {
    const page = await site().app.inject(`/search?q=${encodeURIComponent('روسيا')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form class="search-form" role="search"/);
    assert.match(page.body, /وجدنا \d+ نتيجة/);
    assert.match(page.body, /<mark>/);
    const more = /<a class="load-more" href="([^"]+)" data-fragment="([^"]+)"/.exec(page.body);
    assert.ok(more, 'load-more');
    const fragment = await site().app.inject(more[2]!.replace(/&amp;/g, '&'));
    assert.equal(fragment.statusCode, 200);
    assert.equal([...fragment.body.matchAll(/<li>/g)].length, 12);
    const none = await site().app.inject(`/search?q=${encodeURIComponent('كلمةلاتوجدأبدا')}`);
    assert.match(none.body, /لم نجد نتائج/);
    assert.match(none.body, /اقتراحات/);
    const stop = await site().app.inject(`/search?q=${encodeURIComponent('في من على')}`);
    assert.match(stop.body, /كلمات البحث شائعة جداً/);
  });

  test('a story is findable as soon as it is saved, and a refused save leaves the index as it was', async () => {
    const { services, clock } = site();
    const section = await services.sections.getBySlug('ثقافة');
    await assert.rejects(
      services.articles.create({ headline: '', sourceKind: 'staff', sectionId: section.id, body: documentFromParagraphs(['مهرجان قرطاجنة']), status: 'published' }),
    );
    assert.equal((await searchApi(site(), 'قرطاجنة')).body.total, 0);
    await services.articles.create({ headline: 'افتتاح مهرجان قرطاجنة للفنون', sourceKind: 'staff', sectionId: section.id, body: documentFromParagraphs(['افتتح المهرجان مساء أمس.']), status: 'published', publishedAt: clock.now() });
    assert.equal((await searchApi(site(), 'قرطاجنة')).body.total, 1);
  });
});

describe('both engines return the same matches', () => {
  let sqlite: TestSite;
  let postgres: TestSite;
  before(async () => {
    [sqlite, postgres] = await Promise.all([createTestSite('sqlite', { demo: true }), createTestSite('postgres', { demo: true })]);
  });
  after(async () => {
    await Promise.all([sqlite?.close(), postgres?.close()]);
  });
  test('the same set of articles for names, phrases, variants and several words', async () => {
    const queries = ['لافروف', 'ولافروف', 'الاسلحة', '"بيونغ يانغ"', 'كوريا الشمالية', 'ترامب بوتين', 'محمد صلاح', 'النفط', 'فيسبوك', 'كأس العالم', 'وزير الخارجية', 'الكيماوية'];
    // Ids differ between the two databases only if the demo loaded in another order; map them by headline.
    for (const q of queries) {
      const headlinesOf = async (site: TestSite) => {
        const ids = await allMatches(site, q);
        const summaries = await site.services.articles.summaries(ids);
        return summaries.map((s) => s.headline).sort();
      };
      const [a, b] = await Promise.all([headlinesOf(sqlite), headlinesOf(postgres)]);
      assert.ok(a.length > 0, `${q} finds something`);
      assert.deepEqual(a, b, q);
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { ANALYZER_VERSION } from '../../src/arabic/analyzer-version.ts';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { readMeta, writeMeta } from '../../src/content/search/search-meta.repository.ts';
import { parseQuery } from '../../src/content/search/search-query.ts';
import { RELATED_ANALYZER_KEY, SEARCH_ANALYZER_KEY, SEARCH_INDEX_VERSION } from '../../src/content/search/search.service.ts';
import { fullTextIndexFor, type FullTextIndex, type FullTextResult } from '../../src/db/full-text.ts';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { createServices } from '../../src/main.ts';
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
    // The one-word spelling بيونغيانغ is the same two words (src/arabic/spelling-variants.ts).
    for (const r of phrase.body.results as ApiResult[]) {
      assert.ok(
        /بيونغ ?يانغ/.test(r.headline) || /<mark>[^<]*بيونغ<\/mark> <mark>يانغ<\/mark>|<mark>[^<]*بيونغيانغ<\/mark>/.test(r.snippet),
        `${r.headline} | ${r.snippet}`,
      );
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

/** Publishes an article in a section of its own, at the site's clock, without recomputing related lists. */
async function publish(site: TestSite, headline: string, body: string, minutesAgo = 0) {
  const section = await site.services.sections.ensure('منوعات');
  const { article } = await site.services.articles.create({
    headline,
    sourceKind: 'staff',
    sectionId: section.id,
    body: documentFromParagraphs([body]),
    status: 'published',
    publishedAt: new Date(site.clock.now().getTime() - minutesAgo * 60_000),
    skipRelated: true,
  });
  return article.id;
}

forEachDialect('ranking: every word first, then some of them', {}, (site) => {
  const both: number[] = [];
  const some: number[] = [];
  before(async () => {
    // Three stories have both words, four only one of them.
    for (let i = 0; i < 3; i++) both.push(await publish(site(), `تقرير ${i + 1} عن تمساحيل وجرانيتو`, `وصل تمساحيل إلى المدينة مع جرانيتو في الرحلة رقم ${i + 1}.`, i));
    for (let i = 0; i < 2; i++) some.push(await publish(site(), `خبر ${i + 1} عن تمساحيل`, `تحدث تمساحيل عن خططه في العام ${2020 + i}.`, i));
    for (let i = 0; i < 2; i++) some.push(await publish(site(), `خبر ${i + 3} عن جرانيتو`, `افتتح جرانيتو معرضا في الشهر ${i + 3}.`, i));
  });

  test('the articles with every word come first, and the page is filled with those that have some of them', async () => {
    const first = await site().services.search.search({ q: 'تمساحيل جرانيتو', limit: 5, cursor: null });
    assert.equal(first.allTotal, 3);
    assert.equal(first.total, 7);
    assert.equal(first.totalIsLowerBound, false);
    assert.equal(first.mode, 'any');
    assert.deepEqual(first.hits.map((h) => h.matchedAll), [true, true, true, false, false]);
    assert.deepEqual(first.hits.slice(0, 3).map((h) => h.article.id).sort(), [...both].sort());
    for (const hit of first.hits.slice(3)) assert.ok(some.includes(hit.article.id));
    const page = await site().app.inject(`/search?q=${encodeURIComponent('تمساحيل جرانيتو')}`);
    assert.match(page.body, /وجدنا 7 نتائج\. تضم الأولى منها \(3\) كل الكلمات/);
  });

  test('the cursor runs through the articles with every word and on into the others, each article once', async () => {
    const pages: { ids: number[]; mode: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<TestSite['services']['search']['search']>> = await site().services.search.search({ q: 'تمساحيل جرانيتو', limit: 2, cursor });
      pages.push({ ids: page.hits.map((h) => h.article.id), mode: page.mode });
      assert.equal(page.total, 7, 'the same total on every page');
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    assert.deepEqual(pages.map((p) => p.ids.length), [2, 2, 2, 1]);
    assert.deepEqual(pages.map((p) => p.mode), ['all', 'any', 'any', 'any']);
    const ids = pages.flatMap((p) => p.ids);
    assert.equal(new Set(ids).size, 7);
    assert.deepEqual(ids.slice(0, 3).sort(), [...both].sort(), 'the boundary falls inside the second page');
    assert.deepEqual(ids.slice(3).sort(), [...some].sort());
  });

  test('a word alone, or words that no article has together, list every article with them', async () => {
    const one = await site().services.search.search({ q: 'جرانيتو', limit: 10, cursor: null });
    assert.equal(one.total, 5);
    assert.equal(one.mode, 'all');
    const apart = await site().services.search.search({ q: 'جرانيتو كلمةلاتوجد', limit: 10, cursor: null });
    assert.equal(apart.allTotal, 0);
    assert.equal(apart.total, 5);
    assert.equal(apart.mode, 'any');
    const api = await site().app.inject(`/api/v1/search?q=${encodeURIComponent('تمساحيل جرانيتو')}&limit=4`);
    assert.equal(api.statusCode, 200);
    assert.equal(api.json().total, 7);
    assert.equal(api.json().totalCapped, false);
    assert.equal(api.json().mode, 'any');
  });
});

forEachDialect('ranking: the lead above the rest of the body', {}, (site) => {
  test('a word in the story\'s first sentence ranks it above a story that has the word only further on', async () => {
    // The same words in both bodies; the older story has the name in its first sentence, so only the
    // lead's weight can put it above the newer one.
    const inLead = await publish(site(), 'خطة جديدة للنقل', 'أعلن زمرديان خطة جديدة للنقل العام في المدينة الكبيرة. وقال المسؤولون إن العمل يبدأ غدا.', 30);
    const later = await publish(site(), 'خطة جديدة للنقل', 'أعلن المسؤولون خطة جديدة للنقل العام في المدينة الكبيرة. وقال زمرديان إن العمل يبدأ غدا.', 0);
    const found = await site().services.search.search({ q: 'زمرديان', limit: 10, cursor: null });
    assert.deepEqual(found.hits.map((h) => h.article.id), [inLead, later]);
    const withAnother = await site().services.search.search({ q: 'زمرديان خطة', limit: 10, cursor: null });
    assert.deepEqual(withAnother.hits.map((h) => h.article.id), [inLead, later], 'also beside a word that both leads have');
  });
});

forEachDialect('search follows an article\'s status, date and section, whatever writes them', {}, (site) => {
  test('a change to the article row alone (no re-indexing) shows at once in what search finds and filters', async () => {
    const { db, services, clock } = site();
    const culture = await services.sections.ensure('ثقافة وفنون');
    const sport = await services.sections.ensure('رياضة');
    const { article } = await services.articles.create({
      headline: 'مسودة عن زنجفيل',
      sourceKind: 'staff',
      sectionId: culture.id,
      body: documentFromParagraphs(['كتب المحرر عن زنجفيل مسودة لم تنشر بعد.']),
      status: 'draft',
      skipRelated: true,
    });
    const found = async (sectionId?: number) =>
      (await services.search.search({ q: 'زنجفيل', limit: 10, cursor: null, ...(sectionId === undefined ? {} : { sectionId }) })).hits.map((h) => h.article.id);
    assert.deepEqual(await found(), [], 'a draft is not found');

    const setRow = (values: { status?: 'published' | 'unpublished'; published_at?: number; section_id?: number }) =>
      db.kysely.updateTable('articles').set(values).where('id', '=', article.id).execute();
    await setRow({ status: 'published', published_at: clock.now().getTime() + 3_600_000 });
    assert.deepEqual(await found(), [], 'published for a time still to come: not yet');
    await setRow({ published_at: clock.now().getTime() - 60_000 });
    assert.deepEqual(await found(), [article.id], 'published now: found');
    assert.deepEqual(await found(culture.id), [article.id], 'in its section');
    await setRow({ section_id: sport.id });
    assert.deepEqual(await found(culture.id), [], 'moved out of the section it was in');
    assert.deepEqual(await found(sport.id), [article.id], 'and into the new one');
    await setRow({ status: 'unpublished' });
    assert.deepEqual(await found(), [], 'unpublished: gone');
    assert.deepEqual(await found(sport.id), [], 'from its section too');
  });

  test('a page of results reads summaries and bodies in one query, in the order asked, published ones only', async () => {
    const { services } = site();
    const older = await publish(site(), 'خبر أول عن قرنفيل', 'نص الخبر الأول عن قرنفيل.', 5);
    const newer = await publish(site(), 'خبر ثان عن قرنفيل', 'نص الخبر الثاني عن قرنفيل.');
    const section = await services.sections.ensure('منوعات');
    const { article: draft } = await services.articles.create({
      headline: 'مسودة عن قرنفيل',
      sourceKind: 'staff',
      sectionId: section.id,
      body: documentFromParagraphs(['مسودة لم تنشر.']),
      status: 'draft',
      skipRelated: true,
    });
    const ids = [newer, draft.id, 99_999_999, older];
    const rows = await services.articles.summariesWithBodies(ids);
    assert.deepEqual(rows.map((r) => r.summary.id), [newer, older], 'in the order asked, without the draft or the unknown id');
    assert.deepEqual(rows.map((r) => r.bodyText), ['نص الخبر الثاني عن قرنفيل.', 'نص الخبر الأول عن قرنفيل.']);
    assert.deepEqual(rows.map((r) => r.summary), await services.articles.summaries(ids), 'the same summaries as summaries()');
    assert.deepEqual(await services.articles.summariesWithBodies([]), [], 'no ids, no query');
  });
});

forEachDialect('more than a thousand matches', {}, (site) => {
  let oldest = 0;
  before(async () => {
    for (let i = 0; i < 1002; i++) {
      const id = await publish(site(), `قنطريس في النشرة ${i + 1}`, `ظهر قنطريس مرة أخرى في الحلقة ${i + 1} من السلسلة.`, i % 600);
      if (i === 0) oldest = id;
    }
  });

  test('the count stops at 1001 and says it is a lower bound, in the service and the API', async () => {
    const results = await site().services.search.search({ q: 'قنطريس', limit: 12, cursor: null });
    assert.equal(results.total, 1001);
    assert.equal(results.totalIsLowerBound, true);
    assert.equal(results.hits.length, 12);
    const api = await site().app.inject(`/api/v1/search?q=${encodeURIComponent('قنطريس')}`);
    assert.equal(api.json().total, 1001);
    assert.equal(api.json().totalCapped, true);
    const page = await site().app.inject(`/search?q=${encodeURIComponent('قنطريس')}`);
    assert.match(page.body, /وجدنا أكثر من 1000 نتيجة/);
  });

  test('paging reaches the first thousand of the newest matches, each once, and never the oldest story', async () => {
    const seen = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<TestSite['services']['search']['search']>> = await site().services.search.search({ q: 'قنطريس', limit: 50, cursor });
      for (const hit of page.hits) seen.add(hit.article.id);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 30);
    assert.equal(seen.size, 1000);
    assert.ok(!seen.has(oldest), 'only the newest 1001 matches are ranked');
  });
});

forEachDialect('the newest thousand matches of a word spread over a large archive', {}, (site) => {
  // 1,100 stories with the word, their ids spread from 70,000 to about 100,000 (every 27th id), and
  // an older one far below: on PostgreSQL the newest blocks of ids hold too few of them, so a search
  // widens its window, and the same query asked again starts from the window that answered.
  const word = 'كرنفاليس';
  let oldest = 0;
  const nextIdFrom = async (id: number) => {
    const { db } = site();
    if (db.dialect === 'sqlite') await sql`UPDATE sqlite_sequence SET seq = ${id - 1} WHERE name = 'articles'`.execute(db.kysely);
    else await sql`SELECT setval(pg_get_serial_sequence('articles', 'id'), ${id - 1})`.execute(db.kysely);
  };
  before(async () => {
    oldest = await publish(site(), `${word} في الأرشيف`, `ظهر ${word} أول مرة قبل سنوات.`, 2000);
    for (let i = 0; i < 1100; i++) {
      await nextIdFrom(70_000 + i * 27);
      await publish(site(), `${word} في الحلقة ${i + 1}`, `عاد ${word} في الحلقة ${i + 1} من السلسلة.`, 1100 - i);
    }
  });
  const query = () => ({ clauses: parseQuery(word).clauses, mode: 'all' as const, now: site().clock.now().getTime() });
  const pageOf = async (index: FullTextIndex, offset: number) => index.search(site().db.kysely, { ...query(), limit: 100, offset });
  const idsOf = (found: FullTextResult) => found.hits.map((h) => h.id);

  test('asked again, by the same index or a new one, a query ranks the same newest 1,001 matches', async () => {
    const index = fullTextIndexFor(site().db.dialect);
    const first = await pageOf(index, 0);
    assert.equal(first.total, 1001);
    assert.equal(first.hits.length, 100);
    const again = await pageOf(index, 0);
    assert.equal(again.total, 1001);
    assert.deepEqual(idsOf(again), idsOf(first));
    assert.deepEqual(idsOf(await pageOf(fullTextIndexFor(site().db.dialect), 0)), idsOf(first), 'a new index, with nothing remembered, agrees');
    const seen = new Set<number>();
    for (let offset = 0; offset < 1001; offset += 100) for (const id of idsOf(await pageOf(index, offset))) seen.add(id);
    assert.equal(seen.size, 1001);
    assert.ok(!seen.has(oldest), 'the old story is not among the newest 1,001');
    assert.ok(Math.min(...seen) >= 70_000 + 99 * 27, `the oldest ranked match is the 100th of the series (${Math.min(...seen)})`);
  });

  test('stories published after a query was answered are found when it is asked again', async () => {
    const index = fullTextIndexFor(site().db.dialect);
    await pageOf(index, 0);
    await nextIdFrom(120_000);
    const fresh = await publish(site(), `${word} من جديد`, `عاد ${word} اليوم.`, 0);
    const again = await pageOf(index, 0);
    assert.equal(again.total, 1001);
    assert.ok(idsOf(again).includes(fresh), 'the newest story is ranked');
    const seen = new Set<number>();
    for (let offset = 0; offset < 1001; offset += 100) for (const id of idsOf(await pageOf(index, offset))) seen.add(id);
    assert.equal(seen.size, 1001);
    assert.ok(!seen.has(70_000 + 99 * 27), 'the series\' 100th story left the newest 1,001 when a new one came');
    assert.ok(seen.has(70_000 + 100 * 27), 'the 101st is still among them');
  });
});

forEachDialect('the index after an analyzer change', { demo: true }, (site) => {
  test('a stored analyzer version other than the current one rebuilds the whole index at start-up, once', async () => {
    const { db, clock, events } = site();
    const id = await publish(site(), 'مهرجان قنطريس للفنون', 'افتتح مهرجان قنطريس أمس.');
    // The index as an older analyzer might have left it: other terms for this story.
    await fullTextIndexFor(db.dialect).upsert(db.kysely, id, { headline: ['قديم'], dek: [], body: ['قديم'], lead: 1 });
    assert.equal((await searchApi(site(), 'قنطريس')).body.total, 0);
    await writeMeta(db.kysely, SEARCH_ANALYZER_KEY, String(ANALYZER_VERSION - 1));
    await writeMeta(db.kysely, RELATED_ANALYZER_KEY, String(ANALYZER_VERSION - 1));

    // A restart: new services over the same database, and start-up's upkeep.
    const restarted = createServices({ db, clock, events });
    const upkeep = await restarted.search.keepIndexCurrent();
    assert.equal(upkeep.rebuilt, await restarted.articles.countAll());
    assert.ok(upkeep.relatedRefreshed > 0);
    assert.equal(upkeep.added, 0);
    assert.equal(await readMeta(db.kysely, SEARCH_ANALYZER_KEY), SEARCH_INDEX_VERSION);
    assert.equal(await readMeta(db.kysely, RELATED_ANALYZER_KEY), String(ANALYZER_VERSION));
    assert.deepEqual(await allMatches(site(), 'قنطريس'), [id]);
    assert.ok((await searchApi(site(), 'لافروف')).body.total >= 5, 'the other stories are still found');

    const again = await createServices({ db, clock, events }).search.keepIndexCurrent();
    assert.deepEqual(again, { rebuilt: 0, added: 0, relatedRefreshed: 0 });
  });

  test('an index built with the current analyzer but an older layout is rebuilt, and related terms are left alone', async () => {
    const { db, clock, events } = site();
    // Before the lead had its weight, the stored version was the analyzer's alone.
    await writeMeta(db.kysely, SEARCH_ANALYZER_KEY, String(ANALYZER_VERSION));
    const upkeep = await createServices({ db, clock, events }).search.keepIndexCurrent();
    assert.equal(upkeep.rebuilt, await site().services.articles.countAll());
    assert.equal(upkeep.relatedRefreshed, 0);
    assert.equal(await readMeta(db.kysely, SEARCH_ANALYZER_KEY), SEARCH_INDEX_VERSION);
    assert.ok((await searchApi(site(), 'لافروف')).body.total >= 5, 'the stories are found after the rebuild');
  });

  test('undoing and redoing the lead\'s migration leaves a search that start-up makes whole again', async () => {
    const { db, clock, events } = site();
    const before = (await searchApi(site(), 'لافروف')).body.total;
    assert.ok(before >= 5);
    const down = await migrateDown(db);
    assert.equal(down?.[0]?.migrationName, '2026-11-30-0008-search-lead');
    await migrateToLatest(db);
    const upkeep = await createServices({ db, clock, events }).search.keepIndexCurrent();
    // SQLite made its FTS5 table again, empty, and start-up filled it; PostgreSQL kept its vectors.
    assert.equal(upkeep.added, db.dialect === 'sqlite' ? await site().services.articles.countAll() : 0);
    assert.equal((await searchApi(site(), 'لافروف')).body.total, before);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { minhash } from '../../src/arabic/minhash.ts';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { sectionNameForCorpusKey } from '../../src/content/imports/corpus-sections.ts';
import { isSameStory } from '../../src/content/related/related-ranking.ts';
import { createRelatedService, fingerprintOf } from '../../src/content/related/related.service.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

// Real agency copy from the demo sample (ANT corpus): the North Korea stories of March 2018 and a spread
// of other sections, so that document frequencies look like a newsroom's.
interface DemoArticle {
  id: string;
  section: string;
  title: string;
  body: string;
  published: string;
  tags: string[];
}
const demo = readFileSync(new URL('../../demo/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as DemoArticle);
const story = (id: string) => demo.find((a) => a.id === id) ?? assert.fail(`not in the demo: ${id}`);

/** North Korea "ready to give up its nuclear weapons" (BBC Arabic, 20 paragraphs). */
const NUCLEAR_OFFER = 'BB-internationalNews-107-20180306';
const KOREA_STORIES = [
  NUCLEAR_OFFER,
  'FR-internationalNews-279-20180306',
  'FR-internationalNews-282-20180306',
  'FR-internationalNews-292-20180306',
  'AL-internationalNews-359-20180306',
  'FR-internationalNews-263-20180305',
  'CN-internationalNews-66-20180305',
  'CN-internationalNews-62-20180304',
  // One agency story run by Al Arabiya and by Sky News Arabia under two headlines.
  'AL-internationalNews-283-20180301',
  'SK-internationalNews-209-20180301',
];
const OTHER_STORIES = demo.filter((a) => a.section !== 'internationalNews' && a.section !== 'middleEast').slice(0, 24).map((a) => a.id);

const DAY = 86_400_000;

async function publish(
  site: TestSite,
  input: { headline: string; paragraphs: readonly string[]; section: string; tags?: readonly string[]; publishedAt: Date; dek?: string },
): Promise<number> {
  const section = await site.services.sections.ensure(input.section);
  const result = await site.services.articles.create({
    headline: input.headline,
    ...(input.dek ? { dek: input.dek } : {}),
    sourceKind: 'wires',
    sectionId: section.id,
    body: documentFromParagraphs(input.paragraphs),
    tags: input.tags ?? [],
    status: 'published',
    publishedAt: input.publishedAt,
  });
  assert.ok(result.created, input.headline);
  return result.article.id;
}

async function publishDemo(site: TestSite, id: string, over: { publishedAt?: Date } = {}): Promise<number> {
  const a = story(id);
  return publish(site, {
    headline: a.title,
    paragraphs: a.body.split('\n'),
    section: sectionNameForCorpusKey(a.section),
    tags: a.tags,
    publishedAt: over.publishedAt ?? new Date(a.published),
  });
}

/** The words of a text in a fixed pseudo-random order: the same terms (so the same vector), other shingles. */
function shuffledWords(text: string, seed: number): string {
  const words = text.split(/[\s،.؛:"«»()]+/u).filter(Boolean);
  let state = seed;
  for (let i = words.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words.join(' ');
}

const related = (site: TestSite, id: number) => createRelatedService({ db: site.db.kysely }).idsFor(id);

forEachDialect('related articles and copies of one story', {}, (site) => {
  const ids = new Map<string, number>();
  let copyCut = 0;
  let copySame = 0;

  before(async () => {
    for (const id of [...OTHER_STORIES, ...KOREA_STORIES]) ids.set(id, await publishDemo(site(), id));
    const original = story(NUCLEAR_OFFER);
    const paragraphs = original.body.split('\n');
    const published = Date.parse(original.published);
    // Another outlet's copy: new headline, a paragraph dropped, the first two swapped.
    copyCut = await publish(site(), {
      headline: 'بيونغ يانغ تبدي استعدادها لنزع سلاحها النووي مقابل ضمانات لأمنها',
      paragraphs: [paragraphs[1]!, paragraphs[0]!, ...paragraphs.slice(2).filter((_, i) => i !== 3)],
      section: 'دول العالم',
      publishedAt: new Date(published + 3 * 3_600_000),
    });
    // The same body word for word under another headline.
    copySame = await publish(site(), {
      headline: 'سيول: الشمال مستعد للتخلي عن أسلحته النووية',
      paragraphs,
      section: 'دول العالم',
      publishedAt: new Date(published + 3_600_000),
    });
  });

  test('an article never lists itself, and every list has at most 4 stories', async () => {
    for (const id of [...ids.values(), copyCut, copySame]) {
      const list = await related(site(), id);
      assert.ok(!list.includes(id), `article ${id} lists itself`);
      assert.ok(list.length <= 4);
    }
    assert.equal((await related(site(), ids.get(NUCLEAR_OFFER)!)).length, 4);
  });

  test('a copy of the same agency story under another title is never shown next to it', async () => {
    const original = ids.get(NUCLEAR_OFFER)!;
    const copies = [original, copyCut, copySame];
    for (const id of copies) {
      const list = await related(site(), id);
      assert.deepEqual(list.filter((other) => copies.includes(other)), [], `article ${id} lists a copy of its own story`);
    }
    const arabiya = ids.get('AL-internationalNews-283-20180301')!;
    const sky = ids.get('SK-internationalNews-209-20180301')!;
    assert.ok(!(await related(site(), arabiya)).includes(sky));
    assert.ok(!(await related(site(), sky)).includes(arabiya));
  });

  test('no list shows two copies of one story side by side', async () => {
    const bodies = new Map<number, string>();
    for (const [corpusId, id] of ids) bodies.set(id, story(corpusId).body);
    bodies.set(copyCut, bodies.get(ids.get(NUCLEAR_OFFER)!)!);
    bodies.set(copySame, bodies.get(ids.get(NUCLEAR_OFFER)!)!);
    for (const id of bodies.keys()) {
      const list = await related(site(), id);
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          assert.ok(!isSameStory(minhash(bodies.get(list[i]!)!), minhash(bodies.get(list[j]!)!)), `article ${id} shows ${list[i]} and ${list[j]}`);
        }
      }
    }
  });

  test('two different stories about the same topic stay related to each other', async () => {
    // CNN on the South Korean delegation's departure (4 March) and on Kim's meeting with it (5 March).
    const departure = ids.get('CN-internationalNews-62-20180304')!;
    const meeting = ids.get('CN-internationalNews-66-20180305')!;
    assert.ok((await related(site(), departure)).includes(meeting));
    assert.ok((await related(site(), meeting)).includes(departure));
    const korea = new Set(KOREA_STORIES.map((id) => ids.get(id)!));
    const list = await related(site(), ids.get(NUCLEAR_OFFER)!);
    assert.ok(list.every((id) => korea.has(id)), 'the nuclear offer is related to other North Korea stories');
  });

  test('the wire desk finds the stored copies of an incoming text, and not the other stories on its topic', async () => {
    const paragraphs = story(NUCLEAR_OFFER).body.split('\n');
    const incoming = fingerprintOf(paragraphs.filter((_, i) => i !== 5).join('\n\n'));
    const found = await createRelatedService({ db: site().db.kysely }).findNearDuplicates(incoming);
    assert.deepEqual(found.map((f) => f.articleId).sort((a, b) => a - b), [ids.get(NUCLEAR_OFFER)!, copyCut, copySame].sort((a, b) => a - b));
    assert.ok(found.every((f) => f.similarity >= 0.5));
    const excluding = await createRelatedService({ db: site().db.kysely }).findNearDuplicates(incoming, { excludeId: copySame });
    assert.ok(!excluding.some((f) => f.articleId === copySame));
  });
});

forEachDialect('what raises a related story', {}, (site) => {
  // Candidates built from the same words in other orders: identical term counts and unrelated shingles
  // (so no copies). Once refreshed together (one set of document frequencies, rather than the df of the
  // moment each was published), their vectors are identical too, and only what the test varies sets them apart.
  const ids: Record<string, number> = {};
  const base = story('FR-internationalNews-282-20180306');
  const other = story('FR-internationalNews-292-20180306');
  const t0 = Date.parse('2018-03-10T09:00:00Z');

  before(async () => {
    for (const id of OTHER_STORIES) await publishDemo(site(), id);
    const words = base.body.split('\n').slice(0, 3).join(' ');
    ids.subject = await publish(site(), {
      headline: base.title,
      paragraphs: base.body.split('\n'),
      section: 'دول العالم',
      tags: ['كوريا الشمالية'],
      publishedAt: new Date(t0),
    });
    const variants: [string, string, string[]][] = [
      ['both', 'دول العالم', ['كوريا الشمالية']],
      ['tag', 'اقتصاد', ['كوريا الشمالية']],
      ['section', 'دول العالم', []],
      ['none', 'اقتصاد', []],
    ];
    for (const [index, [name, section, tags]] of variants.entries()) {
      ids[name] = await publish(site(), {
        headline: 'الكوريتان تتفقان على خط ساخن وقمة',
        paragraphs: [shuffledWords(words, index + 1)],
        section,
        tags,
        publishedAt: new Date(t0 + DAY),
      });
    }

    const otherWords = other.body.split('\n').slice(0, 3).join(' ');
    ids.timed = await publish(site(), {
      headline: other.title,
      paragraphs: other.body.split('\n'),
      section: 'ثقافة',
      publishedAt: new Date(t0 + 40 * DAY),
    });
    for (const [index, [name, days]] of ([['day', 1], ['before', -3], ['week', 6], ['month', 25]] as const).entries()) {
      ids[name] = await publish(site(), {
        headline: 'ترامب يرحب بدعوة للحوار',
        paragraphs: [shuffledWords(otherWords, 10 + index)],
        section: 'ثقافة',
        publishedAt: new Date(t0 + 40 * DAY + days * DAY),
      });
    }
    await site().services.articles.refreshAllRelated();
  });

  test('a shared tag and the same section raise a story above an otherwise equal one', async () => {
    const list = await related(site(), ids.subject!);
    assert.equal(list.length, 4);
    assert.equal(list[0], ids.both);
    assert.deepEqual([list[1], list[2]].sort(), [ids.tag, ids.section].sort());
    assert.equal(list[3], ids.none);
    const subject = await site().services.articles.getPublished(ids.subject!);
    const single = await createRelatedService({ db: site().db.kysely }).refresh({ ...subject, publishedAt: subject.publishedAt!.getTime() });
    assert.deepEqual(single, list, 'the refresh of one article agrees');
  });

  test('the recency decay orders otherwise equal stories by their distance in time', async () => {
    assert.deepEqual(await related(site(), ids.timed!), [ids.day, ids.before, ids.week, ids.month]);
  });

  test('stories published after an article enter its list, not only older ones', async () => {
    const list = await related(site(), ids.month!);
    assert.ok(list.includes(ids.timed!));
  });
});

forEachDialect('publishing a story refreshes older lists', {}, (site) => {
  const ids = new Map<string, number>();
  before(async () => {
    for (const id of [...OTHER_STORIES, ...KOREA_STORIES]) ids.set(id, await publishDemo(site(), id));
  });

  test('a newly published story enters the lists of the older stories it is most related to', async () => {
    const hotline = story('FR-internationalNews-282-20180306');
    const older = ids.get(hotline.id)!;
    const before = await related(site(), older);
    assert.equal(before.length, 4);
    const unrelated = ids.get(OTHER_STORIES[0]!)!;
    const unrelatedBefore = await related(site(), unrelated);

    // A follow-up two days later written from the same facts, in other words and order (not a copy).
    const followUp = await publish(site(), {
      headline: 'الخط الساخن بين زعيمي الكوريتين يعمل قبل قمة أبريل',
      paragraphs: hotline.body.split('\n').slice(0, 4).map((p, i) => shuffledWords(p, 100 + i)),
      section: 'دول العالم',
      tags: ['كوريا الشمالية'],
      publishedAt: new Date(Date.parse(hotline.published) + 2 * DAY),
    });
    const after = await related(site(), older);
    assert.equal(after[0], followUp, 'the follow-up leads the older story\'s list');
    assert.deepEqual(after.slice(1), before.slice(0, 3));
    assert.ok((await related(site(), followUp)).includes(older));
    assert.deepEqual(await related(site(), unrelated), unrelatedBefore);
    // What readers get: the article's related summaries, in order.
    assert.equal((await site().services.articles.related(older))[0]?.id, followUp);
  });
});

forEachDialect('bulk and single refreshes', {}, (site) => {
  const ids: number[] = [];
  before(async () => {
    for (const id of [...OTHER_STORIES.slice(0, 8), ...KOREA_STORIES]) ids.push(await publishDemo(site(), id));
  });

  test('the bulk refresh of an import and the refresh of one article choose the same lists', async () => {
    const { services } = site();
    await services.articles.refreshAllRelated();
    const bulk = new Map<number, number[]>();
    for (const id of ids) bulk.set(id, await related(site(), id));
    assert.ok([...bulk.values()].filter((list) => list.length === 4).length >= ids.length / 2);

    const single = createRelatedService({ db: site().db.kysely });
    for (const id of ids) {
      const article = await services.articles.getPublished(id);
      const chosen = await single.refresh({
        id,
        sectionId: article.sectionId,
        headline: article.headline,
        dek: article.dek,
        bodyText: article.bodyText,
        publishedAt: article.publishedAt!.getTime(),
      });
      assert.deepEqual(chosen, bulk.get(id), `article ${id}`);
    }
  });
});

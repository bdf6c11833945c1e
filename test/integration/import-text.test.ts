import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { forEachDialect } from '../helpers/test-site.ts';

const MIDAD = fileURLToPath(new URL('../../bin/midad.js', import.meta.url));
const REFERENCE = fileURLToPath(new URL('../../demo/lavrov-pyongyang.txt', import.meta.url));

/** Runs the real `midad` command against a test site's database. */
function midad(databaseUrl: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MIDAD, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'midad-import-'));
}

// The CLI stamps publication with the real clock; the test site reads a day later so those are past.
const AFTER_CLI_RUNS = { now: new Date(Date.now() + 86_400_000) };

forEachDialect('midad import-text', AFTER_CLI_RUNS, (site) => {
  test('imports the reference article: section دول العالم, exact headline, agency byline, 12 paragraphs, no furniture', async () => {
    const run = await midad(site().databaseUrl, ['import-text', REFERENCE, '--publish']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^\/article\/\d+\/اجتماع-وزيري-خارجية-روسيا/);
    const id = Number(/^\/article\/(\d+)\//.exec(lines[0]!)![1]);
    const article = await site().services.articles.getPublished(id);
    const section = (await site().services.sections.list()).find((s) => s.id === article.sectionId);
    assert.equal(section?.name, 'دول العالم');
    assert.equal(article.headline, 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة');
    assert.equal(article.byline, 'وكالات – العربي');
    assert.equal(article.sourceKind, 'wires');
    const paragraphs = article.bodyText.split('\n\n');
    assert.equal(paragraphs.length, 12);
    for (const furniture of ['اظهر المزيد', 'مقالات ذات صلة', 'زر الذهاب إلى الأعلى']) assert.ok(!article.bodyText.includes(furniture));
  });

  test('importing the same text twice creates nothing the second time and says so', async () => {
    const before = await site().services.articles.countAll();
    const run = await midad(site().databaseUrl, ['import-text', REFERENCE, '--publish']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /already imported/);
    assert.equal(await site().services.articles.countAll(), before);
  });

  test('bad files get an error naming the file and the reason; good files in the same call still import', async () => {
    const dir = tempDir();
    const files = {
      empty: join(dir, 'empty.txt'),
      binary: join(dir, 'photo.txt'),
      invalidUtf8: join(dir, 'latin1.txt'),
      noHeadline: join(dir, 'furniture-only.txt'),
      tooLarge: join(dir, 'huge.txt'),
      missing: join(dir, 'does-not-exist.txt'),
      good: join(dir, 'good.txt'),
    };
    writeFileSync(files.empty, '');
    writeFileSync(files.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(files.invalidUtf8, Buffer.from([0xc7, 0xe1, 0xd1, 0xed, 0xc7, 0xd6, 0x20, 0xff, 0xfe]));
    writeFileSync(files.noHeadline, 'اظهر المزيد\nمقالات ذات صلة\nزر الذهاب إلى الأعلى\n');
    writeFileSync(files.tooLarge, 'رياضة\nعنوان\n' + 'ا'.repeat(600_000));
    writeFileSync(
      files.good,
      'رياضة\n\nالهلال يفوز على النصر في ديربي الرياض بهدفين نظيفين\n\nالرياض - رويترز\n\nفاز الهلال على النصر بهدفين دون رد مساء الجمعة.\n\nوسجل الهدفين في الشوط الثاني.\n\nشارك\n\nاقرأ أيضا\n',
    );
    const before = await site().services.articles.countAll();
    const run = await midad(site().databaseUrl, ['import-text', ...Object.values(files), '--publish']);
    assert.notEqual(run.code, 0);
    for (const name of ['empty.txt', 'photo.txt', 'latin1.txt', 'furniture-only.txt', 'huge.txt', 'does-not-exist.txt']) {
      assert.match(run.stderr, new RegExp(`${name.replace('.', '\\.')}: خطأ: `), name);
    }
    assert.equal(run.stderr.trim().split('\n').length, 6);
    assert.equal(run.stdout.trim().split('\n').length, 1);
    assert.equal(await site().services.articles.countAll(), before + 1);
    const id = Number(/^\/article\/(\d+)\//.exec(run.stdout.trim())![1]);
    const article = await site().services.articles.getPublished(id);
    assert.equal(article.byline, 'الرياض - رويترز');
    assert.equal(article.sourceKind, 'wires');
    assert.equal(article.bodyText.split('\n\n').length, 2);
  });

  test('--section puts copy without a section line into that section; an unknown name in the copy creates a section', async () => {
    const dir = tempDir();
    const noSection = join(dir, 'no-section.txt');
    writeFileSync(noSection, 'أسعار النفط ترتفع بعد قرار أوبك خفض الإنتاج\n\nأبوظبي - سكاي نيوز عربية\n\nارتفعت أسعار النفط في التعاملات الآسيوية.\n');
    const newSection = join(dir, 'new-section.txt');
    writeFileSync(newSection, 'صحة\n\nدراسة جديدة تربط النوم الجيد بصحة القلب لدى البالغين\n\nلندن - د ب أ\n\nقالت دراسة نشرت اليوم إن النوم الجيد يحمي القلب.\n');
    const run = await midad(site().databaseUrl, ['import-text', noSection, newSection, '--section', 'دول-العالم', '--publish']);
    assert.equal(run.code, 0, run.stderr);
    const [first, second] = run.stdout.trim().split('\n').map((line) => Number(/^\/article\/(\d+)\//.exec(line)![1]));
    const sections = await site().services.sections.list();
    const a = await site().services.articles.getPublished(first!);
    assert.equal(sections.find((s) => s.id === a.sectionId)?.name, 'دول العالم');
    assert.equal(a.headline, 'أسعار النفط ترتفع بعد قرار أوبك خفض الإنتاج');
    assert.equal(a.sourceKind, 'staff');
    // With --section given, the first line is the headline, never a section.
    const b = await site().services.articles.getPublished(second!);
    assert.equal(b.headline, 'صحة');

    // Without --section the same file's first line names a section, which does not exist yet.
    const run2 = await midad(site().databaseUrl, ['import-text', newSection, '--publish']);
    assert.equal(run2.code, 0, run2.stderr);
    const created = await site().services.sections.find('صحة');
    assert.ok(created, 'the section named in the copy was created');
    const c = await site().services.articles.getPublished(Number(/^\/article\/(\d+)\//.exec(run2.stdout.trim())![1]));
    assert.equal(c.sectionId, created.id);
    assert.equal(c.headline, 'دراسة جديدة تربط النوم الجيد بصحة القلب لدى البالغين');
    assert.equal(c.sourceKind, 'wires');
    assert.equal(created.slug, 'صحة');
  });

  test('without --publish the article is a draft that readers cannot see; an unknown --section is refused', async () => {
    const dir = tempDir();
    const draft = join(dir, 'draft.txt');
    writeFileSync(draft, 'اقتصاد\n\nالبورصة تغلق على ارتفاع طفيف في نهاية تعاملات الأسبوع\n\nالقاهرة - أ ف ب\n\nأغلقت البورصة على ارتفاع.\n');
    const run = await midad(site().databaseUrl, ['import-text', draft]);
    assert.equal(run.code, 0, run.stderr);
    const path = run.stdout.trim();
    const res = await site().app.inject(encodeURI(path));
    assert.equal(res.statusCode, 404);
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'عنوان خبر آخر تماما عن الطقس\n\nوكالات\n\nنص.\n');
    const refused = await midad(site().databaseUrl, ['import-text', other, '--section', 'لا-يوجد-قسم']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /other\.txt: خطأ: /);
  });
});

forEachDialect('midad import-jsonl', AFTER_CLI_RUNS, (site) => {
  test('imports corpus lines, reports bad lines with their line number, and is idempotent', async () => {
    const dir = tempDir();
    const file = join(dir, 'articles.jsonl');
    const good = {
      id: 'T-1',
      source: 'Test',
      section: 'sport',
      title: 'منتخب المغرب يتأهل إلى نهائي البطولة',
      body: 'تأهل منتخب المغرب إلى النهائي.\nوسيلعب يوم الأحد.',
      published: '2018-03-02T10:00:00Z',
      url: 'https://example.com/1',
      author: 'الرباط - رويترز',
    };
    writeFileSync(file, [JSON.stringify(good), '{not json', JSON.stringify({ ...good, id: 'T-2', title: '' }), ''].join('\n'));
    const run = await midad(site().databaseUrl, ['import-jsonl', file]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /articles\.jsonl:2: /);
    assert.match(run.stderr, /articles\.jsonl:3: /);
    assert.match(run.stdout, /1 created, 0 already present, 2 failed/);
    const again = await midad(site().databaseUrl, ['import-jsonl', file]);
    assert.match(again.stdout, /0 created, 1 already present, 2 failed/);
    const sections = await site().services.sections.list();
    assert.ok(sections.some((s) => s.name === 'رياضة'));
  });
  test('a corpus line keeps its article text and loses the page furniture copied with it', async () => {
    const line = JSON.stringify({
      id: 'T-furniture',
      source: 'Test',
      section: 'economy',
      title: 'البنك المركزي يرفع سعر الفائدة نصف نقطة',
      body: [
        'رفع البنك المركزي سعر الفائدة نصف نقطة مئوية.',
        'للمزيد: أسعار النفط تتراجع مع ارتفاع المخزونات الأمريكية',
        'قد يهمك.. الذهب يهبط لأدنى مستوى في 3 أسابيع',
        'شاهد عيان: رأيت طوابير أمام المصارف منذ الصباح.',
        'أيضاً، قال المحافظ إن القرار نهائي.',
        'شارك',
      ].join('\n'),
      published: '2018-03-05T10:00:00Z',
      url: 'https://example.com/furniture',
      author: 'رويترز',
    });
    const outcome = await site().services.imports.importCorpusLine(line, { publish: true, computeRelated: false });
    assert.ok(outcome.ok && outcome.created, JSON.stringify(outcome));
    const article = await site().services.articles.getPublished(outcome.article.id);
    assert.deepEqual(article.bodyText.split('\n\n'), [
      'رفع البنك المركزي سعر الفائدة نصف نقطة مئوية.',
      'شاهد عيان: رأيت طوابير أمام المصارف منذ الصباح.',
      'أيضاً، قال المحافظ إن القرار نهائي.',
    ]);
    const found = await site().services.search.search({ q: 'المخزونات', limit: 10, cursor: null });
    assert.equal(found.total, 0, 'the linked headline is not searchable in this article');
  });
});

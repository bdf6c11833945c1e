import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { paths } from '../../src/content/paths.ts';
import { postForm, scriptableParts, signedIn, type TestSession } from '../helpers/newsroom.ts';
import { forEachDialect, type TestSite } from '../helpers/test-site.ts';

const VALID = {
  siteName: 'صحيفة الاختبار',
  siteDescription: 'أخبار الاختبار من كل مكان',
  dateLocale: 'ar-SY',
  dateDigits: 'arab',
  showHijri: 'false',
} as const;

async function storedSettings(site: TestSite) {
  return site.db.kysely.selectFrom('site_settings').select(['key', 'value', 'updated_by']).orderBy('key').execute();
}

async function publishOne(site: TestSite): Promise<string> {
  const section = await site.services.sections.ensure('دول العالم');
  const { article } = await site.services.articles.create({
    headline: 'خبر يحمل تاريخه',
    sourceKind: 'staff',
    sectionId: section.id,
    body: documentFromParagraphs(['نص الخبر.']),
    status: 'published',
    // 19 October 2023, 09:00 UTC: 4 Rabi' al-Akhir 1445.
    publishedAt: new Date('2023-10-19T09:00:00Z'),
  });
  return paths.article(article);
}

forEachDialect('site settings in the newsroom', {}, (site) => {
  let admin: TestSession;
  let articlePath: string;

  test('the settings page shows the environment values until the newsroom changes them', async () => {
    admin = (await signedIn(site(), 'admin')).session;
    articlePath = await publishOne(site());
    const page = await site().app.inject({ url: '/newsroom/settings', headers: { cookie: admin.cookie } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<input[^>]*name="siteName"[^>]*value="مداد"/);
    assert.match(page.body, /<option value="latn" selected/);
    assert.match(page.body, /<option value="true" selected/);
    assert.deepEqual(await storedSettings(site()), []);
    const article = await site().app.inject(encodeURI(articlePath));
    assert.match(article.body, /4 ربيع الآخر 1445/, 'the Hijri date is shown by default');
  });

  test('an administrator saves the settings: every page shows the new name, description and date style at once', async () => {
    // Cache the home page and the article first: the change must reach pages already cached.
    assert.match((await site().app.inject('/')).body, /<title>[^<]*مداد/);
    await site().app.inject(encodeURI(articlePath));

    const saved = await postForm(site(), '/newsroom/settings', { ...VALID }, admin, { remoteAddress: '203.0.113.7' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/newsroom/settings?done=saved');
    const confirmed = await site().app.inject({ url: '/newsroom/settings?done=saved', headers: { cookie: admin.cookie } });
    assert.match(confirmed.body, /حُفظت الإعدادات/);

    const home = await site().app.inject('/');
    assert.match(home.body, /<title>[^<]*صحيفة الاختبار/);
    assert.match(home.body, /class="footer-description">أخبار الاختبار من كل مكان</);
    assert.doesNotMatch(home.body, /<title>[^<]*مداد/);

    const article = await site().app.inject(encodeURI(articlePath));
    assert.match(article.body, /١٩ تشرين الأول ٢٠٢٣/, 'Levantine month names and Arabic-Indic digits');
    assert.doesNotMatch(article.body, /ربيع الآخر/, 'no Hijri date');
    assert.match(article.body, /og:site_name" content="صحيفة الاختبار"/);

    const rows = await storedSettings(site());
    assert.deepEqual(
      rows.map((r) => [r.key, JSON.parse(r.value)]),
      [
        ['dateDigits', 'arab'],
        ['dateLocale', 'ar-SY'],
        ['showHijri', false],
        ['siteDescription', 'أخبار الاختبار من كل مكان'],
        ['siteName', 'صحيفة الاختبار'],
      ],
    );
    const [entry] = await site().services.audit.list({ actions: ['settings.changed'] });
    assert.ok(entry, 'the change is in the audit trail');
    assert.equal(entry.ip, '203.0.113.7');
    assert.deepEqual((entry.details as { changed: Record<string, unknown> }).changed.siteName, { from: 'مداد', to: 'صحيفة الاختبار' });
  });

  test('saving the form unchanged writes nothing and records nothing', async () => {
    const before = await storedSettings(site());
    const entries = (await site().services.audit.list({ actions: ['settings.changed'] })).length;
    const res = await postForm(site(), '/newsroom/settings', { ...VALID }, admin);
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await storedSettings(site()), before);
    assert.equal((await site().services.audit.list({ actions: ['settings.changed'] })).length, entries);
  });

  test('hostile and invalid values are refused with Arabic messages per field, and nothing is saved', async () => {
    const before = await storedSettings(site());
    const cases: [Record<string, string>, string[]][] = [
      [{ ...VALID, siteName: '' }, ['siteName']],
      [{ ...VALID, siteName: '   ' }, ['siteName']],
      [{ ...VALID, siteName: '\u202e\u200f\u2066' }, ['siteName']],
      [{ ...VALID, siteName: 'ا'.repeat(81) }, ['siteName']],
      [{ ...VALID, siteName: 'x'.repeat(5000) }, ['siteName']],
      [{ ...VALID, siteDescription: 'ب'.repeat(301) }, ['siteDescription']],
      [{ ...VALID, dateLocale: 'en-US' }, ['dateLocale']],
      [{ ...VALID, dateLocale: 'ar-SA-u-nu-arab' }, ['dateLocale']],
      [{ ...VALID, dateLocale: "ar'; DROP TABLE site_settings; --" }, ['dateLocale']],
      [{ ...VALID, dateDigits: 'roman' }, ['dateDigits']],
      [{ ...VALID, showHijri: 'yes' }, ['showHijri']],
      [{ siteName: 'اسم' }, ['siteDescription', 'dateLocale', 'dateDigits', 'showHijri']],
      [{}, ['siteName', 'siteDescription', 'dateLocale', 'dateDigits', 'showHijri']],
    ];
    for (const [fields, bad] of cases) {
      const res = await postForm(site(), '/newsroom/settings', fields, admin);
      const label = JSON.stringify(fields).slice(0, 80);
      assert.equal(res.statusCode, 400, label);
      assert.match(res.body, /data-error-code="VALIDATION_FAILED"/, label);
      for (const field of bad) assert.match(res.body, new RegExp(`href="#setting-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}"`), `${label}: ${field}`);
      assert.deepEqual(await storedSettings(site()), before, `${label}: nothing saved`);
    }
    // A repeated field arrives as an array: refused like any other bad value.
    const repeated = await site().app.inject({
      method: 'POST',
      url: '/newsroom/settings',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([...Object.entries(VALID), ['siteName', 'ثانٍ'], ['_csrf', admin.csrfToken]]).toString(),
    });
    assert.equal(repeated.statusCode, 400);
    assert.deepEqual(await storedSettings(site()), before);
    console.log(`# ${cases.length + 1} invalid settings forms refused, nothing saved`);
  });

  test('markup in the name and description is shown as text on every page, never run', async () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"><svg onload=alert(1)>',
      "<a href='javascript:alert(1)'>x</a>",
      '<style>body{background:url(javascript:alert(1))}</style>',
    ];
    for (const payload of payloads) {
      const res = await postForm(site(), '/newsroom/settings', { ...VALID, siteName: payload.slice(0, 80), siteDescription: payload }, admin);
      assert.equal(res.statusCode, 303, payload);
      for (const url of ['/', encodeURI(articlePath), '/search?q=خبر']) {
        const page = await site().app.inject(url);
        assert.deepEqual(scriptableParts(page.body), [], `${payload} on ${url}`);
      }
      const settingsPage = await site().app.inject({ url: '/newsroom/settings', headers: { cookie: admin.cookie } });
      assert.deepEqual(scriptableParts(settingsPage.body), [], `${payload} on the settings page`);
    }
    console.log(`# ${payloads.length} hostile site names and descriptions tried on 4 pages each`);
    // Put the readable values back for the tests that follow.
    assert.equal((await postForm(site(), '/newsroom/settings', { ...VALID }, admin)).statusCode, 303);
  });

  test('a stored value that no longer passes the checks falls back to the default instead of breaking pages', async () => {
    await site().db.kysely.updateTable('site_settings').set({ value: '"klingon"' }).where('key', '=', 'dateDigits').execute();
    await site().db.kysely.updateTable('site_settings').set({ value: 'not json' }).where('key', '=', 'dateLocale').execute();
    // Another process changed the rows; this instance hears of it through the event a change sends.
    site().events.emit({ type: 'settings.changed' });
    const settings = await site().services.settings.current();
    assert.equal(settings.dateDigits, 'latn');
    assert.equal(settings.dateLocale, 'ar');
    assert.equal(settings.siteName, VALID.siteName);
    assert.equal((await site().app.inject('/')).statusCode, 200);
  });
});

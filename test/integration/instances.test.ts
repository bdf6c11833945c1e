import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { createTestSite, type TestSite } from '../helpers/test-site.ts';

// Scaling out is a PostgreSQL feature (SQLite sites are one process), so this file runs on it alone.
let first: TestSite;
let second: TestSite;

before(async () => {
  first = await createTestSite('postgres', { demo: true });
  second = await createTestSite('postgres', { databaseUrl: first.databaseUrl });
});

after(async () => {
  await second?.close();
  await first?.close();
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

test('two instances on one PostgreSQL serve the same site, and a story published on one appears on the other at once', async () => {
  const cachedBefore = await second.app.inject('/');
  assert.equal(cachedBefore.statusCode, 200);
  const etag = cachedBefore.headers.etag;
  // Served twice from the second instance's cache: the same page.
  assert.equal((await second.app.inject('/')).headers.etag, etag);

  const section = await first.services.sections.getBySlug('اقتصاد');
  const headline = 'نبأ نشرته النسخة الأولى من الخادم';
  await first.services.articles.create({
    headline,
    sourceKind: 'staff',
    sectionId: section.id,
    body: documentFromParagraphs(['نص النبأ.']),
    status: 'published',
    publishedAt: first.clock.now(),
  });
  // The page cache time limit is a minute; only the NOTIFY can make this pass within seconds (15 s allows a loaded machine).
  assert.ok(await eventually(async () => (await second.app.inject('/')).body.includes(headline)), 'the other instance dropped its cached home page');
});

test('site settings saved on one instance show on the other at once', async () => {
  assert.match((await second.app.inject('/')).body, /<title>[^<]*مداد/);
  const admin = await first.services.users.create('cli', { email: 'settings-admin@midad.test', name: 'مدير', role: 'admin', password: 'a long enough password' });
  await first.services.settings.update(
    { userId: admin.id, role: admin.role, name: admin.name },
    { siteName: 'اسم من النسخة الأولى', siteDescription: 'وصف', dateLocale: 'ar', dateDigits: 'latn', showHijri: 'true' },
  );
  // Both the settings copy and the page cache of the second instance must drop theirs (30 s and 60 s limits otherwise).
  assert.ok(await eventually(async () => (await second.app.inject('/')).body.includes('اسم من النسخة الأولى')), 'the other instance shows the new name');
});

test('a malformed change message on the channel is ignored, and the instance keeps serving', async () => {
  await first.db.broadcast!.publish('{"from":"x","event":{"type":"drop table"}}');
  await first.db.broadcast!.publish('not json');
  const res = await second.app.inject('/');
  assert.equal(res.statusCode, 200);
});

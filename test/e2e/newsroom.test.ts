import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { documentFromParagraphs } from '../../src/content/articles/article-document.ts';
import { addUser, type TestUser } from '../helpers/newsroom.ts';
import { createTestSite, TEST_NOW, type TestSite } from '../helpers/test-site.ts';
import { eventually, useBrowser } from './browser.ts';

// The newsroom in headless Chromium, on SQLite with the demo content: the path from agency copy to
// the home page, what a writer cannot do, scheduling on a clock the test moves, autosave across an
// expired session, and the direction of Arabic paragraphs with English inside.

const REFERENCE = readFileSync(new URL('../../demo/lavrov-pyongyang.txt', import.meta.url), 'utf8');
const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 800 };
// The site's time zone, so that the schedule field's local time means the same to the test and the page.
const TIME_ZONE = 'Asia/Riyadh';

const browser = useBrowser();
let site: TestSite;
let baseURL: string;
let editor: TestUser;
let writer: TestUser;
/** The article the editor published in the first test; later tests look at it again. */
let publishedId: number | undefined;

before(async () => {
  site = await createTestSite('sqlite', { demo: true });
  editor = await addUser(site, { role: 'editor', name: 'هالة المحررة' });
  writer = await addUser(site, { role: 'writer', name: 'سامر الكاتب' });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
});

after(async () => {
  await site?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught script errors and failed requests; checked when the test ends. */
  problems: string[];
}

/**
 * A person's own browser profile, signed in through the login form. Script errors and failed
 * requests are collected; `expected` lists the statuses a test provokes on purpose (a refused
 * publish, an autosave after the session ended).
 */
async function signedInBrowser(user: TestUser, viewport = DESKTOP, expected: number[] = []): Promise<Session> {
  const context = await (await browser()).newContext({ baseURL, viewport, locale: 'ar', timezoneId: TIME_ZONE });
  // tsx compiles this file keeping function names (esbuild's __name helper), and functions handed
  // to page.evaluate run in the page, where that helper does not exist.
  await context.addInitScript('globalThis.__name = (fn) => fn;');
  const page = await context.newPage();
  const problems: string[] = [];
  context.on('weberror', (error) => problems.push(`script error: ${error.error().message}`));
  context.on('requestfailed', (request) => {
    // A navigation away cancels the requests of the page being left; that is not a broken resource.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !response.request().isNavigationRequest() && !expected.includes(response.status())) {
      problems.push(`${response.url()}: ${response.status()}`);
    }
  });
  await signIn(page, user);
  return { context, page, problems };
}

async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto('/newsroom/login');
  await page.getByLabel('البريد الإلكتروني').fill(user.email);
  await page.getByLabel('كلمة المرور').fill(user.password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/newsroom');
}

async function finish(session: Session): Promise<void> {
  try {
    assert.deepEqual(session.problems, [], 'no script errors and no failed requests');
  } finally {
    await session.context.close();
  }
}

/** Waits for the editor page's script to have replaced the read-only body with TipTap. */
async function openEditor(page: Page, id?: number): Promise<void> {
  if (id !== undefined) await page.goto(`/newsroom/articles/${id}`);
  await page.locator('.body-editor-content[contenteditable="true"]').waitFor();
}

/** Puts the caret at the very end of the body. */
async function caretToEnd(page: Page): Promise<void> {
  await page.locator('.body-editor-content').click();
  await page.keyboard.press('Control+End');
}

function articleIdOf(page: Page): number {
  const match = /\/newsroom\/articles\/(\d+)/.exec(new URL(page.url()).pathname);
  assert.ok(match, `an article URL: ${page.url()}`);
  return Number(match[1]);
}

async function smallJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 960, height: 640, channels: 3, background: { r: 180, g: 40, b: 30 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test('an editor pastes the reference copy on the wire desk, edits the headline, adds an image, publishes, and finds the story on the home page', async () => {
  const session = await signedInBrowser(editor);
  const { page } = session;
  try {
    await page.getByRole('navigation', { name: 'غرفة الأخبار' }).getByRole('link', { name: 'مكتب الوكالات' }).click();
    await page.waitForURL((url) => url.pathname === '/newsroom/wire');
    await page.getByLabel('نص الوكالة').fill(REFERENCE);
    const pasted = Date.now();
    const [response] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/newsroom/wire') && res.request().method() === 'POST'),
      page.getByRole('button', { name: 'أنشئ مسودة' }).click(),
    ]);
    await openEditor(page);
    const toEditor = Date.now() - pasted;
    const serverMs = Number(/dur=([\d.]+)/.exec(response.headers()['server-timing'] ?? '')?.[1]);
    assert.ok(serverMs < 1000, `the server turned the paste into a draft in ${serverMs} ms`);
    console.log(`wire desk: paste → draft ${serverMs} ms on the server, ${toEditor} ms to the editor ready in the browser`);

    const id = articleIdOf(page);
    assert.equal(await page.locator('#headline').inputValue(), 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة');
    assert.equal(await page.locator('#byline').inputValue(), 'وكالات – العربي');
    assert.equal(await page.locator('#sectionId option:checked').innerText(), 'دول العالم');
    assert.ok((await page.locator('.body-editor-content > p').count()) >= 10, 'the paragraphs of the copy');
    assert.equal(await page.locator('.body-editor-content').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.body-editor-content').getAttribute('lang'), 'ar');

    const headline = 'لافروف في بيونغ يانغ: محادثات تثير شكوكاً غربية بشأن نقل الأسلحة';
    await page.locator('#headline').fill(headline);
    assert.equal(await page.locator('#slug').inputValue(), 'لافروف-في-بيونغ-يانغ-محادثات-تثير-شكوكا-غربية-بشأن-نقل-الأسلحة', 'the slug follows the headline');

    // The picture: uploaded through the picker with its alt text, then placed with a caption.
    await caretToEnd(page);
    await page.getByRole('toolbar', { name: 'تنسيق نص المقال' }).getByRole('button', { name: 'صورة من مكتبة الوسائط' }).click();
    const picker = page.getByRole('dialog', { name: 'صورة في نص المقال' });
    await picker.waitFor();
    await picker.locator('#media-upload-file').setInputFiles({ name: 'pyongyang.jpg', mimeType: 'image/jpeg', buffer: await smallJpeg() });
    await picker.getByLabel('النص البديل (وصف الصورة لمن لا يراها)').fill('لافروف وتشوي سون هوي في بيونغ يانغ');
    await picker.getByRole('button', { name: 'ارفع الصورة' }).click();
    await eventually(async () => assert.equal(await picker.locator('[data-upload-error]').innerText(), 'رُفعت الصورة.'), 15_000);
    await picker.locator('#media-choice-caption').fill('وزيرا خارجية روسيا وكوريا الشمالية');
    await picker.locator('#media-choice-credit').fill('وكالات');
    await picker.getByRole('button', { name: 'استخدم هذه الصورة' }).click();
    const figure = page.locator('.body-editor-content figure.editor-figure');
    await figure.waitFor();
    assert.equal(await figure.locator('img').getAttribute('alt'), 'لافروف وتشوي سون هوي في بيونغ يانغ');
    await eventually(async () => assert.ok(await figure.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the picture loads'));
    assert.match(await figure.locator('figcaption').innerText(), /وزيرا خارجية روسيا وكوريا الشمالية/);

    // The same picture, chosen from the library, as the featured image with its own alt text.
    await page.getByRole('button', { name: 'اختر صورة' }).click();
    const featuredPicker = page.getByRole('dialog', { name: 'الصورة الرئيسية' });
    const tile = featuredPicker.getByRole('button', { name: 'لافروف وتشوي سون هوي في بيونغ يانغ' });
    await tile.click();
    assert.equal(await tile.getAttribute('aria-pressed'), 'true');
    await featuredPicker.locator('#media-choice-alt').fill('لافروف يصافح تشوي سون هوي');
    await featuredPicker.getByRole('button', { name: 'استخدم هذه الصورة' }).click();
    await page.locator('.featured-preview img').waitFor();
    assert.equal(await page.locator('#featuredAlt').inputValue(), 'لافروف يصافح تشوي سون هوي');

    await eventually(async () => assert.match(await page.locator('#save-status').innerText(), /^حُفظ تلقائياً الساعة /), 15_000);
    await eventually(async () => assert.ok((await site.services.desk.get(editor.actor, id)).featuredMediaId, 'the featured image is saved'), 15_000);
    await page.getByRole('button', { name: 'انشر', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'publish');
    assert.equal(await page.locator('.editor-state .status-badge').innerText(), 'منشور');
    publishedId = id;

    await page.goto('/');
    const lead = page.locator('section.lead .card-title a');
    assert.equal((await lead.innerText()).trim(), headline, 'the new story leads the home page');
    await lead.click();
    await page.waitForURL((url) => url.pathname.startsWith(`/article/${id}/`));
    assert.equal((await page.locator('h1.headline').innerText()).trim(), headline);
    assert.equal(await page.locator('figure.featured-image img').getAttribute('alt'), 'لافروف يصافح تشوي سون هوي');
    const picture = page.locator('.article-body figure img');
    assert.equal(await picture.getAttribute('alt'), 'لافروف وتشوي سون هوي في بيونغ يانغ');
    // Body images are loading="lazy": a reader scrolls to them, and so does the test.
    await picture.scrollIntoViewIfNeeded();
    await eventually(
      async () => assert.ok(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the picture loads on the article page'),
      15_000,
    );
    await finish(session);
  } catch (error) {
    await session.context.close();
    throw error;
  }
});

test('a writer sees no publish button, and a publish request forged with their session and a valid CSRF token is refused 403', async () => {
  const session = await signedInBrowser(writer, DESKTOP, [403]);
  const { page } = session;
  try {
    await page.goto('/newsroom/articles/new');
    await openEditor(page);
    await page.locator('#headline').fill('مسودة كاتب لا يملك النشر');
    await caretToEnd(page);
    await page.keyboard.type('فقرة أولى كتبها الكاتب.');
    await page.getByRole('button', { name: 'احفظ', exact: true }).click();
    await page.waitForURL((url) => /^\/newsroom\/articles\/\d+$/.test(url.pathname));
    const id = articleIdOf(page);
    await page.reload();
    await openEditor(page);
    assert.equal(await page.getByRole('button', { name: 'انشر' }).count(), 0, 'no publish button');
    assert.equal(await page.getByRole('button', { name: 'جدولة' }).count(), 0, 'no schedule button');
    assert.ok(await page.getByRole('button', { name: 'أرسل للمراجعة' }).isVisible(), 'the writer may submit for review');

    const forged = await page.evaluate(async (articleId) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
      const version = Number(document.querySelector<HTMLFormElement>('#article-form')!.dataset.version);
      const res = await fetch(`/newsroom/api/articles/${articleId}/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ version }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    }, id);
    assert.equal(forged.status, 403);
    assert.equal(forged.body.error.code, 'FORBIDDEN');
    const after = await site.services.desk.get(editor.actor, id);
    assert.equal(after.status, 'draft', 'still a draft');
    assert.equal(after.publishedAt, null);
    await finish(session);
  } catch (error) {
    await session.context.close();
    throw error;
  }
});

test('an empty paragraph starts right to left, and "قال Sergei Lavrov: «…»." keeps its colon and full stop on the right side, in the editor and in the preview', async () => {
  const session = await signedInBrowser(editor);
  const { page, context } = session;
  try {
    const draft = await site.services.desk.createDraft(editor.actor, {
      headline: 'اتجاه الفقرات',
      dek: null,
      byline: null,
      sourceKind: 'staff',
      sectionId: (await site.services.sections.list())[0]!.id,
      tags: [],
      slug: null,
      body: documentFromParagraphs(['فقرة عربية أولى.']),
      featuredMediaId: null,
      featuredAlt: null,
    });
    await openEditor(page, draft.id);
    await caretToEnd(page);
    await page.keyboard.press('Enter');
    const empty = page.locator('.body-editor-content > p').last();
    assert.equal(await empty.innerText().then((t) => t.trim()), '');
    assert.equal(await empty.getAttribute('dir'), 'rtl', 'an empty paragraph is rtl');
    assert.equal(await empty.evaluate((p) => getComputedStyle(p).direction), 'rtl');

    await page.keyboard.type('قال Sergei Lavrov: «نحن مستعدون».');
    const mixed = page.locator('.body-editor-content > p', { hasText: 'Sergei Lavrov' });
    assert.equal(await mixed.getAttribute('dir'), 'rtl');
    assert.equal(await mixed.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    const layout = await mixed.evaluate(punctuationLayout);
    assert.ok(layout.colon.right <= layout.lavrov.left + 1, `the colon is left of "Lavrov" (after it, reading right to left): ${JSON.stringify(layout)}`);
    assert.ok(layout.qaal.left >= layout.sergei.right - 1, `"قال" comes first, on the right of the English name: ${JSON.stringify(layout)}`);
    assert.ok(layout.stop.left <= layout.minLeft + 1, `the full stop ends the sentence at the far left: ${JSON.stringify(layout)}`);

    await page.keyboard.press('Enter');
    await page.keyboard.type('Reuters reported the meeting on Thursday.');
    const english = page.locator('.body-editor-content > p', { hasText: 'Reuters reported' });
    assert.equal(await english.getAttribute('dir'), 'ltr', 'a paragraph of English alone is ltr');
    // The toolbar is one tab stop; the arrow keys move along it, right to left.
    const toolbar = page.getByRole('toolbar', { name: 'تنسيق نص المقال' });
    await toolbar.getByRole('button', { name: 'غامق (عريض)' }).focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'مائل');
    assert.deepEqual(await toolbar.locator('button').evaluateAll((buttons) => buttons.map((b) => (b as HTMLButtonElement).tabIndex)).then((t) => t.filter((i) => i === 0).length), 1);
    await english.click();
    // The toolbar's direction button puts it back by hand, and the choice sticks while typing.
    await page.getByRole('button', { name: 'LTR: الفقرة من اليسار إلى اليمين' }).click();
    assert.equal(await english.getAttribute('dir'), 'rtl');
    await page.keyboard.type(' Yes.');
    assert.equal(await english.getAttribute('dir'), 'rtl', 'a direction set by hand is kept');
    await page.getByRole('button', { name: 'LTR: الفقرة من اليسار إلى اليمين' }).click();
    assert.equal(await english.getAttribute('dir'), 'ltr');
    assert.equal(await page.getByRole('button', { name: 'LTR: الفقرة من اليسار إلى اليمين' }).getAttribute('aria-pressed'), 'true');

    // A heading takes its direction from its letters like a paragraph, and keeps one set by hand.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: 'عنوان فرعي' }).click();
    await page.keyboard.type('NATO summit in Vilnius');
    const heading = page.locator('.body-editor-content > h2', { hasText: 'NATO summit' });
    assert.equal(await heading.getAttribute('dir'), 'ltr', 'a heading of English alone is ltr');
    await page.getByRole('button', { name: 'LTR: الفقرة من اليسار إلى اليمين' }).click();
    assert.equal(await heading.getAttribute('dir'), 'rtl', 'the toolbar flips a heading too');
    await page.keyboard.type(' 2026');
    assert.equal(await heading.getAttribute('dir'), 'rtl', "a heading's direction set by hand is kept");

    // Leaving with a change not yet saved asks first.
    await page.locator('#dek').fill('موجز لم يُحفظ بعد');
    const warned = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await warned, 'beforeunload');
    assert.equal(page.isClosed(), false, 'dismissing the warning keeps the page');

    await page.getByRole('button', { name: 'احفظ', exact: true }).click();
    // Saved by the button, or by the autosave if its five seconds came first.
    await eventually(async () => assert.equal((await site.services.desk.get(editor.actor, draft.id)).dek, 'موجز لم يُحفظ بعد'));
    // The row is committed before the browser has read the answer: the status line follows a moment later.
    await eventually(async () => assert.match(await page.locator('#save-status').innerText(), /^حُفظ (تلقائياً )?الساعة /));
    const preview = await context.newPage();
    await preview.goto(`/newsroom/articles/${draft.id}/preview`);
    const readerMixed = preview.locator('.article-body p', { hasText: 'Sergei Lavrov' });
    assert.equal(await readerMixed.getAttribute('dir'), 'rtl', 'the reader page stores and shows the same direction');
    assert.equal(await readerMixed.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    const readerLayout = await readerMixed.evaluate(punctuationLayout);
    assert.ok(readerLayout.colon.right <= readerLayout.lavrov.left + 1, `the colon on the reader page: ${JSON.stringify(readerLayout)}`);
    assert.equal(await preview.locator('.article-body p', { hasText: 'Reuters reported' }).getAttribute('dir'), 'ltr');
    const readerHeading = preview.locator('.article-body h2', { hasText: 'NATO summit in Vilnius 2026' });
    assert.equal(await readerHeading.getAttribute('dir'), 'rtl', "the reader page keeps the heading's direction");
    assert.equal(await readerHeading.evaluate((h) => getComputedStyle(h).direction), 'rtl');
    await preview.close();
    await finish(session);
  } catch (error) {
    await session.context.close();
    throw error;
  }
});

/** Where the words and marks of "قال Sergei Lavrov: «…»." are drawn (runs in the page). */
function punctuationLayout(paragraph: HTMLElement) {
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  const full = nodes.map((n) => n.data).join('');
  const rectOf = (start: number, length: number) => {
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      if (start >= offset && start < offset + node.data.length) {
        range.setStart(node, start - offset);
        range.setEnd(node, start - offset + length);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }
      offset += node.data.length;
    }
    throw new Error(`no text at ${start}`);
  };
  const at = (text: string) => full.indexOf(text);
  const all = [...full].map((_, i) => rectOf(i, 1).left);
  return {
    qaal: rectOf(at('قال'), 3),
    sergei: rectOf(at('Sergei'), 6),
    lavrov: rectOf(at('Lavrov'), 6),
    colon: rectOf(at(':'), 1),
    stop: rectOf(full.lastIndexOf('.'), 1),
    minLeft: Math.min(...all),
  };
}

test('an expired session while editing loses nothing: the text waits in the browser and is saved after signing in again', async () => {
  const session = await signedInBrowser(editor, DESKTOP, [401]);
  const { page, context } = session;
  try {
    const draft = await site.services.desk.createDraft(editor.actor, {
      headline: 'مسودة تنتهي جلستها',
      dek: null,
      byline: null,
      sourceKind: 'staff',
      sectionId: (await site.services.sections.list())[0]!.id,
      tags: [],
      slug: null,
      body: documentFromParagraphs(['الفقرة المحفوظة من قبل.']),
      featuredMediaId: null,
      featuredAlt: null,
    });
    await openEditor(page, draft.id);

    // The session ends on the server (as an administrator ending it would, or its time running out).
    await site.db.kysely.deleteFrom('sessions').where('user_id', '=', editor.user.id).execute();
    const typed = 'نص كُتب بعد انتهاء الجلسة ولم يضع.';
    await caretToEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed);

    const alert = page.locator('#editor-alert');
    await eventually(async () => assert.match(await alert.innerText(), /انتهت جلستك/), 15_000);
    const link = alert.getByRole('link', { name: 'سجّل الدخول في نافذة جديدة' });
    assert.equal(await link.getAttribute('target'), '_blank');
    const kept = await page.evaluate((id) => localStorage.getItem(`midad:article-draft:${id}`), draft.id);
    assert.ok(kept?.includes(typed), 'the unsaved text is in localStorage');
    assert.ok(!(await site.services.desk.get(editor.actor, draft.id)).bodyText.includes(typed), 'not on the server yet');

    // Signing in again in another tab, as the link offers; the editor retries by itself.
    const [loginTab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await loginTab.waitForLoadState();
    await loginTab.getByLabel('البريد الإلكتروني').fill(editor.email);
    await loginTab.getByLabel('كلمة المرور').fill(editor.password);
    await loginTab.locator('main form button[type="submit"]').click();
    await loginTab.waitForURL((url) => url.pathname === '/newsroom');
    await loginTab.close();
    await page.bringToFront();

    await eventually(async () => assert.match(await page.locator('#save-status').innerText(), /^حُفظ تلقائياً الساعة /), 20_000);
    assert.equal(await alert.isVisible(), false, 'the warning is gone');
    assert.ok((await site.services.desk.get(editor.actor, draft.id)).bodyText.includes(typed), 'saved on the server');
    assert.equal(await page.evaluate((id) => localStorage.getItem(`midad:article-draft:${id}`), draft.id), null, 'the local copy is dropped once saved');
    await finish(session);
  } catch (error) {
    await session.context.close();
    throw error;
  }
});

test('work kept in the browser comes back when the editor is opened again', async () => {
  const session = await signedInBrowser(editor);
  const { page } = session;
  try {
    const draft = await site.services.desk.createDraft(editor.actor, {
      headline: 'مسودة أُغلقت نافذتها',
      dek: null,
      byline: null,
      sourceKind: 'staff',
      sectionId: (await site.services.sections.list())[0]!.id,
      tags: [],
      slug: null,
      body: documentFromParagraphs(['نص الخادم.']),
      featuredMediaId: null,
      featuredAlt: null,
    });
    await openEditor(page, draft.id);
    // A copy left by a tab that closed before its save (same version as the server's).
    await page.evaluate(
      ({ id, version }) => {
        const form = document.querySelector<HTMLFormElement>('#article-form')!;
        const saved = JSON.parse(form.dataset.draft!);
        saved.headline = 'عنوان لم يُحفظ قبل إغلاق النافذة';
        localStorage.setItem(`midad:article-draft:${id}`, JSON.stringify({ draft: saved, version, savedAt: Date.now() }));
      },
      { id: draft.id, version: draft.version },
    );
    await openEditor(page, draft.id);
    assert.equal(await page.locator('#headline').inputValue(), 'عنوان لم يُحفظ قبل إغلاق النافذة');
    assert.match(await page.locator('#editor-notice').innerText(), /استُعيدت تغييرات لم تُحفظ/);
    await eventually(async () => assert.equal((await site.services.desk.get(editor.actor, draft.id)).headline, 'عنوان لم يُحفظ قبل إغلاق النافذة'), 15_000);
    await finish(session);
  } catch (error) {
    await session.context.close();
    throw error;
  }
});

test('a scheduled story appears on the home page at its time and not before', async () => {
  const session = await signedInBrowser(editor);
  const { page } = session;
  try {
    await page.goto('/newsroom/articles/new');
    await openEditor(page);
    const headline = 'خبر مجدول يظهر في موعده';
    await page.locator('#headline').fill(headline);
    await caretToEnd(page);
    await page.keyboard.type('نص الخبر المجدول للنشر بعد ساعتين.');
    // Two hours after the site's clock, in the site's time zone (UTC+3): 12:00Z + 2 h = 17:00 local.
    const at = new Date(TEST_NOW.getTime() + 2 * 3600_000);
    assert.equal(site.clock.now().getTime() <= TEST_NOW.getTime() + 3600_000, true, 'the clock has not been moved yet');
    await page.locator('#schedule-at').fill(localInput(at));
    await page.getByRole('button', { name: 'جدولة' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'schedule');
    assert.equal(await page.locator('.editor-state .status-badge').innerText(), 'مجدول');
    const id = articleIdOf(page);
    assert.equal((await site.services.desk.get(editor.actor, id)).scheduledAt?.toISOString(), at.toISOString());

    await page.goto('/');
    assert.ok(!(await page.locator('.card-title').allInnerTexts()).some((t) => t.includes(headline)), 'not on the home page before its time');
    const reader = await fetch(`${baseURL}/article/${id}`);
    assert.equal(reader.status, 404, 'nor at its address');

    site.clock.set(new Date(at.getTime() - 60_000));
    assert.deepEqual(await site.services.desk.publishDue(), [], 'a minute early: nothing is due');
    site.clock.set(new Date(at.getTime() + 30_000));
    assert.deepEqual(await site.services.desk.publishDue(), [id]);
    // A reload, as a reader would: the home page is fresh in the browser's cache for 30 seconds.
    await page.reload();
    assert.equal((await page.locator('section.lead .card-title a').innerText()).trim(), headline, 'on the home page at its time');
    await finish(session);
  } catch (error) {
    await session.context.close();
    throw error;
  }
});

/** "2026-11-29T17:00" for a datetime-local field in the site's time zone. */
function localInput(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('screenshots of the editor and the desk at 360 and 1280 px are written, with no sideways scroll on a phone', async () => {
  assert.ok(publishedId, 'the first test published an article');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const startedAt = Date.now();
  const written: { file: string; width: number }[] = [];
  for (const viewport of [PHONE, DESKTOP]) {
    const session = await signedInBrowser(editor, viewport);
    const { page } = session;
    try {
      const pages: Record<string, string> = { editor: `/newsroom/articles/${publishedId}`, desk: '/newsroom?list=all' };
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(path);
        if (name === 'editor') await openEditor(page);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        assert.equal(await hasHorizontalScroll(page), false, `${name} at ${viewport.width} px scrolls sideways`);
        const file = `${SCREENSHOT_DIR}newsroom-${name}-${viewport.width}.png`;
        const partial = `${file}.${process.pid}.partial`;
        writeFileSync(partial, await page.screenshot({ fullPage: true }));
        renameSync(partial, file);
        written.push({ file, width: viewport.width });
      }
      await finish(session);
    } catch (error) {
      await session.context.close();
      throw error;
    }
  }
  assert.equal(written.length, 4);
  for (const { file, width } of written) {
    assert.ok(statSync(file).size > 10_240, `${file} is more than 10 KB`);
    assert.ok(statSync(file).mtimeMs >= startedAt - 1_000, `${file} was written by this run`);
    const png = readFileSync(file);
    assert.equal(png.readUInt32BE(16), width, `${file} is ${width} px wide`);
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createTestSite, type TestSite } from '../helpers/test-site.ts';
import { eventually, useBrowser } from './browser.ts';

// A reader's walk through the site in headless Chromium, on SQLite with the demo content. The
// integration tests check the HTML; these check what only a browser shows: layout, focus,
// scrolling, the load-more script, and the same pages with JavaScript off.

const REFERENCE_HEADLINE = 'اجتماع وزيري خارجية روسيا وكوريا الشمالية يثير شكوكاً غربية بشأن عمليات نقل الأسلحة';
const SECTION_NAME = 'دول العالم';
const SECTION_SLUG = 'دول-العالم';
const SECTION_PATH = `/section/${SECTION_SLUG}`;
const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const PHONE = { width: 360, height: 800 };
const DESKTOP = { width: 1280, height: 800 };

const browser = useBrowser();
let site: TestSite;
let baseURL: string;
/** The reader's browser profile, shared by the tests with JavaScript on; each test gets its own tab. */
let reader: BrowserContext;
/** Site-relative path of the reference article, as the API gives it. */
let referencePath: string;

before(async () => {
  site = await createTestSite('sqlite', { demo: true });
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  const newest = await apiJson<{ items: { url: string; headline: string }[] }>('/api/v1/articles?limit=1');
  assert.equal(newest.items[0]?.headline, REFERENCE_HEADLINE, 'the reference article is the newest demo story');
  referencePath = sitePath(newest.items[0].url);
  reader = await (await browser()).newContext({ baseURL, viewport: PHONE, locale: 'ar' });
});

after(async () => {
  await reader?.close();
  await site?.close();
});

async function apiJson<T>(path: string): Promise<T> {
  const res = await fetch(baseURL + path);
  assert.equal(res.status, 200, path);
  return (await res.json()) as T;
}

/** The decoded path of a URL ("/section/دول-العالم"), whatever host and encoding it came with. */
function sitePath(url: string): string {
  const u = new URL(url, 'http://x');
  return decodeURI(u.pathname) + decodeURI(u.search);
}

/** Every article of a section through the read API, following nextCursor to the end. */
async function sectionArticlesFromApi(slug: string): Promise<string[]> {
  const paths: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `section=${encodeURIComponent(slug)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: { url: string }[]; nextCursor: string | null } = await apiJson(`/api/v1/articles?${query}`);
    paths.push(...page.items.map((item) => sitePath(item.url)));
    cursor = page.nextCursor;
  } while (cursor);
  return paths;
}

interface PageOptions {
  viewport: { width: number; height: number };
  /** false: a separate browser profile with JavaScript switched off. */
  javaScriptEnabled?: boolean;
}

/**
 * Runs `body` with a new tab of the given size, and closes it. Tabs share the reader's profile (a
 * new page is much cheaper than a new profile on two cores); a reader without JavaScript gets a
 * profile of their own. Uncaught script errors and resources that fail to load fail the test.
 */
async function withPage({ viewport, javaScriptEnabled = true }: PageOptions, body: (page: Page) => Promise<void>): Promise<void> {
  const context = javaScriptEnabled
    ? reader
    : await (await browser()).newContext({ baseURL, viewport, locale: 'ar', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const scriptErrors: string[] = [];
  const brokenResources: string[] = [];
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  page.on('requestfailed', (request) => brokenResources.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    // The site serves no favicon yet, and Chromium asks for one on every page.
    if (response.status() >= 400 && !response.request().isNavigationRequest() && pathname !== '/favicon.ico') {
      brokenResources.push(`${response.url()}: ${response.status()}`);
    }
  });
  try {
    await body(page);
    assert.deepEqual(scriptErrors, [], 'no uncaught script errors');
    assert.deepEqual(brokenResources, [], 'every stylesheet, script, font and fragment loads');
  } finally {
    await page.close();
    if (context !== reader) await context.close();
  }
}

/** The cards of a page's main list (section, tag), in order. */
const feedCards = (page: Page) => page.locator('.card-feed ol.card-list > li > article.card');

/** Decoded paths of the headline links of these cards, in order. */
async function cardPaths(cards: Locator): Promise<string[]> {
  const hrefs = await cards.locator('.card-title a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map(sitePath);
}

async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

test('the home page shows the lead story and the section blocks, right to left, with no sideways scroll on a phone', async () => {
  await withPage({ viewport: PHONE }, async (page) => {
    const res = await page.goto('/');
    assert.equal(res?.status(), 200);
    const html = page.locator('html');
    assert.equal(await html.getAttribute('lang'), 'ar');
    assert.equal(await html.getAttribute('dir'), 'rtl');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');

    const lead = page.locator('section.lead');
    await lead.waitFor({ state: 'visible' });
    assert.equal((await lead.locator('.card-title').innerText()).trim(), REFERENCE_HEADLINE);
    assert.ok(await page.locator('section.latest').isVisible(), 'latest news visible');

    const blocks = page.locator('section.section-block');
    assert.equal(await blocks.count(), 6);
    for (const block of await blocks.all()) {
      await block.scrollIntoViewIfNeeded();
      assert.ok(await block.isVisible(), await block.getAttribute('data-section') ?? 'section block');
      assert.ok((await block.locator('article.card').count()) > 0, 'a block has cards');
    }
    assert.ok(await page.locator('.site-header').isVisible(), 'site header visible');
    assert.equal(await hasHorizontalScroll(page), false, 'no horizontal scroll at 360 px');
  });
});

test('a reader opens "دول العالم" from the menu and presses "اظهر المزيد" until the whole section is on one page', async () => {
  const expected = await sectionArticlesFromApi(SECTION_SLUG);
  assert.ok(expected.length > 24, `the section has more than two pages (${expected.length})`);

  await withPage({ viewport: PHONE }, async (page) => {
    await page.goto('/');
    await page.locator('nav[aria-label="الأقسام"]').getByRole('link', { name: SECTION_NAME, exact: true }).click();
    await page.waitForURL((url) => decodeURI(url.pathname) === SECTION_PATH);
    assert.equal((await page.locator('h1').innerText()).trim(), SECTION_NAME);
    assert.equal(
      await page.locator('nav[aria-label="الأقسام"] a[aria-current="page"]').innerText(),
      SECTION_NAME,
      'the menu marks the current section',
    );

    const cards = feedCards(page);
    const more = page.locator('a.load-more[data-fragment]');
    const status = page.locator('.card-feed p.sr-status[aria-live="polite"]');
    assert.equal(await cards.count(), 12);
    assert.equal(await status.innerText(), '', 'the live region starts silent');
    // A page load would wipe this; the load-more script must append in place.
    await page.evaluate(() => Object.assign(window, { midadMarker: 'same page' }));

    await more.click();
    await eventually(async () => assert.equal(await cards.count(), 24));
    assert.equal(await page.evaluate(() => (window as { midadMarker?: string }).midadMarker), 'same page', 'no page reload');
    assert.equal(decodeURI(new URL(page.url()).pathname), SECTION_PATH, 'the address stays the section');
    await eventually(async () => assert.equal(await status.innerText(), 'تم تحميل 12 مقالاً إضافياً'));
    assert.equal(await focusedCardIndex(page), 12, 'focus is on the first new headline');
    assert.equal(sitePath((await more.getAttribute('href')) ?? ''), `${SECTION_PATH}?page=3`, 'the link now leads to page 3');

    // Keep going, alternating mouse and keyboard (Enter on the link), until the link goes away.
    for (let round = 0; (await more.count()) > 0; round++) {
      assert.ok(round < 20, 'the list ends');
      const before = await cards.count();
      if (round % 2 === 0) await more.press('Enter');
      else await more.click();
      await eventually(async () => assert.ok((await cards.count()) > before, 'new cards arrived'));
      assert.equal(await focusedCardIndex(page), before, 'focus is on the first new headline');
      const added = (await cards.count()) - before;
      await eventually(async () => assert.match(await status.innerText(), new RegExp(`^تم تحميل ${added === 1 ? 'مقال واحد' : added === 2 ? 'مقالين' : added}`)));
    }

    assert.equal(await cards.count(), expected.length, 'every article of the section, once');
    assert.deepEqual(await cardPaths(cards), expected, 'the same articles in the same order as the API');
    assert.equal(await page.evaluate(() => (window as { midadMarker?: string }).midadMarker), 'same page', 'still no page reload');
  });
});

/** Index among the feed's cards of the card whose headline link has keyboard focus, or -1. */
function focusedCardIndex(page: Page): Promise<number> {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll('.card-feed ol.card-list > li > article.card .card-title a')];
    return links.indexOf(document.activeElement as Element);
  });
}

test('without JavaScript "اظهر المزيد" is a plain link to page 2, which shows 12 other stories', async () => {
  await withPage({ viewport: PHONE, javaScriptEnabled: false }, async (page) => {
    await page.goto(encodeURI(SECTION_PATH));
    const page1 = await cardPaths(feedCards(page));
    assert.equal(page1.length, 12);
    const more = page.locator('a.load-more');
    assert.equal(sitePath((await more.getAttribute('href')) ?? ''), `${SECTION_PATH}?page=2`);
    assert.equal(await page.locator('button.back-to-top').isVisible(), false, 'no back-to-top button that would do nothing');

    const navigation = page.waitForResponse((r) => r.request().isNavigationRequest() && r.url().includes('page=2'));
    await more.click();
    const response = await navigation;
    assert.equal(response.status(), 200);
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    assert.equal((await page.locator('h1').innerText()).trim(), SECTION_NAME);
    assert.equal((await page.locator('p.page-number').innerText()).trim(), 'الصفحة 2');
    const page2 = await cardPaths(feedCards(page));
    assert.equal(page2.length, 12);
    assert.deepEqual(page2.filter((path) => page1.includes(path)), [], 'page 2 repeats nothing from page 1');
    assert.equal(sitePath((await page.locator('a.load-more').getAttribute('href')) ?? ''), `${SECTION_PATH}?page=3`);
  });
});

test('the reference article, opened from the lead story, shows its section, headline, byline, both dates, body and related stories', async () => {
  await withPage({ viewport: DESKTOP }, async (page) => {
    await page.goto('/');
    await page.locator('section.lead .card-title a').click();
    await page.waitForURL((url) => decodeURI(url.pathname) === referencePath);

    const article = page.locator('article.article');
    assert.equal(await page.locator('h1').count(), 1);
    assert.equal((await article.locator('h1.headline').innerText()).trim(), REFERENCE_HEADLINE);

    const label = article.locator('a.section-label');
    assert.equal((await label.innerText()).trim(), SECTION_NAME);
    assert.equal(sitePath((await label.getAttribute('href')) ?? ''), SECTION_PATH);

    assert.match(await article.locator('p.byline').innerText(), /وكالات – العربي/);

    const published = article.locator('time.published');
    assert.equal(await published.getAttribute('datetime'), '2023-10-19T09:00:00.000Z');
    const shown = await published.innerText();
    assert.ok(shown.includes('19 أكتوبر 2023'), `Gregorian date in "${shown}"`);
    assert.ok(shown.includes('4 ربيع الآخر 1445'), `Hijri date in "${shown}"`);

    const paragraphs = article.locator('.article-body p');
    assert.equal(await paragraphs.count(), 12);
    const bodyText = await article.locator('.article-body').innerText();
    assert.match(bodyText, /“[^“”]+”/, 'Arabic quotation in “ ” as typed');

    const related = page.locator('section.related');
    assert.equal((await related.locator('h2').innerText()).trim(), 'مقالات ذات صلة');
    const relatedCards = related.locator('ol.card-list > li > article.card');
    assert.equal(await relatedCards.count(), 4);
    const relatedPaths = await cardPaths(relatedCards);
    const relatedHeadlines = (await relatedCards.locator('.card-title a').allInnerTexts()).map((t) => t.trim());
    assert.equal(new Set(relatedPaths).size, 4, 'four different stories');
    assert.ok(!relatedPaths.includes(referencePath), 'never the article itself');
    assert.ok(!relatedHeadlines.includes(REFERENCE_HEADLINE), 'never the article itself');

    await label.click();
    await page.waitForURL((url) => decodeURI(url.pathname) === SECTION_PATH);
    assert.equal((await page.locator('h1').innerText()).trim(), SECTION_NAME);

    for (const [i, path] of relatedPaths.entries()) {
      const res = await page.goto(encodeURI(path));
      assert.equal(res?.status(), 200, path);
      assert.equal((await page.locator('h1.headline').innerText()).trim(), relatedHeadlines[i], path);
    }
  });
});

test('the back-to-top button appears a screen down and takes mouse and keyboard readers back to the top of the content', async () => {
  await withPage({ viewport: PHONE }, async (page) => {
    await page.goto('/');
    const button = page.locator('button.back-to-top[aria-label="الذهاب إلى الأعلى"]');
    const scrollY = () => page.evaluate(() => window.scrollY);
    const activeElement = () => page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}` : '';
    });
    assert.equal(await button.isVisible(), false, 'hidden at the top');

    // Mouse: scroll a screen and a half with the wheel, click, and the page glides back up.
    await page.mouse.move(180, 400);
    await page.mouse.wheel(0, 1200);
    await eventually(async () => assert.ok((await scrollY()) > PHONE.height, 'scrolled past one screen'));
    await button.waitFor({ state: 'visible' });
    await button.click();
    await eventually(async () => assert.equal(await scrollY(), 0), 5_000);
    assert.equal(await activeElement(), 'main#main.wrap.site-main', 'focus moves to the top of the content');
    await button.waitFor({ state: 'hidden' });

    // Keyboard, for a reader who asked for less motion: from the bottom, Tab from the footer's last
    // link to the button, Enter.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Go to the bottom (the keyboard part of this check is Tab and Enter on the button).
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await eventually(async () => assert.ok((await scrollY()) > PHONE.height, 'went down the page'));
    await button.waitFor({ state: 'visible' });
    await page.locator('.site-footer a').last().focus();
    await page.keyboard.press('Tab');
    assert.equal(await activeElement(), 'button.back-to-top', 'Tab reaches the button');
    await page.keyboard.press('Enter');
    // With reduced motion the jump is instant: a short wait is enough.
    await eventually(async () => assert.equal(await scrollY(), 0), 500);
    assert.equal(await activeElement(), 'main#main.wrap.site-main', 'focus moves to the top of the content, not the button');
    await button.waitFor({ state: 'hidden' });
  });
});

test('an unknown address gets the Arabic 404 page, right to left', async () => {
  await withPage({ viewport: PHONE }, async (page) => {
    for (const path of ['/لا-توجد-صفحة-بهذا-العنوان', '/article/999999/x']) {
      const res = await page.goto(encodeURI(path));
      assert.equal(res?.status(), 404, path);
      assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
      assert.equal(await page.locator('h1').count(), 1);
      const heading = (await page.locator('h1').innerText()).trim();
      assert.equal(heading, 'الصفحة غير موجودة', path);
      assert.match(await page.locator('.error-message').innerText(), /\p{Script=Arabic}{3,}/u, 'an Arabic message');
      assert.match(await page.title(), /\p{Script=Arabic}/u);
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex, follow');
      assert.equal(await hasHorizontalScroll(page), false);
    }
    await page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('section.lead').waitFor({ state: 'visible' });
  });
});

test('screenshots of home, a section and the reference article at 360 and 1280 px are written and look like pages', async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const startedAt = Date.now();
  const pages = { home: '/', section: encodeURI(SECTION_PATH), article: encodeURI(referencePath) };
  const written: { file: string; width: number }[] = [];
  // The two widths in two tabs at once: the browser renders one while the other is captured.
  await Promise.all(
    [PHONE, DESKTOP].map((viewport) =>
      withPage({ viewport }, async (page) => {
        for (const [name, path] of Object.entries(pages)) {
          const res = await page.goto(path);
          assert.equal(res?.status(), 200, path);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          assert.ok(
            await page.evaluate(() => document.fonts.check('18px "Noto Naskh Arabic"', 'مداد') && document.fonts.check('700 18px "Noto Kufi Arabic"', 'مداد')),
            `${name}: the self-hosted Arabic fonts are loaded`,
          );
          assert.equal(await hasHorizontalScroll(page), false, `${name} at ${viewport.width} px scrolls sideways`);
          const file = `${SCREENSHOT_DIR}${name}-${viewport.width}.png`;
          // Written aside and renamed into place, so a run beside this one (npm test while a
          // developer runs this file) never sees half a file.
          const partial = `${file}.${process.pid}.partial`;
          writeFileSync(partial, await page.screenshot({ fullPage: true }));
          renameSync(partial, file);
          written.push({ file, width: viewport.width });
        }
      }),
    ),
  );
  assert.equal(written.length, 6);
  for (const { file, width } of written) {
    const stat = statSync(file);
    assert.ok(stat.size > 10_240, `${file} is more than 10 KB`);
    assert.ok(stat.mtimeMs >= startedAt - 1_000, `${file} was written by this run`);
    const png = readFileSync(file);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
    assert.equal(png.readUInt32BE(16), width, `${file} is ${width} px wide`);
    assert.ok(png.readUInt32BE(20) >= 800, `${file} is at least one screen tall`);
  }
});

test('every page has one h1, a main landmark, named navigation, named links, buttons and images, and a visible focus ring', async () => {
  const pages = ['/', encodeURI(SECTION_PATH), `${encodeURI(SECTION_PATH)}?page=2`, encodeURI(referencePath), '/no-such-page'];
  await withPage({ viewport: DESKTOP }, async (page) => {
    for (const path of pages) {
      await page.goto(path);
      assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
      assert.equal(await page.getByRole('heading', { level: 1, includeHidden: true }).count(), 1, `${path}: one level-1 heading`);
      assert.equal(await page.getByRole('main').count(), 1, `${path}: one main landmark`);
      assert.equal(await page.locator('main#main').count(), 1, `${path}: the skip link's target`);

      const navs = page.getByRole('navigation');
      assert.ok((await navs.count()) >= 1, `${path}: has navigation`);
      assert.equal(await page.getByRole('navigation', { name: /\S/ }).count(), await navs.count(), `${path}: every nav is named`);
      assert.equal(await page.getByRole('navigation', { name: 'الأقسام', exact: true }).count(), 1, `${path}: the sections menu`);

      // Links and buttons are checked hidden ones included (the back-to-top and share buttons start
      // hidden); images only where exposed, as an aria-hidden icon is decoration by intent.
      for (const [role, includeHidden] of [['link', true], ['button', true], ['img', false]] as const) {
        const all = await page.getByRole(role, { includeHidden }).count();
        const named = await page.getByRole(role, { name: /\S/, includeHidden }).count();
        assert.equal(named, all, `${path}: every ${role} has an accessible name`);
      }
      assert.equal(await page.locator('img:not([alt])').count(), 0, `${path}: no img without alt`);
      assert.equal(
        await page.locator('svg:not([aria-hidden="true"]):not([aria-label]):not([aria-labelledby])').count(),
        0,
        `${path}: every svg is either decoration (aria-hidden) or named`,
      );

      const tree = await page.locator('body').ariaSnapshot();
      assert.match(tree, /- main/, `${path}: main in the accessibility tree`);
      assert.match(tree, /- navigation "الأقسام"/, `${path}: named menu in the accessibility tree`);
      assert.doesNotMatch(tree, /^\s*- (link|button|img|navigation)(:|$| \[)/m, `${path}: nothing unnamed in the accessibility tree`);
    }

    // Keyboard: the first Tab shows the skip link, the next ones land on links with a visible ring.
    await page.goto('/');
    for (const expected of ['انتقل إلى المحتوى', 'مداد', 'بحث', SECTION_NAME]) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent?.trim(),
          tag: el.tagName,
          focusVisible: el.matches(':focus-visible'),
          // Chromium's own ring is a 1px "auto" outline; the site's must be bolder than that.
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          shadow: style.boxShadow !== 'none',
          onScreen: box.bottom > 0 && box.top < innerHeight && box.width > 0,
        };
      });
      assert.equal(focused.tag, 'A', `Tab to "${expected}"`);
      assert.equal(focused.text, expected);
      assert.ok(focused.focusVisible, `"${expected}" matches :focus-visible`);
      assert.ok(focused.outline || focused.shadow, `"${expected}" shows a focus ring`);
      assert.ok(focused.onScreen, `"${expected}" is on screen when focused`);
    }

    // The skip link does what it says: Enter moves keyboard focus into the main content.
    await page.goto('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'main'));
  });
});

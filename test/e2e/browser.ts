import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; tests never download a browser of their own. */
const CHROMIUM = '/usr/bin/chromium';

// The background-networking flags keep Chromium from calling Google's hosts, which this machine's
// closed network refuses. Playwright itself starts every launch with a fresh, empty profile (its
// own temporary --user-data-dir, deleted on close), and refuses one passed in args.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium once for the calling test file and closes it in `after`. The launch
 * starts in `before` without holding it up, so the file's own set-up (building the test site) runs
 * meanwhile; the returned function waits for the browser.
 */
export function useBrowser(): () => Promise<Browser> {
  let launching: Promise<Browser> | undefined;
  before(() => {
    launching = chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    // A failed launch is reported by the first test that asks for the browser, not as an unhandled rejection.
    launching.catch(() => {});
  });
  after(async () => {
    const browser = await launching?.catch(() => undefined);
    await browser?.close();
  });
  return () => {
    if (!launching) throw new Error('browser not launched yet: call it inside a test or hook');
    return launching;
  };
}

/**
 * Retries an assertion until it passes or `timeoutMs` runs out, then throws its last failure: the
 * node:test counterpart of Playwright's `expect.poll`, for state that settles after a frame, a
 * fetch or a smooth scroll.
 */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 20;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 200);
    }
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { createDb } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { fixedClock } from '../../src/content/clock.ts';
import { createContentEvents, type ContentEvents } from '../../src/content/content-events.ts';
import { loadDemoContent } from '../../src/content/imports/demo-content.ts';
import { createLogger, createServices, DEMO_DIR, settingsFromConfig, shareContentEvents, type Services } from '../../src/main.ts';
import { buildApp } from '../../src/web/app.ts';
import { buildAssets, type AssetBundle } from '../../src/web/assets.ts';
import { createTestDatabase } from './postgres.ts';

/** The engines every storage and HTTP test runs on. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

/** A whole site over a fresh database: real services, real app (not listening), a controllable clock. */
export interface TestSite {
  dialect: TestDialect;
  config: Readonly<Config>;
  db: Db;
  services: Services;
  events: ContentEvents;
  clock: ReturnType<typeof fixedClock>;
  app: FastifyInstance;
  /** The DATABASE_URL of this site, for running the CLI against it. */
  databaseUrl: string;
  close(): Promise<void>;
}

/** A moment after every demo article, so all of them are published "in the past". */
export const TEST_NOW = new Date('2026-11-29T12:00:00Z');

let assets: Promise<AssetBundle> | undefined;

/** Builds a test site on a fresh SQLite file or PostgreSQL database, optionally with the demo content. */
export async function createTestSite(
  dialect: TestDialect,
  options: { demo?: boolean; now?: Date; /** Join another site's database, as a second instance. */ databaseUrl?: string } = {},
): Promise<TestSite> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (options.databaseUrl) {
    databaseUrl = options.databaseUrl;
    cleanup = async () => {};
  } else if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'midad-test-'));
    databaseUrl = `sqlite:${join(dir, 'midad.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const database = await createTestDatabase();
    databaseUrl = database.url;
    cleanup = () => database.drop();
  }
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SITE_URL: 'https://midad.test',
    SITE_NAME: 'مداد',
    LOG_LEVEL: process.env.MIDAD_DEBUG ? 'debug' : 'silent',
    DEMO_CONTENT: 'false',
    // Load shedding answers 503 when the event loop lags; test runs on two busy cores lag by design.
    MAX_EVENT_LOOP_DELAY_MS: '0',
  });
  const db = await createDb(config.database);
  await migrateToLatest(db);
  const clock = fixedClock(options.now ?? TEST_NOW);
  const events = createContentEvents();
  const services = createServices({ db, clock, events, timeZone: config.siteTimeZone, siteDefaults: settingsFromConfig(config) });
  const log = createLogger(config);
  await shareContentEvents(db, events, log);
  if (options.demo) await loadDemoContent(services, DEMO_DIR);
  assets ??= buildAssets();
  const app = await buildApp({ config, log, clock, events, services, assets: await assets });
  return {
    dialect,
    config,
    db,
    services,
    events,
    clock,
    app,
    databaseUrl,
    async close() {
      await app.close();
      await db.close();
      await cleanup();
    },
  };
}

/**
 * Runs the same tests once per engine, each on its own fresh site. Assertions never branch on the
 * engine: both must behave the same.
 */
export function forEachDialect(
  name: string,
  options: { demo?: boolean; now?: Date },
  body: (site: () => TestSite) => void,
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let site: TestSite | undefined;
      before(async () => {
        site = await createTestSite(dialect, options);
      });
      after(async () => {
        await site?.close();
      });
      body(() => {
        if (!site) throw new Error('test site not ready');
        return site;
      });
    });
  }
}

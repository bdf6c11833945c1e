import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { ContentEvents } from '../content-events.ts';
import { assertRole, type Actor } from '../users/actor.ts';
import { readStoredSettings, writeSettings } from './settings.repository.ts';
import { mergeStoredSettings, parseSiteSettings, SITE_SETTING_KEYS, type SiteSettings } from './site-settings.ts';

/**
 * Every page reads the settings, so they are kept in memory. A change here, or on another instance
 * (told through the content events), drops the copy at once; the time limit is a backstop for an
 * instance that missed the message.
 */
const CACHE_MS = 30_000;

export interface SettingsService {
  /** The operator's values (environment), before anything saved in the newsroom. */
  readonly defaults: Readonly<SiteSettings>;
  /** The settings in force: stored values over the defaults. */
  current(): Promise<SiteSettings>;
  /** Saves the whole settings form (administrators only); VALIDATION_FAILED names each bad field and saves nothing. */
  update(actor: Actor, input: Record<string, unknown>, context?: { ip?: string | null }): Promise<SiteSettings>;
}

export function createSettingsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  defaults: SiteSettings;
  events?: ContentEvents;
  audit?: AuditService;
}): SettingsService {
  const { db, clock, events, audit } = deps;
  const defaults = Object.freeze({ ...deps.defaults });
  let cached: { settings: Promise<SiteSettings>; at: number } | null = null;

  events?.subscribe((event) => {
    if (event.type === 'settings.changed') cached = null;
  });

  const load = async () => mergeStoredSettings(defaults, await readStoredSettings(db));

  const service: SettingsService = {
    defaults,
    current() {
      if (!cached || performance.now() - cached.at > CACHE_MS) {
        const settings = load();
        const entry = { settings, at: performance.now() };
        cached = entry;
        // A failed read is not kept: the next page asks the database again.
        settings.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      return cached.settings;
    },
    async update(actor, input, context = {}) {
      assertRole(actor, 'admin');
      const before = await load();
      const next = parseSiteSettings(input, defaults.dateLocale);
      const changed = SITE_SETTING_KEYS.filter((key) => next[key] !== before[key]);
      if (changed.length === 0) return before;
      const values = Object.fromEntries(changed.map((key) => [key, next[key]]));
      await db.transaction().execute(async (trx) => {
        await writeSettings(trx, values, clock.now().getTime(), actor.userId);
        await audit?.record(
          {
            action: 'settings.changed',
            userId: actor.userId,
            subject: 'site',
            ip: context.ip ?? null,
            details: { changed: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: next[key] }])) },
          },
          trx,
        );
      });
      cached = null;
      events?.emit({ type: 'settings.changed' });
      return next;
    },
  };
  return service;
}

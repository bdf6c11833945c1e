import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Db, Dialect } from './database.ts';
import { AppError } from '../errors.ts';
import * as initial from './migrations/2026-11-29-0001-initial.ts';
import * as search from './migrations/2026-11-29-0002-search.ts';
import * as related from './migrations/2026-11-29-0003-related.ts';
import * as searchSpeed from './migrations/2026-11-30-0004-search-speed.ts';
import * as newsroom from './migrations/2026-11-30-0005-newsroom.ts';
import * as media from './migrations/2026-11-30-0006-media.ts';
import * as searchVisibility from './migrations/2026-11-30-0007-search-visibility.ts';
import * as searchLead from './migrations/2026-11-30-0008-search-lead.ts';

interface DialectMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/** Every migration ever shipped, by name in date order. Never edit a shipped one; add a new file. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '2026-11-29-0001-initial': initial,
  '2026-11-29-0002-search': search,
  '2026-11-29-0003-related': related,
  '2026-11-30-0004-search-speed': searchSpeed,
  '2026-11-30-0005-newsroom': newsroom,
  '2026-11-30-0006-media': media,
  '2026-11-30-0007-search-visibility': searchVisibility,
  '2026-11-30-0008-search-lead': searchLead,
};

function migratorFor(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const [name, m] of Object.entries(MIGRATIONS)) {
          out[name] = { up: (k) => m.up(k, db.dialect), down: (k) => m.down(k, db.dialect) };
        }
        return out;
      },
    },
  });
}

/**
 * Brings the schema to the latest version. Kysely's migrator takes a lock (an advisory lock on
 * PostgreSQL), so several instances starting together migrate once.
 */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet['results']> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw new AppError('INTERNAL', { details: 'database migration failed', cause: error });
  return results;
}

/** Undoes the most recent migration (operators' escape hatch). */
export async function migrateDown(db: Db): Promise<MigrationResultSet['results']> {
  const { error, results } = await migratorFor(db).migrateDown();
  if (error) throw new AppError('INTERNAL', { details: 'database migration rollback failed', cause: error });
  return results;
}

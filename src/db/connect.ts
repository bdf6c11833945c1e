import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database, Db } from './database.ts';

/** Where to connect: an SQLite file or a PostgreSQL URL. */
export type ConnectTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize?: number };

const PG_INT8_OID = 20;

/**
 * Opens the database. This is the only module that knows better-sqlite3 from pg; everything else
 * speaks Kysely. Each driver is loaded only when used, so a site on SQLite never loads pg.
 */
export async function createDb(target: ConnectTarget): Promise<Db> {
  if (target.kind === 'sqlite') {
    const { default: SqliteDatabase } = await import('better-sqlite3');
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const sqlite = new SqliteDatabase(target.path);
    // WAL lets readers run while one writer commits; synchronous=FULL makes an acknowledged publish
    // survive power loss, not only a process crash.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    // Times are epoch milliseconds in bigint columns and counts are int8: both fit a JS number.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
}

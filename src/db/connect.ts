import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Broadcast, Database, Db } from './database.ts';

/** Where to connect: an SQLite file or a PostgreSQL URL. */
export type ConnectTarget = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize?: number };

const PG_INT8_OID = 20;
/** The NOTIFY channel on which instances tell each other what content changed. */
const CHANGES_CHANNEL = 'midad_changes';
const RELISTEN_DELAY_MS = 1000;

/**
 * A statement whose text begins with this comment is run on PostgreSQL as a named prepared statement:
 * each connection parses and plans it once, and later runs skip that work (about a millisecond for the
 * search statement, whose text is long and whose values are all parameters). Only statements built
 * from a fixed set of texts should carry it: every distinct text stays prepared on every connection.
 * SQLite prepares every statement anyway and ignores the comment.
 */
export const PREPARED = '/* prepared */';

/** The name a prepared statement goes by: derived from its text, so one name never means two texts. */
function preparedName(text: string): string {
  return `midad_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

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
  // Kysely sends every statement as query(text, values); a marked text goes as a named statement instead.
  // (The override takes pg's overloads as one rest list; each branch returns what pg returns for its arguments.)
  class PreparingClient extends pg.Client {
    override query(...args: unknown[]): never {
      const [text, values] = args;
      if (typeof text === 'string' && text.startsWith(PREPARED) && (values === undefined || Array.isArray(values)) && args.length <= 2) {
        return super.query({ name: preparedName(text), text, values: values as unknown[] | undefined }) as never;
      }
      return (super.query as (...a: unknown[]) => unknown)(...args) as never;
    }
  }
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: target.url,
    max: target.poolSize ?? 10,
    // Times are epoch milliseconds in bigint columns and counts are int8: both fit a JS number.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  // One dedicated connection LISTENs; if it drops, it is replaced so no instance goes deaf.
  let listener: import('pg').PoolClient | undefined;
  let closed = false;
  const handlers: ((message: string) => void)[] = [];
  async function listen(): Promise<void> {
    const client = await pool.connect();
    client.on('notification', (n) => {
      if (n.channel === CHANGES_CHANNEL && n.payload !== undefined) for (const h of handlers) h(n.payload);
    });
    client.on('error', () => {
      client.release(true);
      if (listener === client) listener = undefined;
      if (!closed) setTimeout(() => void listen().catch(() => undefined), RELISTEN_DELAY_MS).unref();
    });
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    listener = client;
  }
  const broadcast: Broadcast = {
    async publish(message) {
      await pool.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, message]);
    },
    async subscribe(onMessage) {
      handlers.push(onMessage);
      if (!listener) await listen();
    },
  };
  return {
    kysely,
    dialect: 'postgres',
    broadcast,
    async close() {
      closed = true;
      listener?.release(true);
      listener = undefined;
      await kysely.destroy();
    },
  };
}

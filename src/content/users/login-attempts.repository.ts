import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Records an attempt as failed (until it is marked succeeded) and returns its id. */
export async function insertLoginAttempt(db: Executor, row: { accountKey: string; ip: string; at: number }): Promise<number> {
  const inserted = await db
    .insertInto('login_attempts')
    .values({ account_key: row.accountKey, ip: row.ip, succeeded: 0, at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Marks an attempt as succeeded. */
export async function markLoginAttemptSucceeded(db: Executor, id: number): Promise<void> {
  await db.updateTable('login_attempts').set({ succeeded: 1 }).where('id', '=', id).execute();
}

/** Removes an attempt that was refused before any password was checked. */
export async function deleteLoginAttempt(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/**
 * Failed attempts for an account key since `since`, counting only those after its last success:
 * the owner's own typos are forgiven once they get in.
 */
export async function countAccountFailures(db: Executor, accountKey: string, since: number): Promise<number> {
  const lastSuccess = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('account_key', '=', accountKey)
    .where('succeeded', '=', 1)
    .where('at', '>', since)
    .executeTakeFirst();
  let query = db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_key', '=', accountKey)
    .where('succeeded', '=', 0)
    .where('at', '>', since);
  if (lastSuccess?.id != null) query = query.where('id', '>', Number(lastSuccess.id));
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Failed attempts from one address since `since`, whatever the accounts (a success does not reset these). */
export async function countIpFailures(db: Executor, ip: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', 0)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Deletes attempts older than `before`. */
export async function deleteLoginAttemptsBefore(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('login_attempts').where('at', '<', before).execute();
}

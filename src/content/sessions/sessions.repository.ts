import type { Kysely, Transaction } from 'kysely';
import type { Database, UserRole } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** A live session row joined with its (enabled) account. */
export interface SessionWithUser {
  tokenHash: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  role: UserRole;
  name: string;
}

/** Stores a new session. */
export async function insertSession(
  db: Executor,
  row: { tokenHash: string; userId: number; createdAt: number; expiresAt: number; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      last_seen_at: row.createdAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

/** The session with this token hash whose account is not disabled, or undefined. */
export async function findSessionWithUser(db: Executor, tokenHash: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.token_hash',
      'sessions.user_id',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.role',
      'users.name',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    lastSeenAt: Number(row.last_seen_at),
    role: row.role,
    name: row.name,
  };
}

/** Moves a session's last-seen time and expiry forward. */
export async function touchSession(db: Executor, tokenHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

/** Deletes one session; returns its user id when it existed. */
export async function deleteSession(db: Executor, tokenHash: string): Promise<number | undefined> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return row?.user_id;
}

/** Deletes every session of a user, except the one named (if any); returns how many were deleted. */
export async function deleteSessionsOfUser(db: Executor, userId: number, exceptTokenHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash !== undefined) query = query.where('token_hash', '<>', exceptTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sessions that expired at or before `now`. */
export async function deleteExpiredSessions(db: Executor, now: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many live sessions a user has (tests, the account page). */
export async function countSessionsOfUser(db: Executor, userId: number, now: number): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, UserRole, UsersTable } from '../../db/database.ts';
import type { User } from './user.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** A user with the stored password hash: only the users service ever sees this. */
export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(row: Selectable<UsersTable>): UserWithHash {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabledAt: row.disabled_at === null ? null : new Date(Number(row.disabled_at)),
    createdAt: new Date(Number(row.created_at)),
    passwordChangedAt: new Date(Number(row.password_changed_at)),
    passwordHash: row.password_hash,
  };
}

/** Inserts an account and returns it. */
export async function insertUser(
  db: Executor,
  row: { email: string; name: string; role: UserRole; passwordHash: string; now: number },
): Promise<UserWithHash> {
  const inserted = await db
    .insertInto('users')
    .values({
      email: row.email,
      name: row.name,
      role: row.role,
      password_hash: row.passwordHash,
      password_changed_at: row.now,
      disabled_at: null,
      created_at: row.now,
      modified_at: row.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(inserted);
}

/** The account with this (normalized) e-mail, or undefined. */
export async function findUserByEmail(db: Executor, email: string): Promise<UserWithHash | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && toUser(row);
}

/** The account with this id, or undefined. */
export async function findUserById(db: Executor, id: number): Promise<UserWithHash | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** Every account: enabled ones first, then by name. */
export async function listUsers(db: Executor): Promise<UserWithHash[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toUser).sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null));
}

/** Sets an account's role. */
export async function updateUserRole(db: Executor, id: number, role: UserRole, now: number): Promise<void> {
  await db.updateTable('users').set({ role, modified_at: now }).where('id', '=', id).execute();
}

/** Marks an account disabled. */
export async function disableUser(db: Executor, id: number, now: number): Promise<void> {
  await db.updateTable('users').set({ disabled_at: now, modified_at: now }).where('id', '=', id).execute();
}

/** Replaces an account's password hash. */
export async function updatePasswordHash(db: Executor, id: number, passwordHash: string, now: number, changed: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set(changed ? { password_hash: passwordHash, password_changed_at: now, modified_at: now } : { password_hash: passwordHash })
    .where('id', '=', id)
    .execute();
}

/**
 * Locks the rows of every enabled administrator until the transaction ends (a no-op write: both
 * engines lock written rows, and SQLite takes its write lock). Two administrators demoting each
 * other at the same moment then run one after the other, and the second sees one admin left.
 */
export async function lockActiveAdmins(db: Transaction<Database>): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ modified_at: eb.ref('modified_at') }))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .execute();
}

/** How many enabled administrators there are besides the given account. */
export async function countOtherActiveAdmins(db: Executor, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

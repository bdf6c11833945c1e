import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AuditLogTable, Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** One stored audit row, as the repository returns it. */
export type AuditRow = Selectable<AuditLogTable>;

/** Appends one entry to the audit log. */
export async function insertAuditEntry(
  db: Executor,
  entry: { at: number; userId: number | null; action: string; subject: string | null; ip: string | null; details: string | null },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: entry.at, user_id: entry.userId, action: entry.action, subject: entry.subject, ip: entry.ip, details: entry.details })
    .execute();
}

/** The newest entries first, optionally only those of some actions or of one subject. */
export async function listAuditEntries(
  db: Executor,
  filter: { actions?: readonly string[]; subject?: string; limit: number },
): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.actions && filter.actions.length > 0) query = query.where('action', 'in', filter.actions);
  if (filter.subject !== undefined) query = query.where('subject', '=', filter.subject);
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

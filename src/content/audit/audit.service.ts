import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import { insertAuditEntry, listAuditEntries, type AuditRow } from './audit.repository.ts';

/**
 * What happened, for the audit trail. `action` is a dotted name ('login.failed', 'user.created',
 * 'article.published'); `subject` what it happened to ('user:3', 'article:12', 'email:<sha-256>').
 */
export interface AuditEntryInput {
  action: string;
  userId?: number | null;
  subject?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
}

/** A stored audit entry. */
export interface AuditEntry {
  id: number;
  at: Date;
  userId: number | null;
  action: string;
  subject: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditService {
  /**
   * Appends an entry, stamped with the clock. Pass the transaction of the change it records, so the
   * entry and the change are committed (or rolled back) together.
   */
  record(entry: AuditEntryInput, trx?: Transaction<Database>): Promise<void>;
  /** The newest entries first (for the administrators and for tests). */
  list(filter?: { actions?: readonly string[]; subject?: string; limit?: number }): Promise<AuditEntry[]>;
}

// Details are for people reading the trail; a runaway value must not bloat the table.
const MAX_DETAILS_CHARS = 4_000;

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown> | null = null;
  if (row.details) {
    try {
      details = JSON.parse(row.details) as Record<string, unknown>;
    } catch {
      details = { unreadable: row.details };
    }
  }
  return { id: row.id, at: new Date(Number(row.at)), userId: row.user_id, action: row.action, subject: row.subject, ip: row.ip, details };
}

/** The audit trail every noun writes to: who did what, to what, when and from where. */
export function createAuditService(deps: { db: Kysely<Database>; clock: Clock }): AuditService {
  const { db, clock } = deps;
  return {
    async record(entry, trx) {
      let details = entry.details ? JSON.stringify(entry.details) : null;
      if (details && details.length > MAX_DETAILS_CHARS) details = JSON.stringify({ truncated: details.slice(0, MAX_DETAILS_CHARS) });
      await insertAuditEntry(trx ?? db, {
        at: clock.now().getTime(),
        userId: entry.userId ?? null,
        action: entry.action,
        subject: entry.subject ?? null,
        ip: entry.ip ?? null,
        details,
      });
    },
    async list(filter = {}) {
      const rows = await listAuditEntries(db, {
        ...(filter.actions ? { actions: filter.actions } : {}),
        ...(filter.subject !== undefined ? { subject: filter.subject } : {}),
        limit: Math.min(Math.max(filter.limit ?? 100, 1), 1_000),
      });
      return rows.map(toEntry);
    },
  };
}

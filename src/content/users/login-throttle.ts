import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import {
  countAccountFailures,
  countIpFailures,
  deleteLoginAttempt,
  deleteLoginAttemptsBefore,
  insertLoginAttempt,
  markLoginAttemptSucceeded,
} from './login-attempts.repository.ts';

/**
 * Five wrong passwords for one account key within 15 minutes lock it for what remains of those 15
 * minutes; twenty from one address (any accounts) lock the address. The account limit stops guessing
 * one editor's password from many addresses; the address limit stops trying one common password on
 * every account from one machine, while a newsroom behind one NAT address still has room for typos.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const IP_FAILURE_LIMIT = 20;
/** Attempts are kept a day (for the throttle a window is enough; the audit log keeps the history). */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** One attempt in progress: say how it ended. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

export interface LoginThrottle {
  /**
   * Records an attempt for an account key from an address, or returns null when either is locked
   * (then nothing is recorded, and the caller must refuse without checking the password). The
   * attempt counts as failed until `succeeded()` is called.
   */
  begin(accountKey: string, ip: string): Promise<LoginAttempt | null>;
}

/**
 * Sign-in throttling in the database, so every instance of the site shares the counts. The attempt
 * is written before it is counted: concurrent guesses each see the others, and at most the limit of
 * them ever reach the password check.
 */
export function createLoginThrottle(deps: { db: Kysely<Database>; clock: Clock }): LoginThrottle {
  const { db, clock } = deps;
  let lastPurge = -Infinity;
  return {
    async begin(accountKey, ip) {
      const now = clock.now().getTime();
      if (now - lastPurge >= PURGE_INTERVAL_MS) {
        lastPurge = now;
        await deleteLoginAttemptsBefore(db, now - ATTEMPT_RETENTION_MS);
      }
      const id = await insertLoginAttempt(db, { accountKey, ip, at: now });
      const since = now - LOGIN_WINDOW_MS;
      const [accountFailures, ipFailures] = [await countAccountFailures(db, accountKey, since), await countIpFailures(db, ip, since)];
      // Both counts include this attempt.
      if (accountFailures > ACCOUNT_FAILURE_LIMIT || ipFailures > IP_FAILURE_LIMIT) {
        // Not kept as a failure: the lock ends 15 minutes after the last real guess, not after the last knock.
        await deleteLoginAttempt(db, id);
        return null;
      }
      return { succeeded: () => markLoginAttemptSucceeded(db, id) };
    },
  };
}

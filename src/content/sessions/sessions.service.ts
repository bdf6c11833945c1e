import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../users/actor.ts';
import {
  countSessionsOfUser,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findSessionWithUser,
  insertSession,
  touchSession,
} from './sessions.repository.ts';

/**
 * A session ends after 12 hours without a request: a long shift with a break does not sign an editor
 * out mid-story, a computer left overnight does not stay signed in. Whatever the activity, it ends 7
 * days after sign-in, so a stolen cookie does not live forever.
 */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Last-seen is written at most this often: one write a minute, not one per request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** Expired rows are deleted at most this often, by whichever sign-in comes along. */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

// 32 random bytes, base64url: 43 characters. Anything else is not one of our tokens.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A session as the browser holds it: the secret token (only its sha-256 is stored) and its expiry. */
export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** A resolved session: who is asking, and until when the session holds without activity. */
export interface ActiveSession {
  actor: Actor;
  tokenHash: string;
  expiresAt: Date;
}

export interface SessionService {
  /** Starts a session for an account; the caller sends the token as a cookie. */
  start(userId: number, context: { ip?: string | null; userAgent?: string | null }, trx?: Transaction<Database>): Promise<NewSession>;
  /** The session for a cookie token, or null when it is unknown, expired or its account disabled. */
  resolve(token: string | undefined | null): Promise<ActiveSession | null>;
  /** Ends one session (logout); returns the account it belonged to, if it existed. */
  end(token: string, trx?: Transaction<Database>): Promise<number | undefined>;
  /** Ends every session of an account, except the one whose token is given. */
  endAllOf(userId: number, options?: { exceptToken?: string }, trx?: Transaction<Database>): Promise<number>;
  /** Live sessions of an account. */
  countOf(userId: number): Promise<number>;
}

/** sha-256 (hex) of a session token: what the table stores instead of the token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sessions stored hashed, with a sliding idle expiry under an absolute limit. */
export function createSessionService(deps: { db: Kysely<Database>; clock: Clock }): SessionService {
  const { db, clock } = deps;
  let lastPurge = -Infinity;

  async function purgeNowAndThen(now: number): Promise<void> {
    if (now - lastPurge < PURGE_INTERVAL_MS) return;
    lastPurge = now;
    await deleteExpiredSessions(db, now);
  }

  return {
    async start(userId, context, trx) {
      const now = clock.now().getTime();
      await purgeNowAndThen(now);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now + Math.min(SESSION_IDLE_MS, SESSION_ABSOLUTE_MS);
      await insertSession(trx ?? db, {
        tokenHash: hashSessionToken(token),
        userId,
        createdAt: now,
        expiresAt,
        ip: context.ip ?? null,
        // Only for people reviewing their sessions; bounded so a hostile header cannot bloat the row.
        userAgent: context.userAgent ? context.userAgent.slice(0, 300) : null,
      });
      return { token, expiresAt: new Date(expiresAt) };
    },

    async resolve(token) {
      if (!token || !TOKEN_PATTERN.test(token)) return null;
      const tokenHash = hashSessionToken(token);
      const row = await findSessionWithUser(db, tokenHash);
      if (!row) return null;
      const now = clock.now().getTime();
      if (row.expiresAt <= now) {
        await deleteSession(db, tokenHash);
        return null;
      }
      let expiresAt = row.expiresAt;
      if (now - row.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) {
        expiresAt = Math.min(now + SESSION_IDLE_MS, row.createdAt + SESSION_ABSOLUTE_MS);
        await touchSession(db, tokenHash, now, expiresAt);
      }
      return { actor: { userId: row.userId, role: row.role, name: row.name }, tokenHash, expiresAt: new Date(expiresAt) };
    },

    async end(token, trx) {
      if (!TOKEN_PATTERN.test(token)) return undefined;
      return deleteSession(trx ?? db, hashSessionToken(token));
    },

    async endAllOf(userId, options = {}, trx) {
      const except = options.exceptToken !== undefined ? hashSessionToken(options.exceptToken) : undefined;
      return deleteSessionsOfUser(trx ?? db, userId, except);
    },

    countOf: (userId) => countSessionsOfUser(db, userId, clock.now().getTime()),
  };
}

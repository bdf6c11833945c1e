import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Clock } from '../clock.ts';
import type { NewSession, SessionService } from '../sessions/sessions.service.ts';
import { assertRole, type Actor, type ActorClient, type UserRole } from './actor.ts';
import { createLoginThrottle, type LoginThrottle } from './login-throttle.ts';
import { hashPassword, needsRehash, normalizePassword, PASSWORD_MAX_CHARS, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { FIELD_MESSAGES, normalizeEmail, parseNewUser, parseRole, passwordProblem, type NewUserInput, type User } from './user.ts';
import {
  countOtherActiveAdmins,
  disableUser,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  lockActiveAdmins,
  updatePasswordHash,
  updateUserRole,
  type UserWithHash,
} from './users.repository.ts';

/** Who creates an account: an administrator in the newsroom, or the operator at the command line. */
export type UserCreator = Actor | 'cli';

/** Where a request came from, for throttling, sessions and the audit trail (the same shape an Actor carries). */
export type RequestContext = ActorClient;

/** The credentials typed into the sign-in form. */
export interface Credentials {
  email: unknown;
  password: unknown;
}

export interface UserService {
  /** Creates an account (administrators, or the CLI). USER_EXISTS when the e-mail is taken. */
  create(by: UserCreator, input: Partial<Record<keyof NewUserInput, unknown>>, context?: RequestContext): Promise<User>;
  /** Every account (administrators only). */
  list(actor: Actor): Promise<User[]>;
  /** The actor's own account. */
  me(actor: Actor): Promise<User>;
  /** Changes an account's role (administrators only); the last active administrator keeps theirs. */
  changeRole(actor: Actor, userId: number, role: unknown, context?: RequestContext): Promise<User>;
  /** Disables an account and ends its sessions (administrators only; never the last active administrator). */
  disable(actor: Actor, userId: number, context?: RequestContext): Promise<User>;
  /**
   * Changes the actor's own password after checking the current one: every session of the account
   * ends, and the caller gets a new one to replace the session it came with.
   */
  changePassword(actor: Actor, input: { currentPassword: unknown; newPassword: unknown }, context?: RequestContext): Promise<NewSession>;
  /**
   * Checks credentials, throttled per account key and per address. Unknown account, disabled account
   * and wrong password all answer LOGIN_FAILED after the same work; a locked key or address answers
   * LOGIN_THROTTLED without any password check.
   */
  authenticate(credentials: Credentials, context?: RequestContext): Promise<User>;
  /** authenticate, then a new session. */
  logIn(credentials: Credentials, context?: RequestContext): Promise<{ user: User; session: NewSession }>;
  /** Ends the session of this cookie token (nothing happens for an unknown token). */
  logOut(token: string, context?: RequestContext): Promise<void>;
}

function publicUser(user: UserWithHash): User {
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

/** The audit subject for a typed e-mail: its hash, so the trail never holds what someone typed by mistake (a password, say). */
function emailSubject(accountKey: string): string {
  return `email:${createHash('sha256').update(accountKey).digest('hex')}`;
}

// The longest e-mail a throttle key keeps; longer input is still counted, under its first characters.
const MAX_ACCOUNT_KEY_CHARS = 320;

/** Accounts: creation, roles, sign-in with throttling and audit, password changes. */
export function createUserService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  sessions: SessionService;
  audit: AuditService;
  throttle?: LoginThrottle;
}): UserService {
  const { db, clock, sessions, audit } = deps;
  const throttle = deps.throttle ?? createLoginThrottle({ db, clock });
  const now = () => clock.now().getTime();

  async function target(userId: number): Promise<UserWithHash> {
    const user = Number.isSafeInteger(userId) ? await findUserById(db, userId) : undefined;
    if (!user) throw new AppError('USER_NOT_FOUND', { details: String(userId) });
    return user;
  }

  function readCredentials(credentials: Credentials): { accountKey: string; password: string } {
    const fields: Record<string, string> = {};
    const email = typeof credentials.email === 'string' ? normalizeEmail(credentials.email) : '';
    if (!email || email.length > MAX_ACCOUNT_KEY_CHARS * 4) fields.email = FIELD_MESSAGES.email;
    const password = typeof credentials.password === 'string' ? credentials.password : '';
    if (!password) fields.password = FIELD_MESSAGES.passwordMissing;
    else if (password.length > PASSWORD_MAX_CHARS * 2) fields.password = FIELD_MESSAGES.passwordLong;
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
    return { accountKey: email.slice(0, MAX_ACCOUNT_KEY_CHARS), password };
  }

  /** Throttled password check shared by sign-in and the password change. */
  async function checkPassword(
    accountKey: string,
    password: string,
    context: RequestContext,
    purpose: 'login' | 'password-change',
  ): Promise<UserWithHash | undefined> {
    const ip = context.ip ?? 'unknown';
    const attempt = await throttle.begin(accountKey, ip);
    if (!attempt) {
      await audit.record({ action: 'login.throttled', subject: emailSubject(accountKey), ip, details: { purpose } });
      throw new AppError('LOGIN_THROTTLED', { details: accountKey });
    }
    const user = await findUserByEmail(db, accountKey);
    const ok = user && user.disabledAt === null ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!ok || !user) {
      const reason = !user ? 'unknown-account' : user.disabledAt !== null ? 'disabled' : 'wrong-password';
      await audit.record({ action: 'login.failed', userId: user?.id ?? null, subject: emailSubject(accountKey), ip, details: { purpose, reason } });
      return undefined;
    }
    await attempt.succeeded();
    if (needsRehash(user.passwordHash)) await updatePasswordHash(db, user.id, await hashPassword(password), now(), false);
    return user;
  }

  async function authenticate(credentials: Credentials, context: RequestContext = {}): Promise<User> {
    const { accountKey, password } = readCredentials(credentials);
    const user = await checkPassword(accountKey, password, context, 'login');
    if (!user) throw new AppError('LOGIN_FAILED');
    await audit.record({ action: 'login.succeeded', userId: user.id, subject: `user:${user.id}`, ip: context.ip ?? null });
    return publicUser(user);
  }

  return {
    async create(by, input, context = {}) {
      if (by !== 'cli') assertRole(by, 'admin');
      const data = parseNewUser(input);
      if (await findUserByEmail(db, data.email)) throw new AppError('USER_EXISTS', { details: data.email });
      // Hashed before the transaction: the hash takes tens of milliseconds and SQLite has one writer.
      const passwordHash = await hashPassword(data.password);
      try {
        return await db.transaction().execute(async (trx) => {
          const user = await insertUser(trx, { email: data.email, name: data.name, role: data.role, passwordHash, now: now() });
          await audit.record(
            {
              action: 'user.created',
              userId: by === 'cli' ? null : by.userId,
              subject: `user:${user.id}`,
              ip: context.ip ?? null,
              details: { role: user.role, by: by === 'cli' ? 'cli' : 'newsroom' },
            },
            trx,
          );
          return publicUser(user);
        });
      } catch (error) {
        // Two administrators adding the same address at once: the UNIQUE constraint decides.
        if (await findUserByEmail(db, data.email)) throw new AppError('USER_EXISTS', { details: data.email, cause: error });
        throw error;
      }
    },

    async list(actor) {
      assertRole(actor, 'admin');
      return (await listUsers(db)).map(publicUser);
    },

    async me(actor) {
      return publicUser(await target(actor.userId));
    },

    async changeRole(actor, userId, role, context = {}) {
      assertRole(actor, 'admin');
      const newRole: UserRole = parseRole(role);
      return db.transaction().execute(async (trx) => {
        await lockActiveAdmins(trx);
        const user = await findUserById(trx, userId);
        if (!user) throw new AppError('USER_NOT_FOUND', { details: String(userId) });
        if (user.role === newRole) return publicUser(user);
        if (user.role === 'admin' && user.disabledAt === null && (await countOtherActiveAdmins(trx, user.id)) === 0) {
          throw new AppError('LAST_ADMIN', { details: `user ${user.id}` });
        }
        await updateUserRole(trx, user.id, newRole, now());
        await audit.record(
          { action: 'user.role-changed', userId: actor.userId, subject: `user:${user.id}`, ip: context.ip ?? null, details: { from: user.role, to: newRole } },
          trx,
        );
        return { ...publicUser(user), role: newRole };
      });
    },

    async disable(actor, userId, context = {}) {
      assertRole(actor, 'admin');
      return db.transaction().execute(async (trx) => {
        await lockActiveAdmins(trx);
        const user = await findUserById(trx, userId);
        if (!user) throw new AppError('USER_NOT_FOUND', { details: String(userId) });
        if (user.disabledAt !== null) return publicUser(user);
        if (user.role === 'admin' && (await countOtherActiveAdmins(trx, user.id)) === 0) {
          throw new AppError('LAST_ADMIN', { details: `user ${user.id}` });
        }
        const at = now();
        await disableUser(trx, user.id, at);
        const ended = await sessions.endAllOf(user.id, {}, trx);
        await audit.record(
          { action: 'user.disabled', userId: actor.userId, subject: `user:${user.id}`, ip: context.ip ?? null, details: { sessionsEnded: ended } },
          trx,
        );
        return { ...publicUser(user), disabledAt: new Date(at) };
      });
    },

    async changePassword(actor, input, context = {}) {
      const user = await target(actor.userId);
      const newProblem = passwordProblem(input.newPassword);
      const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
      if (!current || current.length > PASSWORD_MAX_CHARS * 2) {
        throw new AppError('VALIDATION_FAILED', {
          fields: { currentPassword: 'اكتب كلمة المرور الحالية.', ...(newProblem ? { newPassword: newProblem } : {}) },
        });
      }
      if (newProblem) throw new AppError('VALIDATION_FAILED', { fields: { newPassword: newProblem } });
      const newPassword = input.newPassword as string;
      // The current password is checked like a sign-in: a stolen session cannot guess it at leisure.
      const checked = await checkPassword(user.email, current, context, 'password-change');
      if (!checked || checked.id !== user.id) {
        throw new AppError('VALIDATION_FAILED', { fields: { currentPassword: 'كلمة المرور الحالية غير صحيحة.' } });
      }
      if (normalizePassword(newPassword) === normalizePassword(current)) {
        throw new AppError('VALIDATION_FAILED', { fields: { newPassword: 'اختر كلمة مرور جديدة تختلف عن الحالية.' } });
      }
      const passwordHash = await hashPassword(newPassword);
      return db.transaction().execute(async (trx) => {
        await updatePasswordHash(trx, user.id, passwordHash, now(), true);
        const ended = await sessions.endAllOf(user.id, {}, trx);
        const session = await sessions.start(user.id, context, trx);
        await audit.record(
          { action: 'password.changed', userId: user.id, subject: `user:${user.id}`, ip: context.ip ?? null, details: { sessionsEnded: ended } },
          trx,
        );
        return session;
      });
    },

    authenticate,

    async logIn(credentials, context = {}) {
      const user = await authenticate(credentials, context);
      const session = await sessions.start(user.id, context);
      return { user, session };
    },

    async logOut(token, context = {}) {
      const userId = await sessions.end(token);
      if (userId !== undefined) await audit.record({ action: 'logout', userId, subject: `user:${userId}`, ip: context.ip ?? null });
    },
  };
}

import { z } from 'zod';
import { AppError, type FieldErrors } from '../../errors.ts';
import { USER_ROLES, type UserRole } from './actor.ts';
import { normalizePassword, passwordLength, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from './passwords.ts';

/** A newsroom account as the rest of the platform sees it (never with its password hash). */
export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  /** Set when an administrator disabled the account: it cannot sign in and its sessions are gone. */
  disabledAt: Date | null;
  createdAt: Date;
  passwordChangedAt: Date;
}

/** What creating an account takes. */
export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  password: string;
}

/** Arabic names of the roles, for pages and the CLI. */
export const ROLE_LABELS: Record<UserRole, string> = { admin: 'مدير', editor: 'محرر', writer: 'كاتب' };

const MAX_EMAIL_CHARS = 254;
const MAX_NAME_CHARS = 100;

export const FIELD_MESSAGES = {
  email: 'أدخل بريداً إلكترونياً صالحاً مثل name@example.com (254 حرفاً على الأكثر).',
  name: `اكتب اسماً من حرف واحد إلى ${MAX_NAME_CHARS} حرف (تُحذف منه رموز التحكم واتجاه النص).`,
  role: 'اختر دوراً: مدير أو محرر أو كاتب.',
  passwordShort: `كلمة المرور قصيرة: ${PASSWORD_MIN_CHARS} حرفاً على الأقل.`,
  passwordLong: `كلمة المرور طويلة جداً: ${PASSWORD_MAX_CHARS} حرف على الأكثر.`,
  passwordMissing: 'اكتب كلمة المرور.',
} as const;

/**
 * The e-mail as stored and as login attempts are counted: trimmed, lower-cased, without control
 * characters (no address has them, and PostgreSQL refuses NUL in text).
 */
export function normalizeEmail(email: string): string {
  return email.replace(/\p{Cc}/gu, '').trim().toLowerCase();
}

const emailSchema = z
  .string()
  .max(MAX_EMAIL_CHARS * 4)
  // A new account's address is refused outright if it holds control characters, not silently cleaned.
  .refine((email) => !/\p{Cc}/u.test(email))
  .transform(normalizeEmail)
  .pipe(z.email().max(MAX_EMAIL_CHARS));

// Bidi embeddings, overrides and isolates (LRE…RLO, LRI…PDI) could flip the text around a name
// wherever it is shown; control characters (NUL included) have no place in a name.
const UNWANTED_IN_NAMES = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/** A person's name cleaned for storage: NFC, no control or bidi-override characters, single spaces. */
export function cleanName(name: string): string {
  return name.normalize('NFC').replace(UNWANTED_IN_NAMES, ' ').replace(/\s+/gu, ' ').trim();
}

/**
 * A name-like text from a form (a person, a section, the site): cleaned as cleanName does, or null
 * when it is not a string, is too long (bounded before cleaning, so a megabyte costs nothing), or
 * holds no letter or digit (marks alone, such as a lone RLM or harakat, would show an invisible name).
 */
export function cleanLabel(value: unknown, maxChars: number): string | null {
  if (typeof value !== 'string' || value.length > maxChars * 8) return null;
  const cleaned = cleanName(value);
  // Letters other than modifier letters (tatweel ـ is one), or digits.
  return /[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{N}]/u.test(cleaned) && [...cleaned].length <= maxChars ? cleaned : null;
}

/** Checks a name; returns it cleaned or throws VALIDATION_FAILED naming the field. */
export function parseName(name: unknown, field = 'name'): string {
  const cleaned = cleanLabel(name, MAX_NAME_CHARS);
  if (cleaned === null) throw new AppError('VALIDATION_FAILED', { fields: { [field]: FIELD_MESSAGES.name } });
  return cleaned;
}

/** Checks a role name from a form or the CLI. */
export function parseRole(role: unknown, field = 'role'): UserRole {
  if (typeof role === 'string' && (USER_ROLES as readonly string[]).includes(role)) return role as UserRole;
  throw new AppError('VALIDATION_FAILED', { fields: { [field]: FIELD_MESSAGES.role } });
}

/** The Arabic problem with a new password, or null when it is acceptable. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || password.length === 0) return FIELD_MESSAGES.passwordMissing;
  // Checked on the raw length first so a huge string is never normalized.
  if (password.length > PASSWORD_MAX_CHARS * 2) return FIELD_MESSAGES.passwordLong;
  const length = passwordLength(normalizePassword(password));
  if (length > PASSWORD_MAX_CHARS) return FIELD_MESSAGES.passwordLong;
  if (length < PASSWORD_MIN_CHARS) return FIELD_MESSAGES.passwordShort;
  return null;
}

/** Checks everything a new account needs at once, so a form shows every problem together. */
export function parseNewUser(input: Partial<Record<keyof NewUserInput, unknown>>): { email: string; name: string; role: UserRole; password: string } {
  const fields: FieldErrors = {};
  const email = emailSchema.safeParse(input.email);
  if (!email.success) fields.email = FIELD_MESSAGES.email;
  let name = '';
  try {
    name = parseName(input.name);
  } catch {
    fields.name = FIELD_MESSAGES.name;
  }
  let role: UserRole = 'writer';
  try {
    role = parseRole(input.role);
  } catch {
    fields.role = FIELD_MESSAGES.role;
  }
  const problem = passwordProblem(input.password);
  if (problem) fields.password = problem;
  if (Object.keys(fields).length > 0 || !email.success) throw new AppError('VALIDATION_FAILED', { fields });
  return { email: email.data, name, role, password: input.password as string };
}

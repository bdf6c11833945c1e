import { randomBytes } from 'node:crypto';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Algorithm is a `const enum` in the package's types, which isolatedModules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 20–30 ms on one core of this
 * project's machines, so a burst of sign-ins cannot exhaust memory while a stolen table stays
 * expensive to crack. Hashes made with other parameters are upgraded at the next sign-in.
 */
export const PASSWORD_HASH_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Shortest password accepted, in characters. */
export const PASSWORD_MIN_CHARS = 12;
/** Longest password accepted: anything longer is refused before hashing, so it cannot be used to burn CPU. */
export const PASSWORD_MAX_CHARS = 1_024;

/**
 * The form a password is hashed in: NFKC, so the same password typed on two Arabic keyboards (or
 * with presentation forms pasted from a PDF) is the same password. Nothing is trimmed: spaces count.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Characters as a person counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** The argon2id PHC string of a (normalized) password. */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), PASSWORD_HASH_OPTIONS);
}

/** True when the password matches the stored hash; a malformed stored hash never matches. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalizePassword(password));
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's (rehash it at sign-in). */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password against the hash of a random password nobody knows, with today's parameters.
 * Used when the account does not exist (or is disabled), so that answer takes as long as a wrong
 * password for a real account and the time does not tell accounts apart. Always false.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash(randomBytes(32).toString('base64url'), PASSWORD_HASH_OPTIONS);
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Computes the dummy hash ahead of the first sign-in, so that the first refusal is not slower than the rest. */
export async function prepareDummyHash(): Promise<void> {
  dummyHash ??= hash(randomBytes(32).toString('base64url'), PASSWORD_HASH_OPTIONS);
  await dummyHash;
}

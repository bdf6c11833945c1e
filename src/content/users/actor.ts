import type { UserRole } from '../../db/database.ts';
import { AppError } from '../../errors.ts';

export type { UserRole };

/** Every role, weakest first. */
export const USER_ROLES: readonly UserRole[] = ['writer', 'editor', 'admin'];

/**
 * Who is asking. Services take the actor as their first argument and decide themselves what it may
 * do: pages hide what a role cannot do, but the refusal lives in the service.
 */
export interface Actor {
  userId: number;
  role: UserRole;
  name: string;
  /**
   * The browser this request came from, set by the web layer for a signed-in person (actorOf);
   * absent for the CLI and for scheduled work. Services put its address in the audit entries they record.
   */
  client?: ActorClient;
}

/** The address (and browser) a signed-in person's request came from; the shape of a web RequestContext. */
export interface ActorClient {
  ip?: string | null;
  userAgent?: string | null;
}

/** The address an audit entry records for this actor: null for the CLI and scheduled work. */
export function clientIpOf(actor: Actor | null): string | null {
  return actor?.client?.ip ?? null;
}

/** Throws FORBIDDEN unless the actor has one of the roles; services call it before doing anything. */
export function assertRole(actor: Actor, ...roles: UserRole[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', { details: `${actor.role} (user ${actor.userId}) needs ${roles.join('|')}` });
  }
}

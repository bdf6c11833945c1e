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
}

/** Throws FORBIDDEN unless the actor has one of the roles; services call it before doing anything. */
export function assertRole(actor: Actor, ...roles: UserRole[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('FORBIDDEN', { details: `${actor.role} (user ${actor.userId}) needs ${roles.join('|')}` });
  }
}

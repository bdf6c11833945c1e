import type { UserRole } from '../../db/database.ts';

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

import { z } from 'zod';

/** Who may do what is decided per procedure from these roles; a user holds one or more. */
export const Role = z.enum(['analyst', 'reviewer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

/** Every role: for procedures any signed-in user may call (reading, signing out). */
export const ANY_ROLE = ['analyst', 'reviewer', 'operator', 'admin'] as const satisfies readonly [
  Role,
  ...Role[],
];

/** Roles that change mappings, samples and terminology; reviewers and operators only read them. */
export const EDITOR_ROLES = ['analyst', 'admin'] as const satisfies readonly [Role, ...Role[]];

/** Roles that decide on a version under review (approve, request changes); never on their own work. */
export const REVIEWER_ROLES = ['reviewer', 'admin'] as const satisfies readonly [Role, ...Role[]];

/** Roles that take part in a review's discussion: everyone but operators, who deploy what was approved. */
export const REVIEW_PARTICIPANT_ROLES = ['analyst', 'reviewer', 'admin'] as const satisfies readonly [
  Role,
  ...Role[],
];

/** Roles that run channels: create and change them, deploy and roll back approved versions. */
export const OPERATOR_ROLES = ['operator', 'admin'] as const satisfies readonly [Role, ...Role[]];

/**
 * Who may change mappings and terminology in the studio. The server checks every call itself
 * (EDITOR_ROLES in packages/api); this only decides what the page offers. Kept here rather than
 * imported, so the studio bundle does not pull in the API package's server code.
 */
export const canEdit = (roles: readonly string[]): boolean =>
  roles.includes('analyst') || roles.includes('admin');

/** Who decides on a version in review (REVIEWER_ROLES on the server). */
export const canReview = (roles: readonly string[]): boolean =>
  roles.includes('reviewer') || roles.includes('admin');

/** Who may comment on a review (everyone but operators, as on the server). */
export const canComment = (roles: readonly string[]): boolean =>
  roles.some((r) => r === 'analyst' || r === 'reviewer' || r === 'admin');

/** Who runs channels: creates them, deploys and rolls back approved versions (OPERATOR_ROLES on the server). */
export const canOperate = (roles: readonly string[]): boolean =>
  roles.includes('operator') || roles.includes('admin');

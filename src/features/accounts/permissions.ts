/**
 * Who may do what. Every route and every command names one permission from this table, and the
 * route-by-role test fails when one does not. Read a row as "this permission is held by these
 * roles". Roles are held per school (or per organisation, for all of its schools).
 */
export const ROLES = ['admin', 'careers_leader', 'senco', 'staff', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Role names as people read them on pages and in command output. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Admin',
  careers_leader: 'Careers leader',
  senco: 'SENCO',
  staff: 'Staff',
  viewer: 'Viewer (reports only)',
}

const ALL: readonly Role[] = ROLES
const STUDENT_STAFF: readonly Role[] = ['admin', 'careers_leader', 'senco', 'staff']
const LEADS: readonly Role[] = ['admin', 'careers_leader', 'senco']
const ADMIN: readonly Role[] = ['admin']

export const PERMISSIONS = {
  /** The outcome catalogue and other pages with no student data. */
  'catalogue.view': ALL,
  /** Counts and charts with no names: the home page's totals and, later, the reports. */
  'reports.view': ALL,
  /** Student lists, student pages and eligibility, with names. */
  'students.view': STUDENT_STAFF,
  /** Plans and careers activities (step 3). */
  'plans.edit': STUDENT_STAFF,
  /** Pathways, group overrides, marking a student as left. */
  'students.edit': LEADS,
  /** Register imports and local need-code mappings. */
  'imports.run': LEADS,
  /** CSV and XLSX exports of the schools' records, and the files for the local authority. */
  'reports.export': LEADS,
  /** Subject access exports of one student's record. */
  'students.export': ADMIN,
  /** Erasure of a student, and the retention and pseudonymisation rules. */
  'students.erase': ADMIN,
  /** Users, roles and multi-factor resets. */
  'users.manage': ADMIN,
  /** Searching the audit trail. */
  'audit.search': ADMIN,
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

/**
 * What a route asks of the request: `public` for sign-in pages and assets, `account` for pages
 * about the signed-in user's own account, or a permission from the table.
 */
export type Access = 'public' | 'account' | Permission

/** Roles that must pass a second factor (TOTP) before they reach any page with student data. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['admin', 'careers_leader', 'senco']

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

/** Returns, in id order, the schools whose role in `roles` includes the permission. */
export function schoolsWithPermission(roles: Map<number, Role>, permission: Permission): number[] {
  return [...roles]
    .filter(([, role]) => roleHas(role, permission))
    .map(([schoolId]) => schoolId)
    .sort((a, b) => a - b)
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

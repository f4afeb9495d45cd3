import type { School } from '../students/school.repository.js'
import type { Account } from './account.service.js'
import { ROLE_NAMES } from './permissions.js'
import type { Role } from './permissions.js'

/** A user's role at one of the admin's schools, as the users pages show it. */
export interface SchoolRoleView {
  schoolId: number
  schoolName: string
  role: Role
  roleName: string
  /** True when the role comes from an organisation role, not one held at the school itself. */
  throughOrganisation: boolean
}

/** Returns the effective role at each of the admin's schools where the user holds one, by school name. */
export function rolesAtSchools(
  account: Account,
  effectiveRoles: Map<number, Role>,
  schools: School[],
): SchoolRoleView[] {
  return schools.flatMap((school) => {
    const role = effectiveRoles.get(school.id)
    if (role === undefined) return []
    const direct = account.roles.some((grant) => grant.schoolId === school.id)
    return [
      {
        schoolId: school.id,
        schoolName: school.name,
        role,
        roleName: ROLE_NAMES[role],
        throughOrganisation: !direct,
      },
    ]
  })
}

/** Describes the account's state in words: the reason it cannot sign in, or "Active". */
export function accountStatus(account: Account): string {
  if (account.disabled) return 'Disabled'
  if (account.locked) return 'Locked after failed sign-ins'
  if (!account.hasPassword) return 'No password yet'
  return 'Active'
}

/** Success banners after a change, by the `done` value of the redirect. Nothing typed is shown. */
export const DONE_MESSAGES: Record<string, string> = {
  role: 'The role is saved.',
  removed: 'The role is removed.',
  disabled: 'The account is disabled and every session of the user has ended.',
  enabled: 'The account is enabled. The user can sign in again.',
  mfa: 'Multi-factor sign-in is reset. The user sets it up again when they next sign in.',
  existing:
    'This person already had an account, so they now have this role at your school as well. They sign in with the password they already use.',
}

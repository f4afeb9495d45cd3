import { ROLE_NAMES } from '../accounts/permissions.js'
import { isRole } from '../accounts/permissions.js'
import type { AuditAction, AuditEvent } from './audit.repository.js'

/** Each action as people read it on the audit page. A new action fails the typecheck until named. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  'student.view': 'Viewed a student’s record',
  'student.pathway': 'Changed a qualification pathway',
  'student.override.set': 'Set a group override',
  'student.override.remove': 'Removed a group override',
  'import.commit': 'Imported a register',
  'need_code.map': 'Mapped a local need code',
  'user.create': 'Added a user',
  'user.role.grant': 'Gave a role',
  'user.role.remove': 'Removed a role',
  'user.disable': 'Disabled an account',
  'user.enable': 'Enabled an account',
  'user.password.link': 'Issued a password link',
  'user.password.set': 'Set a password',
  'user.sign_in': 'Signed in',
  'user.sign_in.failed': 'Sign-in failed',
  'user.second_factor': 'Passed multi-factor sign-in',
  'user.mfa.enrol': 'Set up multi-factor sign-in',
  'user.mfa.reset': 'Reset multi-factor sign-in',
  'user.recovery_codes.renew': 'Made new recovery codes',
  'user.sign_out': 'Signed out',
  'user.sign_out.everywhere': 'Signed out on every device',
  'organisation.school.add': 'Added a school to an organisation',
  'school.copy_in': 'Copied a school in from another database',
  'audit.search': 'Searched the audit trail',
  'student.left': 'Changed a leaving date',
  'student.export': 'Exported a subject access record',
  'student.erase': 'Erased a student’s record',
  'student.pseudonymise': 'Pseudonymised a former student',
  'data.export': 'Downloaded personal data',
  'student.hand_over': 'Opened a student’s hand-over pack',
  'activity.record': 'Recorded a careers activity',
  'activity.change': 'Changed a careers activity',
  'activity.student.add': 'Added a student to a careers activity',
  'activity.student.change': 'Changed a student’s part in a careers activity',
  'activity.student.remove': 'Removed a student from a careers activity',
  'activity.delete': 'Deleted a careers activity',
  'plan.aspiration.add': 'Added an aspiration to a career plan',
  'plan.aspiration.edit': 'Changed an aspiration in a career plan',
  'plan.aspiration.remove': 'Removed an aspiration from a career plan',
  'plan.goal.add': 'Added a goal to a career plan',
  'plan.goal.edit': 'Changed a goal in a career plan',
  'plan.goal.remove': 'Removed a goal from a career plan',
  'plan.targets.set': 'Set the target outcomes of a career plan',
  'plan.action.add': 'Added an action to a career plan',
  'plan.action.edit': 'Changed an action in a career plan',
  'plan.action.remove': 'Removed an action from a career plan',
  'plan.review.add': 'Added a review to a career plan',
  'plan.review.edit': 'Changed a review in a career plan',
  'plan.review.remove': 'Removed a review from a career plan',
  'plan.my_future.set': 'Chose what a student’s My future page shows',
  'destination.add': 'Added a destination',
  'destination.change': 'Changed a destination',
  'destination.remove': 'Removed a destination',
  'destination.consent': 'Recorded consent to track destinations',
  'destination.import': 'Imported a destination',
}

/** Turns a details key such as `organisationId` or `need_area` into words: "Organisation id". */
function keyInWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function valueInWords(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string') return key === 'role' && isRole(value) ? ROLE_NAMES[value] : value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) return value.map((item) => valueInWords(key, item)).join(', ')
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(
        ([innerKey, inner]) =>
          `${keyInWords(innerKey).toLowerCase()} ${valueInWords(innerKey, inner)}`,
      )
      .join(', ')
  }
  return JSON.stringify(value)
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value
}

/**
 * Describes an event's details as lines of text: a changed field as "Role: Staff → Admin", and
 * any other value, such as an import's counts, as "Added: 12". Empty values are left out.
 */
export function describeDetails(details: AuditEvent['details']): string[] {
  const present = Object.entries(details).filter(
    ([, value]) => value !== null && value !== undefined,
  )
  return present.map(([key, value]) => {
    if (isChange(value)) {
      return `${keyInWords(key)}: ${valueInWords(key, value.from)} → ${valueInWords(key, value.to)}`
    }
    return `${keyInWords(key)}: ${valueInWords(key, value)}`
  })
}

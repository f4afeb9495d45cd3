import { parseUpn } from '../domain/upn.js'
import type { Scope } from '../features/students/student.service.js'
import type { Services } from '../services.js'
import { CommandError } from './context.js'
import type { CommandContext } from './context.js'

/**
 * Returns the scope a command about one student works in: the school named by --school, or every
 * school when none is named. Unlike resolveSchool, it never creates a school.
 */
export function lookupScope(
  context: Pick<CommandContext, 'schools'>,
  schoolName: string | undefined,
): Scope {
  const { schools } = context
  if (schoolName === undefined) return { schoolIds: schools.map((school) => school.id) }

  const trimmed = schoolName.normalize('NFC').trim()
  const school = schools.find((candidate) => candidate.name === trimmed)
  if (!school) {
    const names = schools.map((candidate) => `"${candidate.name}"`).join(', ') || 'none yet'
    throw new CommandError(`No school is called "${trimmed}". The schools are ${names}.`)
  }
  return { schoolIds: [school.id] }
}

/**
 * Finds the one student with this UPN in scope. Raises a CommandError when the UPN is invalid,
 * when no student has it, or when students of several schools have it and --school must choose.
 */
export async function findStudentByUpn(services: Services, scope: Scope, rawUpn: string) {
  const parsed = parseUpn(rawUpn)
  if (!parsed.ok) throw new CommandError(parsed.error)
  const upn = parsed.value.upn

  const found = await services.students.findByUpn(scope, upn)
  const [only] = found
  if (!only)
    throw new CommandError(`No student has UPN ${upn}. Check the UPN and the --school name.`)
  if (found.length > 1) {
    const schools = await services.students.listSchools(scope)
    const names = found
      .map((detail) => schools.find((school) => school.id === detail.student.schoolId)?.name)
      .map((name) => `"${name ?? ''}"`)
      .join(', ')
    throw new CommandError(
      `Students of ${found.length} schools have UPN ${upn} (${names}). Choose one with --school.`,
    )
  }
  return only.student
}

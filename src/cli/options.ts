import { CommandError } from './context.js'
import type { CommandContext } from './context.js'

export type OutputFormat = 'text' | 'json'

export function parseFormat(value: string): OutputFormat {
  if (value === 'text' || value === 'json') return value
  throw new CommandError(`--format "${value}" is not valid. Use --format text or --format json.`)
}

export interface ResolvedSchool {
  id: number
  name: string
  /** True when this call created the school, so a dry run or a failure can remove it again. */
  created: boolean
}

/**
 * Finds the school a command works on. With no name, the only school is used. A name that no
 * school has is created when there is no school yet or `allowCreate` is set, so a mistyped name
 * cannot quietly start a second school.
 */
export async function resolveSchool(
  context: Pick<CommandContext, 'services' | 'schools' | 'operator'>,
  name: string | undefined,
  { allowCreate = false, createOption = '--create-school' as string | null } = {},
): Promise<ResolvedSchool> {
  const { services, schools } = context
  // Only the operator creates schools: a user works in the schools they hold a role at.
  if (!context.operator) {
    allowCreate = false
    createOption = null
  }
  if (name === undefined) return onlySchool(schools)

  const trimmed = name.normalize('NFC').trim()
  if (!trimmed) {
    throw new CommandError(
      '--school is empty. Give the school name, for example --school "Oak Hill School".',
    )
  }
  const existing = schools.find((school) => school.name === trimmed)
  if (existing) return { id: existing.id, name: existing.name, created: false }
  if ((schools.length > 0 || !context.operator) && !allowCreate) {
    const names = schools.map((school) => `"${school.name}"`).join(', ')
    const create = createOption
      ? `, or add ${createOption} to create a new school with this name`
      : ''
    throw new CommandError(
      `No school is called "${trimmed}". The schools are ${names}. Check the spelling${create}.`,
    )
  }
  const school = await services.students.findOrCreateSchool(trimmed)
  return { id: school.id, name: school.name, created: true }
}

function onlySchool(schools: { id: number; name: string }[]): ResolvedSchool {
  const [only] = schools
  if (schools.length === 1 && only) return { id: only.id, name: only.name, created: false }
  if (schools.length === 0) {
    throw new CommandError(
      'There is no school yet. Name one with --school "School name" and it will be created.',
    )
  }
  const names = schools.map((school) => `"${school.name}"`).join(', ')
  throw new CommandError(`There is more than one school (${names}). Choose one with --school.`)
}

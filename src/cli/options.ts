import type { Services } from '../services.js'
import { CommandError } from './context.js'

export type OutputFormat = 'text' | 'json'

export function parseFormat(value: string): OutputFormat {
  if (value === 'text' || value === 'json') return value
  throw new CommandError(`--format "${value}" is not valid. Use --format text or --format json.`)
}

/**
 * Finds the school a command works on. A named school is created when it does not exist yet;
 * with no name, the only school is used, and more than one school asks for --school.
 */
export async function resolveSchool(
  services: Services,
  name: string | undefined,
): Promise<{ id: number; name: string }> {
  if (name !== undefined) {
    const trimmed = name.trim()
    if (!trimmed)
      throw new CommandError(
        '--school is empty. Give the school name, for example --school "Oak Hill School".',
      )
    return services.students.findOrCreateSchool(trimmed)
  }

  const schools = await services.students.listSchools('all')
  const [only] = schools
  if (schools.length === 1 && only) return only
  if (schools.length === 0) {
    throw new CommandError(
      'There is no school yet. Name one with --school "School name" and it will be created.',
    )
  }
  const names = schools.map((school) => `"${school.name}"`).join(', ')
  throw new CommandError(`There is more than one school (${names}). Choose one with --school.`)
}

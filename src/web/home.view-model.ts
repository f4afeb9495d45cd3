import type { School } from '../features/students/school.repository.js'

/** Counts from 1 to 4 are not shown to roles without access to names, so no one can be singled out. */
export const SMALL_COUNT_LIMIT = 5

export interface SchoolCounts {
  name: string
  total: string
  one: string
  two: string
  noGroup: string
  suppressed: boolean
}

function shown(count: number, suppress: boolean): string {
  return suppress && count > 0 && count < SMALL_COUNT_LIMIT ? 'fewer than 5' : String(count)
}

/**
 * Builds the start page's table of students by group for each school. `namesAllowed` returns, per
 * school, whether the user may see students' names there. Where not, small counts are hidden.
 */
export function schoolCounts(
  schools: School[],
  rows: { schoolId: number; group: string | null; count: number }[],
  namesAllowed: (schoolId: number) => boolean,
): SchoolCounts[] {
  return schools.map((school) => {
    const mine = rows.filter((row) => row.schoolId === school.id)
    const countOf = (group: string | null) =>
      mine.filter((row) => row.group === group).reduce((sum, row) => sum + row.count, 0)
    const counts = { one: countOf('one'), two: countOf('two'), none: countOf(null) }
    const total = counts.one + counts.two + counts.none
    const suppress = !namesAllowed(school.id)
    const values = [total, counts.one, counts.two, counts.none]
    return {
      name: school.name,
      total: shown(total, suppress),
      one: shown(counts.one, suppress),
      two: shown(counts.two, suppress),
      noGroup: shown(counts.none, suppress),
      suppressed: suppress && values.some((value) => value > 0 && value < SMALL_COUNT_LIMIT),
    }
  })
}

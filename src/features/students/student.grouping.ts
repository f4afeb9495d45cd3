import type {
  AreaOfNeed,
  GroupAssignment,
  GroupOverride,
  StudentFacts,
} from '../../domain/types.js'
import type { StudentTable } from '../../db/tables.js'
import { provisionOf } from '../../domain/census.js'
import { assignGroup } from '../../domain/group.js'
import type { StudentInput } from './student.js'

// The seam between stored students and the domain's grouping rules. The service stores what
// these functions return on the student row, so the students list can filter by group in SQL.

export type AreaLookup = (code: string) => AreaOfNeed | null

export type GroupColumns = Pick<
  StudentTable,
  'group' | 'basis' | 'flags' | 'need_area' | 'has_conflict'
>

export function toStudentFacts(student: StudentInput): StudentFacts {
  return {
    dateOfBirth: student.dateOfBirth,
    provision: provisionOf(student.provisionCode),
    provisionCode: student.provisionCode,
    primaryNeed: student.primaryNeed,
    secondaryNeed: student.secondaryNeed,
    pathway: student.pathway,
    ehcPlanStartDate: student.ehcPlanStartDate,
  }
}

export function assignStudentGroup(
  student: StudentInput,
  override: GroupOverride | null,
  areaOf: AreaLookup,
): GroupAssignment {
  return assignGroup({ facts: toStudentFacts(student), override, areaOf })
}

export function toGroupColumns(
  student: StudentInput,
  assignment: GroupAssignment,
  areaOf: AreaLookup,
): GroupColumns {
  const primaryArea = student.primaryNeed ? areaOf(student.primaryNeed) : null
  const secondaryArea = student.secondaryNeed ? areaOf(student.secondaryNeed) : null

  return {
    group: assignment.group,
    basis: assignment.basis,
    flags: `,${assignment.flags.map((flag) => `${flag},`).join('')}`,
    need_area: primaryArea ?? secondaryArea,
    has_conflict: assignment.conflict === null ? 0 : 1,
  }
}

/** Tells whether stored group columns differ from freshly computed ones. */
export function groupColumnsDiffer(stored: GroupColumns, computed: GroupColumns): boolean {
  return (Object.keys(computed) as (keyof GroupColumns)[]).some(
    (column) => stored[column] !== computed[column],
  )
}

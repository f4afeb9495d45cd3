import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { GroupAssignment } from '../../domain/types.js'
import { loadAreaLookup } from './need-code.repository.js'
import { assignStudentGroup, groupColumnsDiffer, toGroupColumns } from './student.grouping.js'
import type { AreaLookup } from './student.grouping.js'
import { listSchoolStudents, setGroupColumns } from './student.repository.js'
import type { StoredStudent } from './student.repository.js'

/**
 * Computes a student's group and stores the group columns when they changed. Call it after every
 * write that can move the group: pathway, needs, override or need-code mapping.
 */
export async function refreshStudentGroup(
  db: Kysely<Tables>,
  student: StoredStudent,
  areaOf?: AreaLookup,
): Promise<GroupAssignment> {
  const lookup = areaOf ?? (await loadAreaLookup(db, student.schoolId))
  const assignment = assignStudentGroup(student, student.override, lookup)
  const columns = toGroupColumns(student, assignment, lookup)

  if (groupColumnsDiffer(student.group, columns)) {
    await setGroupColumns(db, [student.schoolId], student.id, columns)
  }
  return assignment
}

/** Recomputes the group of every student of a school, returning how many changed. */
export async function refreshSchoolGroups(db: Kysely<Tables>, schoolId: number): Promise<number> {
  const areaOf = await loadAreaLookup(db, schoolId)
  let changed = 0

  for (const student of await listSchoolStudents(db, [schoolId], schoolId)) {
    const assignment = assignStudentGroup(student, student.override, areaOf)
    const columns = toGroupColumns(student, assignment, areaOf)
    if (groupColumnsDiffer(student.group, columns)) {
      await setGroupColumns(db, [schoolId], student.id, columns)
      changed += 1
    }
  }
  return changed
}

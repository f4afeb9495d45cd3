import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { AreaLookup } from '../students/student.grouping.js'
import { assignStudentGroup, toGroupColumns } from '../students/student.grouping.js'
import { insertStudent, updateStudent } from '../students/student.repository.js'
import type { StoredStudent } from '../students/student.repository.js'
import type { StudentInput } from '../students/student.js'
import { ImportPreviewError } from './import.repository.js'
import type { PreviewPayload } from './import.repository.js'
import type { PreviewRow } from './import.types.js'

export interface PreviewWrite {
  schoolId: number
  payload: PreviewPayload
  /** The school's students, read in the same transaction after their versions were checked. */
  students: StoredStudent[]
  areaOf: AreaLookup
  now: string
}

/** Writes the new and updated rows of a preview, with their groups. Call it in a transaction. */
export async function writePreviewRows(db: Kysely<Tables>, write: PreviewWrite): Promise<void> {
  const byId = new Map(write.students.map((student) => [student.id, student]))
  const { rows } = write.payload.preview

  for (const [position, row] of rows.entries()) {
    const stored = byId.get(write.payload.matchedIds[position] ?? -1)
    if (row.input === null || row.status === 'rejected') {
      continue
    }

    if (row.status === 'new') {
      await insertRow(db, write, row.input)
    } else if (stored && (row.status === 'updated' || !stored.inLatestImport)) {
      // An unchanged row of a student marked not in the latest import still marks them back in.
      await updateRow(db, write, stored, merge(stored, row))
    }
  }
}

function merge(stored: StoredStudent, row: PreviewRow): StudentInput {
  const merged: StudentInput = { ...stored }
  for (const field of row.changedFields) {
    Object.assign(merged, { [field]: row.input?.[field] ?? null })
  }
  return merged
}

async function insertRow(db: Kysely<Tables>, write: PreviewWrite, input: StudentInput) {
  const group = toGroupColumns(input, assignStudentGroup(input, null, write.areaOf), write.areaOf)
  await insertStudent(db, [write.schoolId], write.schoolId, input, { now: write.now, group })
}

async function updateRow(
  db: Kysely<Tables>,
  write: PreviewWrite,
  stored: StoredStudent,
  input: StudentInput,
) {
  const assignment = assignStudentGroup(input, stored.override, write.areaOf)
  const group = toGroupColumns(input, assignment, write.areaOf)
  const change = { now: write.now, group, inLatestImport: true, expectedVersion: stored.version }
  const updated = await updateStudent(db, [write.schoolId], stored.id, input, change)

  if (!updated) {
    // Another request changed the student after the versions were checked.
    throw new ImportPreviewError('stale')
  }
}

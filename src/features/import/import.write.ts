import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { AreaLookup } from '../students/student.grouping.js'
import { assignStudentGroup, toGroupColumns } from '../students/student.grouping.js'
import { findStudentsByIds, insertStudents, updateStudent } from '../students/student.repository.js'
import type { StoredStudent } from '../students/student.repository.js'
import type { StudentInput } from '../students/student.js'
import { ImportPreviewError } from './import.repository.js'
import { lastStagedPosition, readRowsToWrite, type RowToWrite } from './import.staged-rows.js'

/** Staged positions read, and their rows written, per round trip of the commit. */
const WRITE_BATCH_ROWS = 250

export interface PreviewWrite {
  schoolId: number
  previewId: string
  areaOf: AreaLookup
  now: string
}

/**
 * Writes the new and updated rows of a staged preview in file order, with their groups, reading
 * them in batches. Call it in a transaction, after the school's fingerprint was checked.
 */
export async function writePreviewRows(db: Kysely<Tables>, write: PreviewWrite): Promise<void> {
  const last = await lastStagedPosition(db, write.previewId)
  for (let after = -1; after < last; after += WRITE_BATCH_ROWS) {
    const rows = await readRowsToWrite(db, write.previewId, after, after + WRITE_BATCH_ROWS)
    if (rows.length > 0) await writeBatch(db, write, rows)
  }
}

async function writeBatch(db: Kysely<Tables>, write: PreviewWrite, rows: RowToWrite[]) {
  const { schoolId, areaOf, now } = write
  const inserts = rows
    .filter((row) => row.status === 'new')
    .map(({ input }) => ({
      input,
      group: toGroupColumns(input, assignStudentGroup(input, null, areaOf), areaOf),
    }))
  await insertStudents(db, [schoolId], schoolId, inserts, now)

  // An unchanged row of a student marked not in the latest import still marks them back in.
  const updates = rows.filter((row) => row.status !== 'new')
  const matchedIds = updates.map((row) => row.matchedId ?? -1)
  const stored = await findStudentsByIds(db, [schoolId], matchedIds)
  const byId = new Map(stored.map((student) => [student.id, student]))
  for (const row of updates) {
    const student = byId.get(row.matchedId ?? -1)
    if (!student || student.version !== row.matchedVersion) {
      throw new ImportPreviewError('stale')
    }
    await updateRow(db, write, student, merge(student, row))
  }
}

function merge(stored: StoredStudent, row: RowToWrite): StudentInput {
  const merged: StudentInput = { ...stored }
  for (const field of row.changedFields) {
    Object.assign(merged, { [field]: row.input[field] ?? null })
  }
  return merged
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

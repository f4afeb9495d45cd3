import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { inSchools } from '../students/student.repository.js'
import type { ImportPreview } from './import.types.js'

export type ImportPreviewErrorCode = 'not_found' | 'expired' | 'stale'

const previewMessages: Record<ImportPreviewErrorCode, string> = {
  not_found: 'Import preview not found. It may have been confirmed already: upload the file again.',
  expired: 'Import preview expired before it was confirmed: upload the file again.',
  stale:
    'Students of this school changed after the preview was made, so it may be wrong: ' +
    'upload the file again.',
}

/** Error raised when a stored preview cannot be committed. Its message tells staff what to do. */
export class ImportPreviewError extends Error {
  override name = 'ImportPreviewError'

  constructor(readonly code: ImportPreviewErrorCode) {
    super(previewMessages[code])
  }
}

/** The contents of a stored preview: the preview shown, and the data the commit checks it with. */
export interface PreviewPayload {
  preview: ImportPreview
  matchedIds: (number | null)[]
  /** The version of every student of the school when the preview was made, by student id. */
  versions: Record<string, number>
}

export interface StoredPreview {
  id: string
  schoolId: number
  createdAt: string
  expiresAt: string
  payload: PreviewPayload
}

export async function savePreview(db: Kysely<Tables>, preview: StoredPreview): Promise<void> {
  await db
    .insertInto('import_previews')
    .values({
      id: preview.id,
      school_id: preview.schoolId,
      created_at: preview.createdAt,
      expires_at: preview.expiresAt,
      payload: JSON.stringify(preview.payload),
    })
    .execute()
}

/** Finds a preview of a school in scope, expired or not. */
export async function findPreview(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: string,
): Promise<StoredPreview | null> {
  if (schoolIds.length === 0) {
    return null
  }

  const row = await db
    .selectFrom('import_previews')
    .selectAll()
    .where('id', '=', id)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  if (!row) {
    return null
  }

  return {
    id: row.id,
    schoolId: row.school_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    payload: JSON.parse(row.payload) as PreviewPayload,
  }
}

export async function deletePreview(db: Kysely<Tables>, id: string): Promise<void> {
  await db.deleteFrom('import_previews').where('id', '=', id).execute()
}

export async function deleteExpiredPreviews(db: Kysely<Tables>, now: string): Promise<void> {
  await db.deleteFrom('import_previews').where('expires_at', '<=', now).execute()
}

/**
 * Marks the given students of a school as not in the latest import, and returns how many
 * changed. A student already marked keeps its version, so a repeated import changes nothing.
 */
export async function markNotInLatestImport(
  db: Kysely<Tables>,
  schoolId: number,
  studentIds: number[],
  now: string,
): Promise<number> {
  if (studentIds.length === 0) {
    return 0
  }

  // NOTE: one parameter per student; both engines allow over 30,000, far above a school's roll.
  const result = await db
    .updateTable('students')
    .set((eb) => ({ in_latest_import: 0, version: eb('version', '+', 1), updated_at: now }))
    .where((eb) => inSchools(eb, [schoolId]))
    .where('id', 'in', studentIds)
    .where('in_latest_import', '=', 1)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface ImportRecord {
  schoolId: number
  fileName: string
  format: string
  startedAt: string
  committedAt: string
  summary: ImportPreview['summary']
  notInFile: number
}

export async function insertImport(db: Kysely<Tables>, record: ImportRecord): Promise<number> {
  const { summary } = record
  const { id } = await db
    .insertInto('imports')
    .values({
      school_id: record.schoolId,
      file_name: record.fileName,
      format: record.format,
      started_at: record.startedAt,
      committed_at: record.committedAt,
      new_count: summary.new,
      updated_count: summary.updated,
      unchanged_count: summary.unchanged,
      rejected_count: summary.rejected,
      warning_count: summary.warnings,
      not_in_file_count: record.notInFile,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

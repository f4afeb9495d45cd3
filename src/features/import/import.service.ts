import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { loadAreaLookup } from '../students/need-code.repository.js'
import { lockSchool, listSchools } from '../students/school.repository.js'
import type { Scope } from '../students/student.service.js'
import { listSchoolStudents } from '../students/student.repository.js'
import { compareWithStored } from './import.compare.js'
import { ImportPreviewError } from './import.repository.js'
import * as previews from './import.repository.js'
import type { StoredPreview } from './import.repository.js'
import type { ImportPreview, ValidatedFile } from './import.types.js'
import { writePreviewRows } from './import.write.js'

export { ImportPreviewError }
export type { ImportPreviewErrorCode } from './import.repository.js'

/** How long a preview waits for confirmation before the file must be uploaded again. */
export const PREVIEW_LIFETIME_MS = 2 * 60 * 60 * 1000

export interface SavedImportPreview extends ImportPreview {
  id: string
  createdAt: string
  expiresAt: string
}

export interface ImportResult {
  importId: number
  schoolId: number
  summary: ImportPreview['summary']
  /** Students newly marked as not in the latest import. */
  markedNotInLatest: number
}

export interface ImportServiceOptions {
  now?: () => Date
  previewLifetimeMs?: number
}

function toSaved(stored: StoredPreview): SavedImportPreview {
  const { id, createdAt, expiresAt } = stored
  return { ...stored.payload.preview, id, createdAt, expiresAt }
}

export function createImportService(db: Kysely<Tables>, options: ImportServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())
  const lifetime = options.previewLifetimeMs ?? PREVIEW_LIFETIME_MS

  /** Compares a validated file with the school's students and stores the preview for `commit`. */
  async function preview(
    schoolId: number,
    file: ValidatedFile,
    fileName: string,
  ): Promise<SavedImportPreview> {
    if ((await listSchools(db, [schoolId])).length === 0) {
      throw new Error(`School ${schoolId} not found: create the school before importing`)
    }

    const stored = await listSchoolStudents(db, [schoolId], schoolId)
    const { preview, matchedIds } = compareWithStored(schoolId, fileName, file, stored)
    const versions = Object.fromEntries(stored.map((student) => [student.id, student.version]))
    const created = clock()
    const saved: StoredPreview = {
      id: randomUUID(),
      schoolId,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + lifetime).toISOString(),
      payload: { preview, matchedIds, versions },
    }

    await previews.deleteExpiredPreviews(db, saved.createdAt)
    await previews.savePreview(db, saved)
    return toSaved(saved)
  }

  /** Returns a stored preview that has not expired, or null. */
  async function getPreview(previewId: string, scope?: Scope): Promise<SavedImportPreview | null> {
    const stored = await previews.findPreview(
      db,
      scope?.schoolIds ?? (await allSchoolIds()),
      previewId,
    )
    return stored && stored.expiresAt > clock().toISOString() ? toSaved(stored) : null
  }

  async function allSchoolIds(): Promise<number[]> {
    return (await listSchools(db, 'all')).map((school) => school.id)
  }

  /**
   * Writes every accepted row of a stored preview in one transaction, so either all of them are
   * written or none. With `scope`, a preview of a school outside it is reported as not found.
   */
  async function commit(previewId: string, scope?: Scope): Promise<ImportResult> {
    const schoolIds = scope?.schoolIds ?? (await allSchoolIds())

    return db.transaction().execute(async (trx) => {
      const stored = await previews.findPreview(trx, schoolIds, previewId)
      const now = clock().toISOString()
      if (!stored) throw new ImportPreviewError('not_found')
      if (stored.expiresAt <= now) throw new ImportPreviewError('expired')

      const { schoolId, payload } = stored
      await lockSchool(trx, schoolId)
      const students = await listSchoolStudents(trx, [schoolId], schoolId)
      if (!sameVersions(students, payload.versions)) throw new ImportPreviewError('stale')

      const areaOf = await loadAreaLookup(trx, schoolId)
      await writePreviewRows(trx, { schoolId, payload, students, areaOf, now })
      const notInFile = payload.preview.notInFile.map((student) => student.id)
      const markedNotInLatest = await previews.markNotInLatestImport(trx, schoolId, notInFile, now)

      const { fileName, format, summary } = payload.preview
      const record = { schoolId, fileName, format, startedAt: stored.createdAt, committedAt: now }
      const importId = await previews.insertImport(trx, {
        ...record,
        summary,
        notInFile: notInFile.length,
      })
      await previews.deletePreview(trx, previewId)
      return { importId, schoolId, summary, markedNotInLatest }
    })
  }

  return { preview, getPreview, commit }
}

function sameVersions(
  students: { id: number; version: number }[],
  versions: Record<string, number>,
) {
  return (
    students.length === Object.keys(versions).length &&
    students.every((student) => versions[String(student.id)] === student.version)
  )
}

export type ImportService = ReturnType<typeof createImportService>

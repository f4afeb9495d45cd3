import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { loadAreaLookup } from '../students/need-code.repository.js'
import { listNeedCodeMappings } from '../students/need-code.repository.js'
import { lockSchool, listSchools } from '../students/school.repository.js'
import type { Scope } from '../students/student.service.js'
import { readFingerprint, sameFingerprint } from './import.fingerprint.js'
import { countNotInFile, markNotInLatestImport } from './import.not-in-file.js'
import { createPreviewReader } from './import.preview-reader.js'
import type { PreviewRowPage, SavedImportPreview } from './import.preview-reader.js'
import { ImportPreviewError } from './import.repository.js'
import * as previews from './import.repository.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { StoredImport, StoredPreview } from './import.repository.js'
import { stageRows } from './import.stage.js'
import { applyLateChanges, countStatuses } from './import.staging.js'
import type { ImportPreview, LateChange, ValidatedFile, ValidatedRow } from './import.types.js'
import { writePreviewRows } from './import.write.js'
import type { RegisterSource } from './read-file.js'
import { streamRegister, type ValidateOptions } from './stream-register.js'

export { ImportPreviewError }
export type { ImportPreviewErrorCode } from './import.repository.js'
export type { PreviewRowPage, SavedImportPreview, StoredImport }

export interface PreviewFileOptions extends ValidateOptions {
  /**
   * True when the file lists only some of the school's students, such as a few new arrivals, so
   * the import marks no one as not in the latest import.
   */
  partial?: boolean
}

/** How long a preview waits for confirmation before the file must be uploaded again. */
export const PREVIEW_LIFETIME_MS = 2 * 60 * 60 * 1000

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

/** A file to stage: its metadata, its rows, and the late issues to add once the rows are in. */
interface StagedFile extends Omit<ValidatedFile, 'rows' | 'warnings'> {
  partial: boolean
  rows: AsyncIterable<ValidatedRow> | Iterable<ValidatedRow>
  warnings: () => string[]
  lateChanges: () => LateChange[]
}

export function createImportService(db: Kysely<Tables>, options: ImportServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())
  const lifetime = options.previewLifetimeMs ?? PREVIEW_LIFETIME_MS
  const reader = createPreviewReader(db, () => clock().toISOString())

  /**
   * Streams a register into a staged preview for `commit`, comparing it with the school's
   * students batch by batch. Rejects with ImportFileError when the file cannot be read.
   */
  async function previewFile(
    schoolId: number,
    source: RegisterSource,
    fileName: string,
    fileOptions: PreviewFileOptions,
  ): Promise<SavedImportPreview> {
    await requireSchool(schoolId)
    const { partial = false, ...readOptions } = fileOptions
    // Codes an admin mapped for this school are known codes, so they import without a warning.
    const localNeedCodes = readOptions.localNeedCodes ?? (await localCodesOf(schoolId))
    const today = readOptions.today ?? clock().toISOString().slice(0, 10)
    const stream = await streamRegister(source, { ...readOptions, localNeedCodes, today })
    const warnings = () => stream.warnings
    return stage(schoolId, fileName, { ...stream, partial, warnings, lateChanges: stream.finish })
  }

  /** Compares a file validated in memory with the school's students and stages the preview. */
  async function preview(
    schoolId: number,
    file: ValidatedFile,
    fileName: string,
    { partial = false }: { partial?: boolean } = {},
  ): Promise<SavedImportPreview> {
    await requireSchool(schoolId)
    return stage(schoolId, fileName, {
      ...file,
      partial,
      warnings: () => file.warnings,
      lateChanges: () => [],
    })
  }

  async function localCodesOf(schoolId: number) {
    const mappings = await listNeedCodeMappings(db, schoolId)
    return mappings.map(({ code, area, description }) => ({
      code,
      area,
      description: description ?? undefined,
    }))
  }

  async function requireSchool(schoolId: number): Promise<void> {
    if ((await listSchools(db, [schoolId])).length === 0) {
      throw new Error(`School ${schoolId} not found: create the school before importing`)
    }
  }

  async function stage(schoolId: number, fileName: string, file: StagedFile) {
    const created = clock()
    const saved: StoredPreview = {
      id: randomUUID(),
      schoolId,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + lifetime).toISOString(),
      fileName,
      format: file.format,
      fields: file.fields,
      unknownColumns: file.unknownColumns,
      fileWarnings: [],
      summary: { new: 0, updated: 0, unchanged: 0, rejected: 0, warnings: 0 },
      notInFileCount: 0,
      partial: file.partial,
      fingerprint: await readFingerprint(db, schoolId),
    }
    await previews.deleteExpiredPreviews(db, saved.createdAt)
    await previews.savePreview(db, saved)
    try {
      return await fillPreview(saved, file)
    } catch (error) {
      await previews.deletePreview(db, saved.id)
      throw error
    }
  }

  async function fillPreview(saved: StoredPreview, file: StagedFile) {
    const { id, schoolId, fields, fingerprint } = saved
    const hasStudents = fingerprint.studentCount > 0
    const { pathwayColumn } = file
    const target = { previewId: id, schoolId, fields, hasStudents, pathwayColumn }
    await stageRows(db, target, file.rows)
    await applyLateChanges(db, id, file.lateChanges())
    const totals = {
      fileWarnings: file.warnings(),
      summary: await countStatuses(db, id),
      notInFileCount: await countNotInFile(db, schoolId, id),
    }
    await previews.saveTotals(db, id, totals)
    return reader.toSaved({ ...saved, ...totals })
  }

  /**
   * Writes every accepted row of a stored preview in one transaction, so either all of them are
   * written or none. With `scope`, a preview of a school outside it is reported as not found.
   */
  async function commit(previewId: string, scope?: Scope, by = 'system'): Promise<ImportResult> {
    const stored = await reader.findLive(previewId, scope)
    return db.transaction().execute(async (trx) => {
      const now = clock().toISOString()
      const { schoolId } = stored
      await lockSchool(trx, schoolId)
      const current = await previews.findPreview(trx, [schoolId], previewId)
      if (!current) throw new ImportPreviewError('not_found')
      if (!sameFingerprint(await readFingerprint(trx, schoolId), current.fingerprint)) {
        throw new ImportPreviewError('stale')
      }

      // Marked first, because the new students inserted next match no staged row. A partial file
      // gives no information about the students it leaves out, so it marks no one.
      const markedNotInLatest = current.partial
        ? 0
        : await markNotInLatestImport(trx, schoolId, previewId, now)
      const areaOf = await loadAreaLookup(trx, schoolId)
      await writePreviewRows(trx, { schoolId, previewId, areaOf, now })

      const { fileName, format, summary, partial } = current
      const notInFile = partial ? 0 : current.notInFileCount
      const record = { schoolId, fileName, format, startedAt: current.createdAt, committedAt: now }
      const importId = await previews.insertImport(trx, { ...record, summary, notInFile, partial })
      // The audit entry keeps counts only: the rows themselves are in the students table.
      const details = { importId, ...summary, markedNotInLatest, partial }
      const event = { at: now, actor: by, action: 'import.commit' as const, schoolId }
      await insertAuditEvent(trx, { ...event, studentId: null, details })
      await previews.deletePreview(trx, previewId)
      return { importId, schoolId, summary, markedNotInLatest }
    })
  }

  /** Finds a committed import of a school in scope, or returns null. Without `scope`, any school. */
  async function getImport(importId: number, scope?: Scope): Promise<StoredImport | null> {
    const schoolIds = scope?.schoolIds ?? (await listSchools(db, 'all')).map((school) => school.id)
    return previews.findImport(db, schoolIds, importId)
  }

  const { getPreview, listPreviewRows, countNotInFile: countMissing } = reader
  /** Deletes a preview and its staged rows without writing them, as a dry run ends. */
  async function discardPreview(previewId: string): Promise<void> {
    await previews.deletePreview(db, previewId)
  }

  return {
    previewFile,
    preview,
    getPreview,
    listPreviewRows,
    countNotInFile: countMissing,
    commit,
    discardPreview,
    getImport,
  }
}

export type ImportService = ReturnType<typeof createImportService>

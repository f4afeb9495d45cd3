import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { listSchools } from '../students/school.repository.js'
import type { Scope } from '../students/student.service.js'
import { countNotInFile, listNotInFile } from './import.not-in-file.js'
import { ImportPreviewError, findPreview, type StoredPreview } from './import.repository.js'
import { countStagedRows, listStagedRows } from './import.staged-rows.js'
import type { ImportPreview, PreviewRow } from './import.types.js'

// Reads stored previews for the import service: the preview shown to staff, with a capped list
// of rows and of students not in the file, and pages of every staged row.

/** Rows, and students not in the file, listed in a preview at most. */
export const PREVIEW_LIST_LIMIT = 1000

export interface SavedImportPreview extends ImportPreview {
  id: string
  createdAt: string
  expiresAt: string
}

export interface PreviewRowPage {
  offset: number
  limit: number
  /**
   * Only rows after this position, in place of `offset`. Pass the last row's position to read
   * the next page without the database walking past every earlier row again.
   */
  afterPosition?: number
  /** Only rows with at least one error or warning. */
  onlyWithMessages?: boolean
}

export function createPreviewReader(db: Kysely<Tables>, now: () => string) {
  async function schoolIdsOf(scope: Scope | undefined): Promise<number[]> {
    return scope?.schoolIds ?? (await listSchools(db, 'all')).map((school) => school.id)
  }

  /** Finds a preview in scope. Rejects with ImportPreviewError when it is missing or expired. */
  async function findLive(previewId: string, scope: Scope | undefined): Promise<StoredPreview> {
    const stored = await findPreview(db, await schoolIdsOf(scope), previewId)
    if (!stored) throw new ImportPreviewError('not_found')
    if (stored.expiresAt <= now()) throw new ImportPreviewError('expired')
    return stored
  }

  /** Builds the preview shown to staff from its stored totals and staged rows. */
  async function toSaved(stored: StoredPreview): Promise<SavedImportPreview> {
    const { id, schoolId, summary } = stored
    const total = summary.new + summary.updated + summary.unchanged + summary.rejected
    const filter = total <= PREVIEW_LIST_LIMIT ? 'all' : 'notable'
    const rows = await listStagedRows(db, id, { offset: 0, limit: PREVIEW_LIST_LIMIT, filter })
    // A partial file marks no one, so its preview lists no students as not in the file.
    const notInFile = stored.partial
      ? []
      : await listNotInFile(db, schoolId, id, PREVIEW_LIST_LIMIT)
    const notInFileCount = stored.partial ? 0 : stored.notInFileCount
    return {
      id,
      schoolId,
      createdAt: stored.createdAt,
      expiresAt: stored.expiresAt,
      fileName: stored.fileName,
      format: stored.format,
      unknownColumns: stored.unknownColumns,
      fileWarnings: stored.fileWarnings,
      rows,
      rowsLeftOut: total - rows.length,
      rowsWithMessages: await countStagedRows(db, id, 'messages'),
      summary,
      partial: stored.partial,
      notInFile,
      notInFileLeftOut: Math.max(0, notInFileCount - notInFile.length),
    }
  }

  /** Returns a stored preview that has not expired, or null. */
  async function getPreview(previewId: string, scope?: Scope): Promise<SavedImportPreview | null> {
    const stored = await findPreview(db, await schoolIdsOf(scope), previewId)
    return stored && stored.expiresAt > now() ? toSaved(stored) : null
  }

  /**
   * Lists a page of a preview's staged rows in file order, so every row can be read however
   * large the file. Rejects with ImportPreviewError when the preview is missing or expired.
   */
  async function listPreviewRows(
    previewId: string,
    scope: Scope | undefined,
    page: PreviewRowPage,
  ): Promise<PreviewRow[]> {
    const stored = await findLive(previewId, scope)
    const filter = page.onlyWithMessages ? 'messages' : 'all'
    return listStagedRows(db, stored.id, { ...page, filter })
  }

  /** Counts the students of the preview's school that the file does not list. */
  async function countStudentsNotInFile(previewId: string, scope?: Scope): Promise<number> {
    const stored = await findLive(previewId, scope)
    return countNotInFile(db, stored.schoolId, stored.id)
  }

  return {
    findLive,
    toSaved,
    getPreview,
    listPreviewRows,
    countNotInFile: countStudentsNotInFile,
  }
}

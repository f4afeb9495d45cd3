import { PassThrough } from 'node:stream'
import type { Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import { listSchools } from '../students/school.repository.js'
import type { Scope } from '../students/student.service.js'
import { EXPORT_KIND_INFO } from './export.kinds.js'
import type { ExportFormat, ExportKind } from './export.kinds.js'
import type { Cell, RowSource } from './export.paging.js'
import { studentsMissingNccisCode } from './export.return-rows.js'
import { writeCsv, writeXlsx } from './export.writers.js'

/** Rows read per database query. */
export const EXPORT_PAGE_SIZE = 500

export interface ExportServiceOptions {
  /** The clock, replaced in tests. */
  now?: () => Date
  pageSize?: number
}

export interface ExportRequest {
  kind: ExportKind
  format: ExportFormat
  /** False to leave the output stream open at the end, as for standard output. */
  end?: boolean
}

export interface ExportSummary {
  rows: number
  /** Page queries made, so a test can check that the rows were read in pages. */
  pages: number
}

export function createExportService(db: Kysely<Tables>, options: ExportServiceOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))()
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE

  async function recordExports(
    schoolIds: number[],
    rowsBySchool: Map<number, number>,
    request: ExportRequest & { complete: boolean },
    actor: string,
  ) {
    const at = now().toISOString()
    for (const schoolId of schoolIds) {
      await insertAuditEvent(db, {
        at,
        actor,
        action: 'data.export',
        schoolId,
        studentId: null,
        details: {
          kind: request.kind,
          format: request.format,
          rows: rowsBySchool.get(schoolId) ?? 0,
          complete: request.complete,
        },
      })
    }
  }

  return {
    /** Lists the schools an export may cover, by name. */
    listSchools: (scope: Scope) => listSchools(db, scope.schoolIds),

    /**
     * Lists the students of the schools in scope whose current destination needs an NCCIS code
     * chosen, the rows that the NCCIS file and the return flag in their Check column.
     */
    studentsMissingNccisCode: (scope: Scope) =>
      studentsMissingNccisCode({
        db,
        schoolIds: scope.schoolIds,
        today: todayInEngland(now()),
        pageSize,
        onPage: () => undefined,
      }),

    /**
     * Writes an export of the schools in scope to `out`, reading the rows a page at a time, and
     * records one `data.export` event per school with its row count (never the content) before
     * it ends `out`. A download that fails or is cut short is recorded too, with `complete: false`.
     */
    write: async (
      scope: Scope,
      request: ExportRequest,
      actor: string,
      out: Writable,
    ): Promise<ExportSummary> => {
      const info = EXPORT_KIND_INFO[request.kind]
      const summary: ExportSummary = { rows: 0, pages: 0 }
      const rowsBySchool = new Map<number, number>()
      const source: RowSource = {
        db,
        schoolIds: scope.schoolIds,
        today: todayInEngland(now()),
        pageSize,
        onPage: () => (summary.pages += 1),
      }

      async function* cells(): AsyncGenerator<Cell[]> {
        for await (const record of info.rows(source)) {
          summary.rows += 1
          rowsBySchool.set(record.schoolId, (rowsBySchool.get(record.schoolId) ?? 0) + 1)
          yield record.cells
        }
      }

      // The writers end the stream they write to, so they write to `file`, which is copied to
      // `out` without ending it. `out` ends only after the audit events are stored.
      const file = new PassThrough()
      const copied = pipeline(file, out, { end: false })
      // A failed writer rejects `copied` too; the writer's own error is the one raised.
      copied.catch(() => undefined)
      let complete = false
      try {
        if (request.format === 'csv') await writeCsv(info.columns, cells(), file)
        else await writeXlsx(info.sheetName, info.columns, cells(), file)
        await copied
        complete = true
      } finally {
        await recordExports(scope.schoolIds, rowsBySchool, { ...request, complete }, actor)
      }
      if (request.end !== false) {
        out.end()
        await finished(out)
      }
      return summary
    },
  }
}

export type ExportService = ReturnType<typeof createExportService>

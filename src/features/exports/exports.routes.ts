import { PassThrough } from 'node:stream'

import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { NotFoundError } from '../../web/errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import type { Scope } from '../students/student.service.js'
import {
  CONTENT_TYPES,
  EXPORT_KIND_INFO,
  EXPORT_KINDS,
  exportFileName,
  isExportFormat,
  isExportKind,
} from './export.kinds.js'
import type { ExportService } from './export.service.js'

// Decimal digits only, so `0x10` or `1e2` is an unknown school.
const schoolIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

/** The maximum number of students listed on the page whose destination needs an NCCIS code. */
const MISSING_CODES_SHOWN = 20

const FILE_PATTERN = /^([a-z-]+)\.([a-z]+)$/

type ExportQuery = { Querystring: { school?: string } }

/**
 * Returns the schools an export covers: the one chosen, or all of the user's schools where they
 * may export. A school outside them is not found, so no one learns that it exists.
 */
function chosenScope(request: FastifyRequest<ExportQuery>): { scope: Scope; school?: number } {
  const scope = requestScope(request)
  const raw = request.query.school
  if (raw === undefined || raw === '') return { scope }
  const id = schoolIdSchema.safeParse(raw)
  if (!id.success || !scope.schoolIds.includes(id.data)) throw new NotFoundError('School not found')
  return { scope: { schoolIds: [id.data] }, school: id.data }
}

/** Registers the exports page and the CSV and XLSX downloads of each kind. */
export async function registerExportRoutes(
  app: FastifyInstance,
  { exports }: { exports: ExportService },
) {
  const access = { config: { access: 'reports.export' as const } }

  app.get<ExportQuery>('/exports', access, async (request, reply) => {
    const { scope, school } = chosenScope(request)
    const missingNccisCode = await exports.studentsMissingNccisCode(scope)
    const schools = await exports.listSchools(requestScope(request))
    const query = school === undefined ? '' : `?school=${school}`
    const kinds = EXPORT_KINDS.map((kind) => ({
      ...EXPORT_KIND_INFO[kind],
      csvHref: `/exports/${kind}.csv${query}`,
      xlsxHref: `/exports/${kind}.xlsx${query}`,
    }))
    return reply.view('exports/views/exports.njk', {
      pageTitle: 'Export data',
      kinds,
      schools,
      schoolOptions: schools.map((option) => ({ value: option.id, text: option.name })),
      chosenSchool: school === undefined ? '' : String(school),
      chosenSchoolName: schools.find((option) => option.id === school)?.name,
      missingNccisCode: {
        count: missingNccisCode.length,
        listed: missingNccisCode.slice(0, MISSING_CODES_SHOWN),
      },
    })
  })

  app.get<ExportQuery & { Params: { file: string } }>(
    '/exports/:file',
    access,
    async (request, reply) => {
      const [, kind = '', format = ''] = FILE_PATTERN.exec(request.params.file) ?? []
      if (!isExportKind(kind) || !isExportFormat(format)) {
        throw new NotFoundError('Export not found')
      }
      const { scope } = chosenScope(request)

      const body = new PassThrough()
      const written = exports.write(scope, { kind, format }, requestUserName(request), body)
      written.catch((error: unknown) => {
        // The headers are sent by now, so the download ends early and the log keeps the cause.
        request.log.error({ err: error, kind, format }, 'Export failed')
        body.destroy(error instanceof Error ? error : new Error(String(error)))
      })

      const fileName = exportFileName(kind, format, todayInEngland())
      return reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .type(CONTENT_TYPES[format])
        .send(body)
    },
  )
}

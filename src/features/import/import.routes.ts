import { Readable } from 'node:stream'

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import type { AppConfig, AppServices } from '../../web/app.js'
import { NotFoundError } from '../../web/errors.js'
import { fieldError } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { Scope } from '../students/student.service.js'
import { openProblemsCsv } from './import.problems-csv.js'
import { completeContext, completeUrl, previewContext } from './import.view-model.js'
import { ImportFileError } from './import.types.js'
import { ImportPreviewError } from './import.service.js'
import { checkUploadForm, readUploadForm, uploadMessages } from './import.upload.js'
import type { UploadForm } from './import.upload.js'

type PreviewRequest = FastifyRequest<{ Params: { previewId: string } }>
type ImportRequest = FastifyRequest<{ Params: { importId: string } }>

const IMPORT_ID = /^[1-9][0-9]{0,15}$/

/** Registers the import pages: upload a register, check the preview, confirm it, see the result. */
export async function registerImportRoutes(
  app: FastifyInstance,
  services: AppServices,
  config: Pick<AppConfig, 'maxUploadBytes'>,
) {
  const { students, imports } = services

  async function renderUpload(
    reply: FastifyReply,
    scope: Scope,
    state: { errors?: FormErrors; answers?: Partial<UploadForm> } = {},
  ) {
    const schools = await students.listSchools(scope)
    const status = state.errors ? 400 : 200
    return reply.status(status).view('import/views/upload.njk', {
      pageTitle: 'Import a register',
      schools,
      schoolOptions: schools.map((school) => ({ value: school.id, text: school.name })),
      maxUploadMegabytes: Math.floor(config.maxUploadBytes / (1024 * 1024)),
      ...state,
    })
  }

  // Schools are set up with the users who work there (`send-careers user add --school`), so an
  // import only goes into a school where the user may import.
  function chooseSchool(form: UploadForm, scope: Scope): number | null {
    if (form.schoolId !== null)
      return scope.schoolIds.includes(form.schoolId) ? form.schoolId : null
    return scope.schoolIds.length === 1 ? (scope.schoolIds[0] ?? null) : null
  }

  app.get('/import', { config: { access: 'imports.run' } }, async (request, reply) => {
    return renderUpload(reply, requestScope(request))
  })

  app.post('/import', { config: { access: 'imports.run' } }, async (request, reply) => {
    const scope = requestScope(request)
    const form = await readUploadForm(request.body)
    const errors = checkUploadForm(form, scope.schoolIds.length)
    const answers = { schoolId: form.schoolId, partial: form.partial }
    const schoolId = errors.list.length === 0 ? chooseSchool(form, scope) : null
    if (!form.file || schoolId === null) {
      const pageErrors = errors.list.length ? errors : fieldError('school', uploadMessages.school)
      return renderUpload(reply, scope, { errors: pageErrors, answers })
    }

    try {
      const source = { fileName: form.file.name, stream: Readable.from(form.file.content) }
      const options = { maxBytes: config.maxUploadBytes, partial: form.partial }
      const preview = await imports.previewFile(schoolId, source, form.file.name, options)
      const logged = { previewId: preview.id, schoolId, partial: form.partial, ...preview.summary }
      request.log.info(logged, 'import previewed')
      return reply.redirect(`/import/${preview.id}`, 303)
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      // The message may quote the file's contents, so only the error's name is logged.
      request.log.info({ schoolId, error: error.name }, 'import file rejected')
      return renderUpload(reply, scope, { errors: fieldError('file', error.message), answers })
    }
  })

  // The counts come from the stored import record, so the address cannot change what the page shows.
  app.get(
    '/import/complete/:importId',
    { config: { access: 'imports.run' } },
    async (request: ImportRequest, reply) => {
      const scope = requestScope(request)
      const { importId } = request.params
      const record = IMPORT_ID.test(importId)
        ? await imports.getImport(Number(importId), scope)
        : null
      if (!record) throw new NotFoundError('Import not found')
      return reply.view('import/views/complete.njk', completeContext(record))
    },
  )

  app.get(
    '/import/:previewId/problems.csv',
    { config: { access: 'imports.run' } },
    async (request: PreviewRequest, reply) => {
      const scope = requestScope(request)
      try {
        const csv = await openProblemsCsv(imports, request.params.previewId, scope)
        const preview = await imports.getPreview(request.params.previewId, scope)
        if (preview) {
          const details = { file: 'import problems CSV', previewId: preview.id }
          await services.audit.recordExport(preview.schoolId, requestUserName(request), details)
        }
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="import-problems.csv"')
          .header('cache-control', 'no-store')
          .send(csv)
      } catch (error) {
        if (!(error instanceof ImportPreviewError)) throw error
        throw new NotFoundError('Import preview not found')
      }
    },
  )

  app.get(
    '/import/:previewId',
    { config: { access: 'imports.run' } },
    async (request: PreviewRequest, reply) => {
      const scope = requestScope(request)
      const preview = await imports.getPreview(request.params.previewId, scope)
      if (!preview) throw new NotFoundError('Import preview not found')
      const schools = await students.listSchools(scope)
      return reply.view('import/views/preview.njk', previewContext(preview, schools))
    },
  )

  app.post(
    '/import/:previewId',
    { config: { access: 'imports.run' } },
    async (request: PreviewRequest, reply) => {
      const scope = requestScope(request)
      try {
        const result = await imports.commit(
          request.params.previewId,
          scope,
          requestUserName(request),
        )
        request.log.info(
          { importId: result.importId, schoolId: result.schoolId },
          'import committed',
        )
        return reply.redirect(completeUrl(result.importId), 303)
      } catch (error) {
        if (!(error instanceof ImportPreviewError)) throw error
        request.log.info(
          { previewId: request.params.previewId, code: error.code },
          'import not committed',
        )
        return renderUpload(reply, scope, { errors: fieldError('file', error.message) })
      }
    },
  )
}

import { Readable } from 'node:stream'

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import type { AppConfig, AppServices } from '../../web/app.js'
import { NotFoundError } from '../../web/errors.js'
import { fieldError } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope } from '../../web/scope.js'
import type { Scope } from '../students/student.service.js'
import { completeQuerySchema, completeUrl, previewContext } from './import.view-model.js'
import { ImportFileError } from './import.types.js'
import { ImportPreviewError } from './import.service.js'
import { checkUploadForm, readUploadForm, uploadMessages } from './import.upload.js'
import type { UploadForm } from './import.upload.js'

type PreviewRequest = FastifyRequest<{ Params: { previewId: string } }>

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

  async function chooseSchool(form: UploadForm, scope: Scope): Promise<number | null> {
    if (form.schoolId !== null)
      return scope.schoolIds.includes(form.schoolId) ? form.schoolId : null
    if (scope.schoolIds.length === 1) return scope.schoolIds[0] ?? null
    // TODO: only an admin should create a school once accounts exist.
    return form.schoolName ? (await students.findOrCreateSchool(form.schoolName)).id : null
  }

  app.get('/import', async (request, reply) => {
    return renderUpload(reply, await requestScope(request, students))
  })

  app.post('/import', async (request, reply) => {
    const scope = await requestScope(request, students)
    const form = await readUploadForm(request.body)
    const errors = checkUploadForm(form, scope.schoolIds.length)
    const answers = { schoolId: form.schoolId, schoolName: form.schoolName }
    const schoolId = errors.list.length === 0 ? await chooseSchool(form, scope) : null
    if (!form.file || schoolId === null) {
      const pageErrors = errors.list.length ? errors : fieldError('school', uploadMessages.school)
      return renderUpload(reply, scope, { errors: pageErrors, answers })
    }

    try {
      const source = { fileName: form.file.name, stream: Readable.from(form.file.content) }
      const options = { maxBytes: config.maxUploadBytes }
      const preview = await imports.previewFile(schoolId, source, form.file.name, options)
      request.log.info({ previewId: preview.id, schoolId, ...preview.summary }, 'import previewed')
      return reply.redirect(`/import/${preview.id}`, 303)
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      // The message may quote the file's contents, so only the error's name is logged.
      request.log.info({ schoolId, error: error.name }, 'import file rejected')
      return renderUpload(reply, scope, { errors: fieldError('file', error.message), answers })
    }
  })

  app.get('/import/complete', (request, reply) => {
    const result = completeQuerySchema.parse(request.query ?? {})
    return reply.view('import/views/complete.njk', { pageTitle: 'Import complete', result })
  })

  app.get('/import/:previewId', async (request: PreviewRequest, reply) => {
    const scope = await requestScope(request, students)
    const preview = await imports.getPreview(request.params.previewId, scope)
    if (!preview) throw new NotFoundError('Import preview not found')
    const schools = await students.listSchools(scope)
    return reply.view('import/views/preview.njk', previewContext(preview, schools))
  })

  app.post('/import/:previewId', async (request: PreviewRequest, reply) => {
    const scope = await requestScope(request, students)
    try {
      const result = await imports.commit(request.params.previewId, scope)
      request.log.info({ importId: result.importId, schoolId: result.schoolId }, 'import committed')
      return reply.redirect(completeUrl(result), 303)
    } catch (error) {
      if (!(error instanceof ImportPreviewError)) throw error
      request.log.info(
        { previewId: request.params.previewId, code: error.code },
        'import not committed',
      )
      return renderUpload(reply, scope, { errors: fieldError('file', error.message) })
    }
  })
}

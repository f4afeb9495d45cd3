import { Readable } from 'node:stream'

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import type { AppConfig } from '../../../web/app.js'
import { NotFoundError } from '../../../web/errors.js'
import { fieldError } from '../../../web/form-errors.js'
import type { FormErrors } from '../../../web/form-errors.js'
import { requestScope, requestUserName } from '../../../web/scope.js'
import { ImportFileError } from '../../import/import.types.js'
import { checkUploadForm, readUploadForm, uploadMessages } from '../../import/import.upload.js'
import type { StudentService } from '../../students/student.service.js'
import type { Scope } from '../../students/student.service.js'
import { DestinationPreviewError } from './destination-import.service.js'
import type { DestinationImportService } from './destination-import.service.js'
import { previewPageContext } from './destination-import.view.js'

type PreviewRequest = FastifyRequest<{ Params: { previewId: string } }>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The upload form's messages, worded for a destinations file rather than a register. */
export const destinationUploadMessages = {
  ...uploadMessages,
  emptyFile: 'The selected file is empty. Export the destinations file again and upload it.',
}

const SAVED_MESSAGES: Record<string, string> = {
  committed: 'Destinations imported.',
  cancelled: 'Import cancelled. Nothing was written.',
}

/** Registers the destinations import: upload a file, check the preview, then import or cancel. */
export async function registerDestinationImportRoutes(
  app: FastifyInstance,
  services: { students: StudentService; destinationImports: DestinationImportService },
  config: Pick<AppConfig, 'maxUploadBytes'>,
) {
  const { students, destinationImports } = services
  const access = { config: { access: 'imports.run' as const } }

  async function renderUpload(
    reply: FastifyReply,
    scope: Scope,
    state: { errors?: FormErrors; answers?: { schoolId: number | null }; saved?: string } = {},
  ) {
    const schools = await students.listSchools(scope)
    return reply.status(state.errors ? 400 : 200).view('destinations/views/import-upload.njk', {
      pageTitle: 'Import destinations',
      schools,
      schoolOptions: schools.map((school) => ({ value: school.id, text: school.name })),
      maxUploadMegabytes: Math.floor(config.maxUploadBytes / (1024 * 1024)),
      savedMessage: state.saved ? SAVED_MESSAGES[state.saved] : undefined,
      ...state,
    })
  }

  function previewIdOf(request: PreviewRequest): string {
    const { previewId } = request.params
    if (!UUID.test(previewId)) throw new NotFoundError('Destinations preview not found')
    return previewId
  }

  app.get('/destinations/import', access, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const saved = typeof query.saved === 'string' ? query.saved : undefined
    return renderUpload(reply, requestScope(request), { saved })
  })

  app.post('/destinations/import', access, async (request, reply) => {
    const scope = requestScope(request)
    const form = await readUploadForm(request.body)
    const errors = checkUploadForm(form, scope.schoolIds.length, destinationUploadMessages)
    const answers = { schoolId: form.schoolId }
    const chosen =
      form.schoolId !== null
        ? scope.schoolIds.includes(form.schoolId)
          ? form.schoolId
          : null
        : scope.schoolIds.length === 1
          ? (scope.schoolIds[0] ?? null)
          : null
    const schoolId = errors.list.length === 0 ? chosen : null
    if (!form.file || schoolId === null) {
      const pageErrors = errors.list.length
        ? errors
        : fieldError('school', destinationUploadMessages.school)
      return renderUpload(reply, scope, { errors: pageErrors, answers })
    }

    try {
      const source = { fileName: form.file.name, stream: Readable.from(form.file.content) }
      const options = { maxBytes: config.maxUploadBytes, by: requestUserName(request) }
      const preview = await destinationImports.previewFile(schoolId, source, options)
      request.log.info({ previewId: preview.id, schoolId }, 'destinations import previewed')
      return reply.redirect(`/destinations/import/${preview.id}`, 303)
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      // The message may quote the file's contents, so only the error's name is logged.
      request.log.info({ schoolId, error: error.name }, 'destinations file rejected')
      return renderUpload(reply, scope, { errors: fieldError('file', error.message), answers })
    }
  })

  app.get('/destinations/import/:previewId', access, async (request: PreviewRequest, reply) => {
    const scope = requestScope(request)
    try {
      const preview = await destinationImports.getPreview(previewIdOf(request), scope)
      const schools = await students.listSchools(scope)
      const schoolName = schools.find((school) => school.id === preview.schoolId)?.name ?? ''
      return reply.view(
        'destinations/views/import-preview.njk',
        previewPageContext(preview, schoolName),
      )
    } catch (error) {
      if (!(error instanceof DestinationPreviewError)) throw error
      throw new NotFoundError(error.message)
    }
  })

  app.post(
    '/destinations/import/:previewId/commit',
    access,
    async (request: PreviewRequest, reply) => {
      const scope = requestScope(request)
      const previewId = previewIdOf(request)
      try {
        const result = await destinationImports.commit(previewId, scope, requestUserName(request))
        request.log.info(
          { schoolId: result.schoolId, written: result.written },
          'destinations imported',
        )
        return reply.redirect('/destinations/import?saved=committed', 303)
      } catch (error) {
        if (!(error instanceof DestinationPreviewError)) throw error
        request.log.info({ previewId, code: error.code }, 'destinations import not committed')
        return renderUpload(reply, scope, { errors: fieldError('file', error.message) })
      }
    },
  )

  app.post(
    '/destinations/import/:previewId/cancel',
    access,
    async (request: PreviewRequest, reply) => {
      try {
        await destinationImports.cancel(previewIdOf(request), requestScope(request))
      } catch (error) {
        if (!(error instanceof DestinationPreviewError)) throw error
        throw new NotFoundError(error.message)
      }
      return reply.redirect('/destinations/import?saved=cancelled', 303)
    },
  )
}

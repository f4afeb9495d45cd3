import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { AREAS_OF_NEED, areaName } from '../../domain/needs.js'
import type { AreaOfNeed } from '../../domain/types.js'
import { fieldError } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { StudentService } from '../students/student.service.js'
import type { NeedCodeService } from './need-code.service.js'

const AREA_IDS = AREAS_OF_NEED.map((area) => area.id) as [AreaOfNeed, ...AreaOfNeed[]]

const mapFormSchema = z.object({
  schoolId: z.coerce.number().int().positive(),
  code: z.string().trim().min(1).max(40),
  area: z.enum(AREA_IDS, { error: 'Select the area of need for this code' }),
})

const doneQuerySchema = z.object({
  mapped: z.string().max(40).optional().catch(undefined),
  school: z.coerce.number().int().positive().optional().catch(undefined),
})

interface PageState {
  errors?: FormErrors
  /** The code whose form was sent with an error, so its selection is kept. */
  failedCode?: string
}

/** Registers the page where staff map need codes that the census list lacks to an area of need. */
export async function registerNeedCodeRoutes(
  app: FastifyInstance,
  services: { students: StudentService; needCodes: NeedCodeService },
) {
  async function renderPage(request: FastifyRequest, reply: FastifyReply, state: PageState) {
    const scope = requestScope(request)
    const schools = await services.students.listSchools(scope)
    const codes = await services.needCodes.listLocalNeedCodes(scope)
    const done = doneQuerySchema.parse(request.query ?? {})
    // The banner states what is stored, so an edited address cannot show a mapping that is not.
    const mapped = codes.find(
      (use) => use.code === done.mapped && use.schoolId === done.school && use.area !== null,
    )

    return reply.status(state.errors ? 400 : 200).view('need-codes/views/index.njk', {
      pageTitle: 'Local need codes',
      errors: state.errors,
      failedCode: state.failedCode,
      showSchool: schools.length > 1,
      codes: codes.map((use) => ({
        ...use,
        schoolName: schools.find((school) => school.id === use.schoolId)?.name ?? '',
        areaName: use.area ? areaName(use.area) : null,
        formId: `area-${use.schoolId}-${use.code.replace(/[^A-Za-z0-9_-]/g, '_')}`,
      })),
      areaOptions: AREAS_OF_NEED.map((area) => ({ value: area.id, text: area.name })),
      done: mapped?.area ? { code: mapped.code, areaName: areaName(mapped.area) } : null,
    })
  }

  app.get('/need-codes', { config: { access: 'imports.run' } }, (request, reply) =>
    renderPage(request, reply, {}),
  )

  app.post('/need-codes', { config: { access: 'imports.run' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const parsed = mapFormSchema.safeParse(body)
    const code = typeof body.code === 'string' ? body.code.trim() : ''
    if (!parsed.success) {
      const errors = fieldError(formIdOf(body), 'Select the area of need for this code')
      return renderPage(request, reply, { errors, failedCode: code })
    }

    const scope = requestScope(request)
    const known = await services.needCodes.listLocalNeedCodes(scope)
    // Codes match whatever their case, as they do on import.
    const requestedCode = parsed.data.code.toUpperCase()
    const use = known.find(
      (c) => c.schoolId === parsed.data.schoolId && c.code.toUpperCase() === requestedCode,
    )
    if (!use) {
      const message = `No student in your schools has the need code "${parsed.data.code}". Reload the page and try again.`
      return renderPage(request, reply, { errors: fieldError('codes', message) })
    }

    const mapping = { code: use.code, area: parsed.data.area, description: null }
    const changed = await services.needCodes.mapNeedCode(
      use.schoolId,
      mapping,
      requestUserName(request),
    )
    request.log.info({ schoolId: use.schoolId, changed }, 'need code mapped')
    const query = new URLSearchParams({ mapped: use.code, school: String(use.schoolId) })
    return reply.redirect(`/need-codes?${query.toString()}`, 303)
  })
}

function formIdOf(body: Record<string, unknown>): string {
  const code = typeof body.code === 'string' ? body.code.trim() : ''
  return `area-${String(body.schoolId ?? '')}-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

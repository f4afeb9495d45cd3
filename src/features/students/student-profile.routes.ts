import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { NotFoundError } from '../../web/errors.js'
import { fieldError, toFormErrors } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestCan, requestScope, requestUserName } from '../../web/scope.js'
import { resolveReferenceDate, todayInEngland } from '../eligibility/reference-date.js'
import { recordStatuses } from './record-summary.view.js'
import { overrideSchema } from './student.service.js'
import type { StudentService } from './student.service.js'
import { profileContext } from './student-profile.view.js'

const MAX_PATHWAY_LENGTH = 200

// Decimal digits only, so `0x10` or `1e2` in an address is a missing page, not student 16 or 100.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
const pageQuerySchema = z.object({
  year: z.string().trim().max(20).optional().catch(undefined),
  saved: z
    .enum(['pathway', 'override', 'cleared', 'left', 'left-cleared'])
    .optional()
    .catch(undefined),
})
const pathwayFormSchema = z.object({
  pathway: z
    .string()
    .trim()
    .max(
      MAX_PATHWAY_LENGTH,
      `Qualification pathway must be ${MAX_PATHWAY_LENGTH} characters or fewer`,
    )
    .default(''),
})

type IdRequest = FastifyRequest<{ Params: { id: string } }>

function studentId(request: IdRequest): number {
  const parsed = idSchema.safeParse(request.params.id)
  if (!parsed.success) throw new NotFoundError('Student not found')
  return parsed.data
}

function bodyOf(request: FastifyRequest): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>
}

function yearOf(body: Record<string, unknown>): string | undefined {
  return typeof body.year === 'string' ? body.year : undefined
}

function profileUrl(id: number, year: string | undefined, saved: string): string {
  const params = new URLSearchParams({ saved })
  if (year?.trim()) params.set('year', year.trim())
  return `/students/${id}?${params.toString()}#${saved === 'pathway' ? 'pathway-form' : 'career-send-group'}`
}

// An invalid year is reported on the page, which then uses the default planning year.
function planningDate(year: string | undefined) {
  const chosen = resolveReferenceDate({ year: year || undefined })
  if (chosen.ok) return { referenceDate: chosen.value, yearErrors: undefined }

  const fallback = resolveReferenceDate({})
  if (!fallback.ok) throw new Error(`The default planning year failed: ${fallback.error}`)
  return { referenceDate: fallback.value, yearErrors: fieldError('year', chosen.error) }
}

interface ProfileForm {
  year?: string
  saved?: string
  errors?: FormErrors
  answers?: Record<string, string>
}

export async function registerStudentProfileRoutes(app: FastifyInstance, students: StudentService) {
  async function renderProfile(request: IdRequest, reply: FastifyReply, form: ProfileForm) {
    const scope = requestScope(request)
    const id = studentId(request)
    const detail = await students.viewStudent(scope, id, requestUserName(request))
    if (!detail) throw new NotFoundError('Student not found')
    const overrideHistory = await students.listOverrideHistory(scope, id)
    const today = todayInEngland()
    const summary = await students.readRecordSummary(scope, id, today)

    const { referenceDate, yearErrors } = planningDate(form.year)
    const errors = form.errors ?? yearErrors
    const yearAnswer = form.year ?? ''
    const state = { ...form, referenceDate, yearAnswer, errors, overrideHistory }
    const schoolId = detail.student.schoolId
    const context = {
      ...profileContext(detail, state),
      canEdit: requestCan(request, 'students.edit', schoolId),
      canPlan: requestCan(request, 'plans.edit', schoolId),
      canExport: requestCan(request, 'students.export', schoolId),
      canErase: requestCan(request, 'students.erase', schoolId),
      recordStatus: recordStatuses(summary, today),
    }
    // A rejected form is a 400. A mistyped planning year in the address is still a page view.
    return reply.status(form.errors ? 400 : 200).view('students/views/profile.njk', context)
  }

  app.get<{ Params: { id: string } }>(
    '/students/:id',
    { config: { access: 'students.view' } },
    (request, reply) => {
      return renderProfile(request, reply, pageQuerySchema.parse(request.query ?? {}))
    },
  )

  app.post<{ Params: { id: string } }>(
    '/students/:id/pathway',
    { config: { access: 'students.edit' } },
    async (request, reply) => {
      const id = studentId(request)
      const body = bodyOf(request)
      const parsed = pathwayFormSchema.safeParse(body)
      if (!parsed.success) {
        const answers = { pathway: String(body.pathway ?? '') }
        const errors = toFormErrors(parsed.error)
        return renderProfile(request, reply, { year: yearOf(body), errors, answers })
      }

      const scope = requestScope(request)
      const pathway = parsed.data.pathway || null
      const saved = await students.setPathway(scope, id, pathway, requestUserName(request))
      if (!saved) throw new NotFoundError('Student not found')
      return reply.redirect(profileUrl(id, yearOf(body), 'pathway'), 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/students/:id/override',
    { config: { access: 'students.edit' } },
    async (request, reply) => {
      const id = studentId(request)
      const body = bodyOf(request)
      const answers = { group: String(body.group ?? ''), reason: String(body.reason ?? '') }
      const parsed = overrideSchema.safeParse(body)
      if (!parsed.success) {
        const errors = toFormErrors(parsed.error)
        return renderProfile(request, reply, { year: yearOf(body), errors, answers })
      }

      const scope = requestScope(request)
      const result = await students.setOverride(scope, id, parsed.data, requestUserName(request))
      if (!result.ok && result.error.code === 'not_found')
        throw new NotFoundError('Student not found')
      if (!result.ok && result.error.code === 'invalid') {
        const errors = fieldError(result.error.field, result.error.message)
        return renderProfile(request, reply, { year: yearOf(body), errors, answers })
      }
      return reply.redirect(profileUrl(id, yearOf(body), 'override'), 303)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/students/:id/override/clear',
    { config: { access: 'students.edit' } },
    async (request, reply) => {
      const id = studentId(request)
      const scope = requestScope(request)
      const cleared = await students.clearOverride(scope, id, requestUserName(request))
      if (!cleared) throw new NotFoundError('Student not found')
      return reply.redirect(profileUrl(id, yearOf(bodyOf(request)), 'cleared'), 303)
    },
  )
}

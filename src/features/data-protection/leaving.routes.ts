import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'

import { toIsoDate } from '../../domain/calendar.js'
import { formatLongDate } from '../../domain/format.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { leavingMessages } from './leaving.service.js'
import type { DataProtectionRouteServices, IdRequest } from './route-helpers.js'
import { LEAVING_ACCESS, rowDisplayName, studentIdOf } from './route-helpers.js'

const PARTS = ['day', 'month', 'year'] as const
type DatePart = (typeof PARTS)[number]

const leavingFormSchema = z.object({
  'left-on-day': z.string().trim().default(''),
  'left-on-month': z.string().trim().default(''),
  'left-on-year': z.string().trim().default(''),
})

/** Builds one error for the whole date input, linked from the summary to its first box with a problem. */
function dateError(text: string, part: DatePart = 'day'): FormErrors {
  return { list: [{ href: `#left-on-${part}`, text }], byField: { 'left-on': { text } } }
}

/**
 * Reads the day, month and year boxes into an ISO date. Returns the date, or the GOV.UK-style
 * message for a missing part or a date that does not exist.
 */
export function readLeavingDate(
  parts: Record<DatePart, string>,
): { ok: true; date: string } | { ok: false; errors: FormErrors } {
  const missing = PARTS.filter((part) => parts[part] === '')
  if (missing.length === PARTS.length) {
    return { ok: false, errors: dateError('Enter the date the student left') }
  }
  if (missing.length > 0) {
    const text = `Date the student left must include a ${missing.join(' and ')}`
    return { ok: false, errors: dateError(text, missing[0]) }
  }
  if (!/^\d{4}$/.test(parts.year)) {
    return { ok: false, errors: dateError('Year must include 4 numbers', 'year') }
  }
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month)) {
    return { ok: false, errors: dateError(leavingMessages.invalid) }
  }
  const date = toIsoDate({
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
  })
  return { ok: true, date }
}

interface LeavingForm {
  errors?: FormErrors
  answers?: Record<DatePart, string>
}

/** Registers the page that records, changes or clears the date a student left the school. */
export async function registerLeavingRoutes(
  app: FastifyInstance,
  { dataProtection }: DataProtectionRouteServices,
) {
  const config = { access: LEAVING_ACCESS }

  async function renderForm(request: IdRequest, reply: FastifyReply, form: LeavingForm) {
    const scope = requestScope(request)
    const student = await dataProtection.findStudentRow(scope, studentIdOf(request))
    if (!student) throw new NotFoundError('Student not found')

    return reply.status(form.errors ? 400 : 200).view('data-protection/views/leaving.njk', {
      pageTitle: 'Date the student left',
      studentId: student.id,
      studentName: rowDisplayName(student),
      leftOn: student.left_on ? formatLongDate(student.left_on) : null,
      errors: form.errors,
      answers: form.answers ?? { day: '', month: '', year: '' },
    })
  }

  app.get<{ Params: { id: string } }>('/students/:id/left', { config }, (request, reply) =>
    renderForm(request, reply, {}),
  )

  app.post<{ Params: { id: string } }>('/students/:id/left', { config }, async (request, reply) => {
    const id = studentIdOf(request)
    const body = leavingFormSchema.parse(request.body ?? {})
    const answers = {
      day: body['left-on-day'],
      month: body['left-on-month'],
      year: body['left-on-year'],
    }
    const read = readLeavingDate(answers)
    if (!read.ok) return renderForm(request, reply, { errors: read.errors, answers })

    const scope = requestScope(request)
    const result = await dataProtection.setLeftOn(scope, id, read.date, requestUserName(request))
    if (!result.ok && result.error.code === 'not_found')
      throw new NotFoundError('Student not found')
    if (!result.ok)
      return renderForm(request, reply, { errors: dateError(result.error.message), answers })
    return reply.redirect(`/students/${id}?saved=left`, 303)
  })

  app.post<{ Params: { id: string } }>(
    '/students/:id/left/clear',
    { config },
    async (request, reply) => {
      const id = studentIdOf(request)
      const scope = requestScope(request)
      const result = await dataProtection.setLeftOn(scope, id, null, requestUserName(request))
      if (!result.ok) throw new NotFoundError('Student not found')
      return reply.redirect(`/students/${id}?saved=left-cleared`, 303)
    },
  )
}

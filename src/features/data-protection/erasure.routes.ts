import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'

import type { StudentRow } from '../../db/tables.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { confirmsStudent, erasureMessages, erasureReasonSchema } from './erasure.service.js'
import type { DataProtectionRouteServices, IdRequest } from './route-helpers.js'
import { ERASURE_ACCESS, rowDisplayName, studentIdOf } from './route-helpers.js'

const erasureFormSchema = z.object({
  reason: z.string().default(''),
  confirmation: z.string().default(''),
})

type ErasureAnswers = z.infer<typeof erasureFormSchema>

/** Checks the reason and the typed confirmation together, so every error shows at once. */
function erasureFormErrors(student: StudentRow, answers: ErasureAnswers): FormErrors | null {
  const errors: FormErrors = { list: [], byField: {} }
  const add = (field: string, text: string) => {
    errors.list.push({ href: `#${field}`, text })
    errors.byField[field] = { text }
  }

  const reason = erasureReasonSchema.safeParse(answers.reason)
  if (!reason.success)
    add('reason', reason.error.issues[0]?.message ?? erasureMessages.reasonMissing)
  if (answers.confirmation.trim() === '') add('confirmation', erasureMessages.confirmationMissing)
  else if (!confirmsStudent(student, answers.confirmation))
    add('confirmation', erasureMessages.confirmationWrong)
  return errors.list.length > 0 ? errors : null
}

/** Registers the page that erases a student's record for a stated reason. */
export async function registerErasureRoutes(
  app: FastifyInstance,
  { dataProtection }: DataProtectionRouteServices,
) {
  const config = { access: ERASURE_ACCESS }

  async function findStudent(request: IdRequest) {
    const scope = requestScope(request)
    const student = await dataProtection.findStudentRow(scope, studentIdOf(request))
    if (!student) throw new NotFoundError('Student not found')
    return { scope, student }
  }

  function renderForm(
    reply: FastifyReply,
    student: StudentRow,
    form: { errors?: FormErrors; answers?: ErasureAnswers },
  ) {
    return reply.status(form.errors ? 400 : 200).view('data-protection/views/erase.njk', {
      pageTitle: 'Erase this student’s record',
      studentId: student.id,
      studentName: rowDisplayName(student),
      hasUpn: student.upn !== null,
      errors: form.errors,
      answers: form.answers ?? { reason: '', confirmation: '' },
    })
  }

  app.get<{ Params: { id: string } }>('/students/:id/erase', { config }, async (request, reply) => {
    const { student } = await findStudent(request)
    return renderForm(reply, student, {})
  })

  app.post<{ Params: { id: string } }>(
    '/students/:id/erase',
    { config },
    async (request, reply) => {
      const { scope, student } = await findStudent(request)
      const answers = erasureFormSchema.parse(request.body ?? {})
      const errors = erasureFormErrors(student, answers)
      if (errors) return renderForm(reply, student, { errors, answers })

      const result = await dataProtection.erase(
        scope,
        student.id,
        answers.reason,
        requestUserName(request),
      )
      if (!result.ok) throw new NotFoundError('Student not found')
      // The log keeps ids and counts only: the reason and the student's details stay out of it.
      request.log.info(
        { schoolId: result.value.schoolId, ...result.value.deleted },
        'student erased',
      )
      return reply.redirect('/students?erased=1', 303)
    },
  )
}

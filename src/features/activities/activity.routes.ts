import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'

import { isPlanned } from '../../domain/careers-activities.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestCan, requestScope, requestUserName } from '../../web/scope.js'
import { activitySummary, groupText, yearGroupText } from './activities.view-model.js'
import type { Activity } from './activity.js'
import {
  answersFrom,
  inFormOrder,
  problemsToErrors,
  readActivityInput,
  readAnswers,
} from './activity.form.js'
import type { ActivityAnswers } from './activity.form.js'
import { activityFormContext } from './activity.form-view.js'
import type { ActivityService } from './activity.service.js'
import { registerDeleteRoutes } from './delete.routes.js'
import { registerParticipantRoutes } from './participant.routes.js'
import {
  EDIT_ACCESS,
  fieldProblems,
  idParam,
  versionField,
  VIEW_ACCESS,
  withDateProblem,
} from './route-helpers.js'
import type { ActivityRequest } from './route-helpers.js'

const savedSchema = z.object({
  saved: z.enum(['recorded', 'changed', 'student', 'added', 'removed']).optional().catch(undefined),
})

const addFormSchema = z.object({ student: z.string().default('') })

interface EditForm {
  answers?: ActivityAnswers
  errors?: FormErrors
  /** The activity as another person saved it, shown beside the answers after a conflict. */
  conflict?: Activity
}

/** Registers the page of one activity, its edit form and the form that adds a student. */
export async function registerActivityRoutes(app: FastifyInstance, activities: ActivityService) {
  async function loadActivity(request: ActivityRequest) {
    const id = idParam(request.params.id, 'Activity')
    const detail = await activities.getActivity(requestScope(request), id)
    if (!detail) throw new NotFoundError('Activity not found')
    return detail
  }

  async function renderActivity(
    request: ActivityRequest,
    reply: FastifyReply,
    form: { errors?: FormErrors; student?: string } = {},
  ) {
    const { activity, participants } = await loadActivity(request)
    const { saved } = savedSchema.parse(request.query ?? {})
    const canEdit = requestCan(request, EDIT_ACCESS, activity.schoolId)
    const onActivity = new Set(participants.map((participant) => participant.id))
    const others = canEdit
      ? (await activities.chooserOptions(requestScope(request), activity.schoolId)).students.filter(
          (student) => !onActivity.has(student.id),
        )
      : []
    return reply.status(form.errors ? 400 : 200).view('activities/views/activity.njk', {
      pageTitle: activity.title,
      activity,
      summary: activitySummary(activity),
      planned: isPlanned(activity.heldOn, activities.today()),
      saved,
      canEdit,
      errors: form.errors,
      studentAnswer: form.student ?? '',
      participants: participants.map((participant) => ({
        ...participant,
        yearGroup: yearGroupText(participant.yearGroup),
        group: groupText(participant.group),
      })),
      others: others.map((student) => ({
        value: student.id,
        text: `${student.name}, ${yearGroupText(student.yearGroup)}`,
      })),
    })
  }

  async function renderEdit(request: ActivityRequest, reply: FastifyReply, form: EditForm) {
    const { activity } = await loadActivity(request)
    const answers = form.answers ?? answersFrom(activity)
    let status = form.errors ? 400 : 200
    if (form.conflict) status = 409
    return reply.status(status).view('activities/views/form.njk', {
      ...activityFormContext(answers, form.errors),
      pageTitle: 'Change the activity',
      action: `/activities/${activity.id}`,
      activity,
      conflict: form.conflict ? activitySummary(form.conflict) : undefined,
      conflictTitle: form.conflict?.title,
    })
  }

  app.get<{ Params: { id: string } }>(
    '/activities/:id',
    { config: { access: VIEW_ACCESS } },
    (request, reply) => renderActivity(request, reply),
  )

  app.get<{ Params: { id: string } }>(
    '/activities/:id/edit',
    { config: { access: EDIT_ACCESS } },
    (request, reply) => renderEdit(request, reply, {}),
  )

  app.post<{ Params: { id: string } }>(
    '/activities/:id',
    { config: { access: EDIT_ACCESS } },
    async (request, reply) => {
      const id = idParam(request.params.id, 'Activity')
      const answers = readAnswers(request.body)
      const { input, dateProblem } = readActivityInput(answers)
      const rejected = (problems: Parameters<typeof inFormOrder>[0], conflict?: Activity) =>
        renderEdit(request, reply, {
          answers: conflict ? { ...answers, version: String(conflict.version) } : answers,
          errors: problemsToErrors(inFormOrder(problems), dateProblem?.part),
          conflict,
        })
      if (dateProblem) {
        await loadActivity(request)
        return rejected(fieldProblems(input, dateProblem.problem))
      }

      const version = versionField(answers.version)
      const scope = requestScope(request)
      const by = requestUserName(request)
      const result = await activities.changeActivity(scope, id, version, input, by)
      if (result.ok) return reply.redirect(`/activities/${id}?saved=changed`, 303)
      if (result.error.code === 'not_found') throw new NotFoundError('Activity not found')
      if (result.error.code === 'invalid') {
        return rejected(withDateProblem(result.error.problems, null))
      }
      const message = result.error.message
      return rejected([{ field: 'title', message }], result.error.current)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/activities/:id/students',
    { config: { access: EDIT_ACCESS } },
    async (request, reply) => {
      const id = idParam(request.params.id, 'Activity')
      const { student } = addFormSchema.parse(request.body ?? {})
      if (!/^\d{1,10}$/.test(student)) {
        const problems = [{ field: 'student' as const, message: 'Select a student to add' }]
        return renderActivity(request, reply, { errors: problemsToErrors(problems), student })
      }

      const scope = requestScope(request)
      const by = requestUserName(request)
      const result = await activities.addStudent(scope, id, Number(student), by)
      if (result.ok) return reply.redirect(`/activities/${id}?saved=added#students`, 303)
      if (result.error.code !== 'invalid') throw new NotFoundError('Activity not found')
      return renderActivity(request, reply, {
        errors: problemsToErrors(result.error.problems),
        student,
      })
    },
  )

  await registerParticipantRoutes(app, activities)
  await registerDeleteRoutes(app, activities)
}

import type { FastifyInstance, FastifyReply } from 'fastify'

import { formatLongDate } from '../../domain/format.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { problemsToErrors } from './activity.form.js'
import type { ActivityService } from './activity.service.js'
import { EDIT_ACCESS, idParam } from './route-helpers.js'
import type { ParticipantRequest } from './route-helpers.js'

type Params = { Params: { id: string; studentId: string } }

function textField(body: unknown, name: string): string {
  const value = (body ?? {}) as Record<string, unknown>
  return typeof value[name] === 'string' ? value[name] : ''
}

/** Registers the forms for one student on an activity: their own part, and taking them off it. */
export async function registerParticipantRoutes(app: FastifyInstance, activities: ActivityService) {
  async function loadParticipant(request: ParticipantRequest) {
    const activityId = idParam(request.params.id, 'Activity')
    const studentId = idParam(request.params.studentId, 'Student')
    const detail = await activities.getActivity(requestScope(request), activityId)
    const participant = detail?.participants.find((candidate) => candidate.id === studentId)
    if (!detail || !participant) throw new NotFoundError('Student not found on this activity')
    return { activity: detail.activity, participant, count: detail.participants.length }
  }

  async function renderPart(
    request: ParticipantRequest,
    reply: FastifyReply,
    form: { errors?: FormErrors; answers?: { studentAdjustments: string; reflection: string } },
  ) {
    const { activity, participant } = await loadParticipant(request)
    return reply.status(form.errors ? 400 : 200).view('activities/views/student-part.njk', {
      pageTitle: `${participant.name} on this activity`,
      activity,
      heldOn: formatLongDate(activity.heldOn),
      participant,
      errors: form.errors,
      answers: form.answers ?? {
        studentAdjustments: participant.adjustments ?? '',
        reflection: participant.reflection ?? '',
      },
    })
  }

  async function renderRemove(
    request: ParticipantRequest,
    reply: FastifyReply,
    errors?: FormErrors,
  ) {
    const { activity, participant, count } = await loadParticipant(request)
    return reply.status(errors ? 400 : 200).view('activities/views/remove.njk', {
      pageTitle: `Remove ${participant.name} from this activity?`,
      activity,
      heldOn: formatLongDate(activity.heldOn),
      participant,
      onlyStudent: count === 1,
      errors,
    })
  }

  const config = { access: EDIT_ACCESS }
  const partUrl = '/activities/:id/students/:studentId'

  app.get<Params>(partUrl, { config }, (request, reply) => renderPart(request, reply, {}))

  app.post<Params>(partUrl, { config }, async (request, reply) => {
    const activityId = idParam(request.params.id, 'Activity')
    const studentId = idParam(request.params.studentId, 'Student')
    const answers = {
      studentAdjustments: textField(request.body, 'studentAdjustments'),
      reflection: textField(request.body, 'reflection'),
    }
    const input = { adjustments: answers.studentAdjustments, reflection: answers.reflection }
    const by = requestUserName(request)
    const result = await activities.changeStudentPart(
      requestScope(request),
      activityId,
      studentId,
      input,
      by,
    )
    if (result.ok) return reply.redirect(`/activities/${activityId}?saved=student#students`, 303)
    if (result.error.code !== 'invalid')
      throw new NotFoundError('Student not found on this activity')
    return renderPart(request, reply, { errors: problemsToErrors(result.error.problems), answers })
  })

  app.get<Params>(`${partUrl}/remove`, { config }, (request, reply) => renderRemove(request, reply))

  app.post<Params>(`${partUrl}/remove`, { config }, async (request, reply) => {
    const activityId = idParam(request.params.id, 'Activity')
    const studentId = idParam(request.params.studentId, 'Student')
    const by = requestUserName(request)
    const result = await activities.removeStudent(requestScope(request), activityId, studentId, by)
    if (result.ok) return reply.redirect(`/activities/${activityId}?saved=removed#students`, 303)
    if (result.error.code !== 'invalid')
      throw new NotFoundError('Student not found on this activity')
    return renderRemove(request, reply, problemsToErrors(result.error.problems))
  })
}

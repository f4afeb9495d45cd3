import type { FastifyInstance, FastifyReply } from 'fastify'

import { formatLongDate } from '../../domain/format.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { Participant } from './activity.js'
import { problemsToErrors } from './activity.form.js'
import type { ActivityService } from './activity.service.js'
import { EDIT_ACCESS, idParam, versionField } from './route-helpers.js'
import type { ParticipantRequest } from './route-helpers.js'

type Params = { Params: { id: string; studentId: string } }

interface PartAnswers {
  studentAdjustments: string
  reflection: string
  version: string
}

interface PartForm {
  errors?: FormErrors
  answers?: PartAnswers
  /** The student's part as someone else saved it, shown beside the answers after a conflict. */
  conflict?: Participant
}

function textField(body: unknown, name: string): string {
  const value = (body ?? {}) as Record<string, unknown>
  return typeof value[name] === 'string' ? value[name] : ''
}

/** Builds the errors of a conflict: one summary line linking to the saved values. */
function conflictErrors(message: string): FormErrors {
  return { list: [{ href: '#saved-version', text: message }], byField: {} }
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

  function statusOf(form: { errors?: FormErrors; conflict?: Participant }): number {
    if (form.conflict) return 409
    return form.errors ? 400 : 200
  }

  async function renderPart(request: ParticipantRequest, reply: FastifyReply, form: PartForm) {
    const { activity, participant } = await loadParticipant(request)
    const answers = form.answers ?? {
      studentAdjustments: participant.adjustments ?? '',
      reflection: participant.reflection ?? '',
      version: String(participant.version),
    }
    return reply.status(statusOf(form)).view('activities/views/student-part.njk', {
      pageTitle: `${participant.name} on this activity`,
      activity,
      heldOn: formatLongDate(activity.heldOn),
      participant,
      errors: form.errors,
      // After a conflict the form carries the version now stored, so saving again overwrites it.
      answers: form.conflict ? { ...answers, version: String(form.conflict.version) } : answers,
      conflict: form.conflict,
    })
  }

  async function renderRemove(
    request: ParticipantRequest,
    reply: FastifyReply,
    form: { errors?: FormErrors; conflict?: Participant } = {},
  ) {
    const { activity, participant, count } = await loadParticipant(request)
    return reply.status(statusOf(form)).view('activities/views/remove.njk', {
      pageTitle: `Remove ${participant.name} from this activity?`,
      activity,
      heldOn: formatLongDate(activity.heldOn),
      participant,
      onlyStudent: count === 1,
      errors: form.errors,
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
      version: textField(request.body, 'version'),
    }
    const input = { adjustments: answers.studentAdjustments, reflection: answers.reflection }
    const result = await activities.changeStudentPart(
      requestScope(request),
      activityId,
      studentId,
      versionField(answers.version),
      input,
      requestUserName(request),
    )
    if (result.ok) return reply.redirect(`/activities/${activityId}?saved=student#students`, 303)
    if (result.error.code === 'not_found') {
      throw new NotFoundError('Student not found on this activity')
    }
    if (result.error.code === 'conflict') {
      const { message, current } = result.error
      return renderPart(request, reply, {
        errors: conflictErrors(message),
        answers,
        conflict: current,
      })
    }
    return renderPart(request, reply, { errors: problemsToErrors(result.error.problems), answers })
  })

  app.get<Params>(`${partUrl}/remove`, { config }, (request, reply) => renderRemove(request, reply))

  app.post<Params>(`${partUrl}/remove`, { config }, async (request, reply) => {
    const activityId = idParam(request.params.id, 'Activity')
    const studentId = idParam(request.params.studentId, 'Student')
    const version = versionField(textField(request.body, 'version'))
    const by = requestUserName(request)
    const scope = requestScope(request)
    const result = await activities.removeStudent(scope, activityId, studentId, version, by)
    if (result.ok) return reply.redirect(`/activities/${activityId}?saved=removed#students`, 303)
    if (result.error.code === 'not_found') {
      throw new NotFoundError('Student not found on this activity')
    }
    if (result.error.code === 'conflict') {
      return renderRemove(request, reply, {
        errors: conflictErrors(result.error.message),
        conflict: result.error.current,
      })
    }
    return renderRemove(request, reply, { errors: problemsToErrors(result.error.problems) })
  })
}

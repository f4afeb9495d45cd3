import type { FastifyInstance, FastifyReply } from 'fastify'

import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { activitySummary } from './activities.view-model.js'
import { partsStamp } from './activity.js'
import type { ActivityDetail } from './activity.reads.js'
import type { ActivityService } from './activity.service.js'
import { EDIT_ACCESS, idParam, versionField } from './route-helpers.js'
import type { ActivityRequest } from './route-helpers.js'

function textField(body: unknown, name: string): string {
  const value = (body ?? {}) as Record<string, unknown>
  return typeof value[name] === 'string' ? value[name] : ''
}

/** Registers the confirm page and the form that delete a whole activity recorded by mistake. */
export async function registerDeleteRoutes(app: FastifyInstance, activities: ActivityService) {
  async function renderConfirm(
    request: ActivityRequest,
    reply: FastifyReply,
    form: { errors?: FormErrors } = {},
  ) {
    const id = idParam(request.params.id, 'Activity')
    const detail: ActivityDetail | null = await activities.getActivity(requestScope(request), id)
    if (!detail) throw new NotFoundError('Activity not found')
    const { activity, participants } = detail
    const withPart = participants.filter(
      (participant) => participant.adjustments !== null || participant.reflection !== null,
    )
    // The page is shown again after a conflict with the values now stored, so it is a 409 then.
    return reply.status(form.errors ? 409 : 200).view('activities/views/delete.njk', {
      pageTitle: `Delete “${activity.title}”?`,
      activity,
      summary: activitySummary(activity),
      participants,
      withPart,
      parts: partsStamp(participants),
      errors: form.errors,
    })
  }

  const config = { access: EDIT_ACCESS }

  app.get<{ Params: { id: string } }>('/activities/:id/delete', { config }, (request, reply) =>
    renderConfirm(request, reply),
  )

  app.post<{ Params: { id: string } }>(
    '/activities/:id/delete',
    { config },
    async (request, reply) => {
      const id = idParam(request.params.id, 'Activity')
      const expected = {
        version: versionField(textField(request.body, 'version')),
        parts: textField(request.body, 'parts'),
      }
      const scope = requestScope(request)
      const result = await activities.deleteActivity(scope, id, expected, requestUserName(request))
      if (result.ok) {
        const { schoolId, count } = result.value
        return reply.redirect(`/activities?school=${schoolId}&deleted=${count}`, 303)
      }
      if (result.error.code === 'conflict') {
        const message = result.error.message
        const errors = { list: [{ href: '#saved-version', text: message }], byField: {} }
        return renderConfirm(request, reply, { errors })
      }
      throw new NotFoundError('Activity not found')
    },
  )
}

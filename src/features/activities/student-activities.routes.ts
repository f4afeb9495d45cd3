import type { FastifyInstance } from 'fastify'

import { formatLongDate } from '../../domain/format.js'
import { NotFoundError } from '../../web/errors.js'
import { requestCan, requestScope } from '../../web/scope.js'
import {
  benchmarkWording,
  kindLabel,
  studentCoverageRows,
  yearGroupText,
} from './activities.view-model.js'
import type { ActivityService } from './activity.service.js'
import { EDIT_ACCESS, idParam, VIEW_ACCESS } from './route-helpers.js'

/** Registers the page of one student's careers activities and their benchmark coverage. */
export async function registerStudentActivityRoutes(
  app: FastifyInstance,
  activities: ActivityService,
) {
  app.get<{ Params: { id: string } }>(
    '/students/:id/activities',
    { config: { access: VIEW_ACCESS } },
    async (request, reply) => {
      const id = idParam(request.params.id, 'Student')
      const found = await activities.studentActivities(requestScope(request), id)
      if (!found) throw new NotFoundError('Student not found')

      const { student } = found
      const canEdit = requestCan(request, EDIT_ACCESS, student.schoolId)
      // A student who has left cannot be ticked on the form, so the button is only for current ones.
      const recordHref =
        canEdit && student.leftOn === null
          ? `/activities/new?school=${student.schoolId}&student=${student.id}`
          : undefined
      return reply.view('activities/views/student.njk', {
        pageTitle: `Careers activities of ${student.name}`,
        student,
        yearGroup: yearGroupText(student.yearGroup),
        recordHref,
        coverage: studentCoverageRows(found.coverage, activities.today()),
        rows: found.activities.map((activity) => ({
          id: activity.id,
          title: activity.title,
          kind: kindLabel(activity.kind),
          heldOn: formatLongDate(activity.heldOn),
          planned: activity.planned,
          benchmark: benchmarkWording(activity.benchmark, activity.heldOn),
          adjustments: activity.studentAdjustments,
          reflection: activity.reflection,
        })),
      })
    },
  )
}

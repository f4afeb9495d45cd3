import type { FastifyInstance } from 'fastify'

import type { AppServices } from './app.js'
import { schoolCounts } from './home.view-model.js'
import { requestCan, requestScope } from './scope.js'

/** Registers the start page, which links every journey and offers a school choice when there are several. */
export async function registerHomeRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/', { config: { access: 'reports.view' } }, async (request, reply) => {
    const scope = requestScope(request)
    const schools = await services.students.listSchools(scope)
    const namesAllowed = (schoolId: number) => requestCan(request, 'students.view', schoolId)
    const studentSchools = schools.filter((school) => namesAllowed(school.id))
    const counts = schoolCounts(schools, await services.students.countByGroup(scope), namesAllowed)
    return reply.view('home.njk', {
      pageTitle: 'Plan careers for students with SEND',
      schools: studentSchools,
      schoolOptions: studentSchools.map((school) => ({ value: school.id, text: school.name })),
      counts,
      suppressed: counts.some((row) => row.suppressed),
    })
  })
}

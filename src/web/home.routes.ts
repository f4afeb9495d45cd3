import type { FastifyInstance } from 'fastify'

import type { AppServices } from './app.js'
import { requestScope } from './scope.js'

/** Registers the start page, which links every journey and offers a school choice when there are several. */
export async function registerHomeRoutes(app: FastifyInstance, services: AppServices) {
  app.get('/', { config: { access: 'reports.view' } }, async (request, reply) => {
    const scope = requestScope(request)
    const schools = await services.students.listSchools(scope)
    const schoolOptions = schools.map((school) => ({ value: school.id, text: school.name }))
    return reply.view('home.njk', {
      pageTitle: 'Plan careers for students with SEND',
      schools,
      schoolOptions,
    })
  })
}

import type { FastifyInstance, FastifyReply } from 'fastify'

import { NotFoundError } from '../../web/errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { DataProtectionRouteServices, IdRequest } from './route-helpers.js'
import { SUBJECT_ACCESS_ACCESS, studentIdOf } from './route-helpers.js'
import type { SubjectAccessFormat } from './subject-access.service.js'
import { subjectAccessSections } from './subject-access.view.js'

/** Registers the subject access export of one student, as a page and as a JSON download. */
export async function registerSubjectAccessRoutes(
  app: FastifyInstance,
  { dataProtection }: DataProtectionRouteServices,
) {
  async function exportOf(request: IdRequest, reply: FastifyReply, format: SubjectAccessFormat) {
    const id = studentIdOf(request)
    const scope = requestScope(request)
    const record = await dataProtection.exportStudent(scope, id, requestUserName(request), format)
    if (!record) throw new NotFoundError('Student not found')
    // A copy of a whole record must not stay in a shared browser's or proxy's cache.
    reply.header('cache-control', 'no-store')
    return record
  }

  app.get<{ Params: { id: string } }>(
    '/students/:id/subject-access',
    { config: { access: SUBJECT_ACCESS_ACCESS } },
    async (request, reply) => {
      const record = await exportOf(request, reply, 'html')
      return reply.view('data-protection/views/subject-access.njk', {
        pageTitle: 'Subject access export',
        studentId: record.studentId,
        sections: subjectAccessSections(record),
      })
    },
  )

  app.get<{ Params: { id: string } }>(
    '/students/:id/subject-access.json',
    { config: { access: SUBJECT_ACCESS_ACCESS } },
    async (request, reply) => {
      const record = await exportOf(request, reply, 'json')
      const fileName = `subject-access-student-${record.studentId}.json`
      return reply
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(record, null, 2))
    },
  )
}

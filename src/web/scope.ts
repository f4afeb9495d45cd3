import type { FastifyRequest } from 'fastify'

import type { Scope, StudentService } from '../features/students/student.service.js'

// TODO: return the signed-in user's schools once accounts exist. Until then every request can read
// every school, which is why the server only listens on a loopback address.
/** Returns the schools whose students this request may read and change. */
export async function requestScope(
  _request: FastifyRequest,
  students: StudentService,
): Promise<Scope> {
  const schools = await students.listSchools('all')
  return { schoolIds: schools.map((school) => school.id) }
}

// NOTE: a fixed name until sign-in exists, so the audit trail shows the page made the change.
/** Returns the name recorded as the author of a change made through this request. */
export function requestUserName(_request: FastifyRequest): string {
  return 'web user'
}

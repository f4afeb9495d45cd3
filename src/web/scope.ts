import type { FastifyRequest } from 'fastify'

import { roleHas } from '../features/accounts/permissions.js'
import type { Permission } from '../features/accounts/permissions.js'
import type { Scope } from '../features/students/student.service.js'

/**
 * Returns the schools where the signed-in user holds the permission the route names. The session
 * hook has refused the request before the route runs when there are none.
 */
export function requestScope(request: FastifyRequest): Scope {
  if (!request.scope) {
    throw new Error(`Route ${request.routeOptions.url ?? ''} has no permission, so it has no scope`)
  }
  return request.scope
}

/** Returns the name recorded in the audit trail as the author of this request's changes. */
export function requestUserName(request: FastifyRequest): string {
  return request.auth?.user.email ?? 'anonymous'
}

/** True when the signed-in user holds a permission at this school, for buttons and forms. */
export function requestCan(request: FastifyRequest, permission: Permission, schoolId: number) {
  const role = request.auth?.user.schoolRoles.get(schoolId)
  return role !== undefined && roleHas(role, permission)
}

import type { FastifyInstance } from 'fastify'

import { registerErasureRoutes } from './erasure.routes.js'
import { registerLeavingRoutes } from './leaving.routes.js'
import type { DataProtectionRouteServices } from './route-helpers.js'
import { registerSubjectAccessRoutes } from './subject-access.routes.js'

/** Registers the leaving date, subject access and erasure pages of a student. */
export async function registerDataProtectionRoutes(
  app: FastifyInstance,
  services: DataProtectionRouteServices,
) {
  await registerLeavingRoutes(app, services)
  await registerSubjectAccessRoutes(app, services)
  await registerErasureRoutes(app, services)
}

import type { Access } from '../features/accounts/permissions.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route asks of the request. The access hook refuses a route that names none. */
    access?: Access
  }
}

export type { Access }

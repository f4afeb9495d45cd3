import type { AddressInfo } from 'node:net'

import type { Database } from '../../src/db/connection.js'
import { openTestDatabase } from '../../src/db/test-database.js'
import { createServices } from '../../src/services.js'
import type { Services } from '../../src/services.js'
import { buildApp } from '../../src/web/app.js'
import { createTestUser, testConfig } from '../../src/web/testing/test-app.js'
import type { TestUser } from '../../src/web/testing/test-app.js'

export interface RunningServer {
  baseUrl: string
  /** An administrator, who signs in with a password and a code from an authenticator app. */
  admin: TestUser
  /** A careers leader, who signs in with a password and a code from an authenticator app. */
  careersLeader: TestUser
  /** A member of staff, who may see students but not import. */
  staff: TestUser
  /** A SENCO who has not set up an authenticator app yet. */
  newSenco: TestUser
  /** The database the server uses, for tests that seed rows directly. */
  database: Database
  /** The services the server uses, for tests that seed records through them. */
  services: Services
  /** The school where every test user has a role. */
  schoolId: number
  /** Every route the app registered, with its method, URL pattern and permission. */
  routes: { method: string; url: string; access: string }[]
  stop(): Promise<void>
}

/** Starts the app on a free port of 127.0.0.1 with a fresh, migrated database of the test engine. */
export async function startServer(): Promise<RunningServer> {
  const database = await openTestDatabase()
  const services = createServices(database)
  const app = await buildApp({ config: testConfig, services, logger: false })
  const school = await services.students.findOrCreateSchool('Oak Hill School')
  const careersLeader = await createTestUser(services, {
    role: 'careers_leader',
    schoolId: school.id,
  })
  const staff = await createTestUser(services, { role: 'staff', schoolId: school.id })
  const newSenco = await createTestUser(services, {
    role: 'senco',
    schoolId: school.id,
    mfa: false,
  })
  const admin = await createTestUser(services, { role: 'admin', schoolId: school.id })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo

  async function stop() {
    await app.close()
    await database.close()
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    admin,
    careersLeader,
    staff,
    newSenco,
    database,
    services,
    schoolId: school.id,
    routes: app.routeAccess,
    stop,
  }
}

import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { openDatabase } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { createServices } from '../../src/services.js'
import { buildApp } from '../../src/web/app.js'
import { testConfig } from '../../src/web/testing/test-app.js'

export interface RunningServer {
  baseUrl: string
  stop(): Promise<void>
}

/** Starts the app on a free port of 127.0.0.1 with a fresh, migrated SQLite file. */
export async function startServer(): Promise<RunningServer> {
  const folder = await mkdtemp(join(tmpdir(), 'send-careers-e2e-'))
  const database = openDatabase(`sqlite:${join(folder, 'e2e.db')}`)
  await migrateToLatest(database.db)
  const app = await buildApp({
    config: testConfig,
    services: createServices(database),
    logger: false,
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo

  async function stop() {
    await app.close()
    await database.close()
    await rm(folder, { recursive: true, force: true })
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop }
}

import { pathToFileURL } from 'node:url'
import { ConfigError, loadConfig, type Config } from './config.js'
import { connectDatabase, DatabaseConnectionError, describeDatabaseUrl } from './db/connection.js'
import { migrateToLatest } from './db/migrate.js'
import { createServices } from './services.js'
import { buildApp } from './web/app.js'

/** Opens the database, migrates it, and serves the web app until SIGINT or SIGTERM. */
export async function startServer(config: Config): Promise<void> {
  const database = await connectDatabase(config.databaseUrl, {
    poolSize: config.databasePoolSize,
  })
  await migrateToLatest(database.db)
  const app = await buildApp({
    config,
    services: createServices(database, { sessions: config.sessions }),
  })

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping')
    await app.close()
    await database.close()
  }
  process.once('SIGINT', (signal) => void stop(signal))
  process.once('SIGTERM', (signal) => void stop(signal))

  const address = await listen(app, config).catch(async (error: unknown) => {
    await database.close()
    throw error
  })
  const shown = address.replace('127.0.0.1', 'localhost')
  console.log(
    `send-careers is running at ${shown} (database: ${describeDatabaseUrl(config.databaseUrl)})`,
  )
  console.log('Press Ctrl+C to stop.')
}

/** Listens on the configured host and port. A port in use becomes a ConfigError that names the fix. */
async function listen(app: Awaited<ReturnType<typeof buildApp>>, config: Config): Promise<string> {
  try {
    return await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    await app.close()
    throw new ConfigError(
      `Port ${config.port} on ${config.host} is already in use, perhaps by another copy of ` +
        `send-careers. Stop it, or choose another port, for example PORT=${config.port + 1}.`,
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await startServer(loadConfig())
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof DatabaseConnectionError)) throw error
    console.error(`Error: ${error.message}`)
    process.exitCode = 2
  }
}

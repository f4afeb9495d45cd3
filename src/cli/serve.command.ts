import type { Command } from 'commander'
import { loadConfig } from '../config.js'
import { startServer } from '../server.js'

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web server (HOST, PORT and DATABASE_URL configure it)')
    .action(async () => {
      await startServer(loadConfig())
    })
}

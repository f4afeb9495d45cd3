import { CommanderError } from 'commander'
import { ConfigError } from '../config.js'
import { DatabaseConnectionError } from '../db/connection.js'
import { ImportFileError } from '../features/import/import.types.js'
import { CommandError } from './context.js'
import { buildProgram } from './program.js'

const program = buildProgram()

// A reader that stops early, such as `| head`, closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
  process.exit(process.exitCode ?? 0)
})

try {
  await program.parseAsync(process.argv)
} catch (error) {
  process.exitCode = exitCodeFor(error)
}

function exitCodeFor(error: unknown): number {
  // Help and the version exit 0. Any other commander error is a mistake in the command: 2.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
  if (error instanceof CommandError) {
    console.error(`Error: ${error.message}`)
    return error.exitCode
  }
  if (
    error instanceof ImportFileError ||
    error instanceof ConfigError ||
    error instanceof DatabaseConnectionError
  ) {
    console.error(`Error: ${error.message}`)
    return 2
  }
  console.error(error)
  return 1
}

import { Command, CommanderError } from 'commander'
import { ConfigError } from '../config.js'
import { ImportFileError } from '../features/import/import.types.js'
import { registerAuditCommand } from './audit.command.js'
import { CommandError } from './context.js'
import { registerDemoCommand } from './demo.command.js'
import { registerEligibilityCommand } from './eligibility.command.js'
import { registerEraseCommand } from './erase.command.js'
import { registerImportCommand } from './import.command.js'
import { registerLeftCommand } from './left.command.js'
import { registerNeedCodesCommand } from './need-codes.command.js'
import { registerRetentionCommand } from './retention.command.js'
import { registerServeCommand } from './serve.command.js'
import { registerStudentsCommand } from './students.command.js'
import { registerSubjectAccessCommand } from './subject-access.command.js'

const program = new Command('send-careers')
  .description('Careers planning for students with SEND. DATABASE_URL chooses the database.')
  .showHelpAfterError()
  .exitOverride()
  // Options after a subcommand's name are its own, so `students left UPN --school X` reaches left.
  .enablePositionalOptions()

registerImportCommand(program)
registerLeftCommand(registerStudentsCommand(program))
registerEligibilityCommand(program)
registerNeedCodesCommand(program)
registerDemoCommand(program)
registerServeCommand(program)
registerAuditCommand(program)
registerSubjectAccessCommand(program)
registerEraseCommand(program)
registerRetentionCommand(program)

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
  if (error instanceof ImportFileError || error instanceof ConfigError) {
    console.error(`Error: ${error.message}`)
    return 2
  }
  console.error(error)
  return 1
}

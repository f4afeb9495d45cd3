import { Command } from 'commander'
import { registerAuditCommand } from './audit.command.js'
import { registerDemoCommand } from './demo.command.js'
import { registerEligibilityCommand } from './eligibility.command.js'
import { registerImportCommand } from './import.command.js'
import { registerNeedCodesCommand } from './need-codes.command.js'
import { registerServeCommand } from './serve.command.js'
import { registerStudentsCommand } from './students.command.js'
import { registerSchoolCommand } from './school.command.js'
import { registerUserCommand } from './user.command.js'

/** Builds the command line with every command registered. main.ts runs it. */
export function buildProgram(): Command {
  const program = new Command('send-careers')
    .description('Careers planning for students with SEND. DATABASE_URL chooses the database.')
    .showHelpAfterError()
    .exitOverride()

  registerImportCommand(program)
  registerStudentsCommand(program)
  registerEligibilityCommand(program)
  registerNeedCodesCommand(program)
  registerDemoCommand(program)
  registerServeCommand(program)
  registerAuditCommand(program)
  registerUserCommand(program)
  registerSchoolCommand(program)
  return program
}

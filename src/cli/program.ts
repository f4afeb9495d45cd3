import { Command } from 'commander'
import { registerAuditCommand } from './audit.command.js'
import { registerEraseCommand } from './erase.command.js'
import { registerLeftCommand } from './left.command.js'
import { registerMigrateCommand } from './migrate.command.js'
import { registerRetentionCommand } from './retention.command.js'
import { registerSubjectAccessCommand } from './subject-access.command.js'
import { registerDemoCommand } from './demo.command.js'
import { registerDestinationsCommand } from './destinations.command.js'
import { registerEligibilityCommand } from './eligibility.command.js'
import { registerExportCommand } from './export.command.js'
import { registerImportCommand } from './import.command.js'
import { registerBackupCommand } from './backup.command.js'
import { registerCopyCommand } from './copy.command.js'
import { registerNeedCodesCommand } from './need-codes.command.js'
import { registerPlanCommand } from './plan.command.js'
import { registerReportCommand } from './report.command.js'
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
  registerUserCommand(program)
  registerSchoolCommand(program)
  registerPlanCommand(program)
  registerDestinationsCommand(program)
  registerExportCommand(program)
  registerReportCommand(program)
  registerMigrateCommand(program)
  registerCopyCommand(program)
  registerBackupCommand(program)
  return program
}

import type { Command } from 'commander'
import type { Permission } from '../features/accounts/permissions.js'
import { CommandError, withServices } from './context.js'
import { findStudentByUpn, lookupScope } from './student-lookup.js'

export const ERASE_PERMISSION: Permission = 'students.erase'

interface EraseOptions {
  reason: string
  school?: string
}

export function registerEraseCommand(program: Command): void {
  program
    .command('erase')
    .description(
      "erase a student's record and redact the audit events about them; cannot be undone",
    )
    .argument('<upn>', "the student's unique pupil number")
    .requiredOption(
      '--reason <text>',
      'why the record is erased, kept in the audit trail; do not include names or other personal details',
    )
    .option('--school <name>', 'the school whose student this is, when several have the UPN')
    .action((upn: string, options: EraseOptions) => eraseStudent(upn, options))
}

async function eraseStudent(upn: string, options: EraseOptions): Promise<void> {
  await withServices('erase', async (context) => {
    const { services, actor } = context
    const scope = lookupScope(context, options.school)
    const student = await findStudentByUpn(services, scope, upn)
    const result = await services.dataProtection.erase(scope, student.id, options.reason, actor)
    if (!result.ok) throw new CommandError(`--reason: ${result.error.message}`)

    const { deleted, redactedAuditEvents } = result.value
    console.log(
      `Erased the record of ${student.upn ?? 'the student'}: ${deleted.group_override_history + deleted.group_overrides} ` +
        `override rows and ${deleted.import_preview_rows} staged import rows deleted, ` +
        `${redactedAuditEvents} audit events redacted.`,
    )
  })
}

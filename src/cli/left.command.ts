import type { Command } from 'commander'
import { parseCalendarDate } from '../domain/dates.js'
import { formatLongDate } from '../domain/format.js'
import type { Permission } from '../features/accounts/permissions.js'
import { CommandError, withServices } from './context.js'
import { findStudentByUpn, lookupScope } from './student-lookup.js'

export const LEFT_PERMISSION: Permission = 'students.edit'

interface LeftOptions {
  date?: string
  clear?: boolean
  school?: string
}

/** Registers `students left UPN`, which records or clears the date a student left the school. */
export function registerLeftCommand(students: Command): void {
  students
    .command('left')
    .description('record the date a student left the school, which retention counts from')
    .argument('<upn>', "the student's unique pupil number")
    .option('--date <date>', 'the date the student left (YYYY-MM-DD or DD/MM/YYYY)')
    .option('--clear', 'remove the leaving date, for a student who did not leave or came back')
    .option('--school <name>', 'the school whose student this is, when several have the UPN')
    .action((upn: string, options: LeftOptions) => recordLeaving(upn, options))
}

function leavingDateOf(options: LeftOptions): string | null {
  if (options.clear && options.date !== undefined) {
    throw new CommandError('Give --date or --clear, not both.')
  }
  if (options.clear) return null
  if (options.date === undefined) {
    throw new CommandError(
      '--date is missing. Give the date the student left, such as --date 2026-07-17.',
    )
  }
  const date = parseCalendarDate(options.date)
  if (!date.ok) throw new CommandError(`--date: ${date.error}`)
  return date.value
}

async function recordLeaving(upn: string, options: LeftOptions): Promise<void> {
  const leftOn = leavingDateOf(options)

  await withServices('students left', async (context) => {
    const { services, actor } = context
    const scope = lookupScope(context, options.school)
    const student = await findStudentByUpn(services, scope, upn)
    const result = await services.dataProtection.setLeftOn(scope, student.id, leftOn, actor)
    if (!result.ok) throw new CommandError(result.error.message)

    const upnText = student.upn ?? ''
    console.log(
      leftOn
        ? `${upnText}: left on ${formatLongDate(leftOn)}.`
        : `${upnText}: leaving date cleared.`,
    )
  })
}

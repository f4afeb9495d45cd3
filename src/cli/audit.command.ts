import type { Command } from 'commander'
import type { AuditAction, AuditQuery } from '../features/audit/audit.repository.js'
import { parseCalendarDate } from '../domain/dates.js'
import { parseUpn } from '../domain/upn.js'
import { CommandError, withServices } from './context.js'
import { parseFormat } from './options.js'

const ACTIONS: AuditAction[] = [
  'student.view',
  'student.pathway',
  'student.override.set',
  'student.override.remove',
  'import.commit',
  'need_code.map',
  'student.left',
  'student.export',
  'student.erase',
  'student.pseudonymise',
]

interface AuditOptions {
  student?: string
  actor?: string
  action?: string
  from?: string
  to?: string
  limit: string
  format: string
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('search the audit trail of who read or changed which student, newest first')
    .option('--student <upn>', "only events about this student's record")
    .option('--actor <name>', 'only events by this person, as the trail names them')
    .option('--action <action>', `only this action: ${ACTIONS.join(', ')}`)
    .option('--from <date>', 'only events on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only events before this date (YYYY-MM-DD)')
    .option('--limit <number>', 'the most events to list, up to 1000', '100')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((options: AuditOptions) => searchAudit(options))
}

async function searchAudit(options: AuditOptions): Promise<void> {
  const format = parseFormat(options.format)
  const query = toQuery(options)

  await withServices(async ({ services }) => {
    const schools = await services.students.listSchools('all')
    const scope = { schoolIds: schools.map((school) => school.id) }
    if (options.student !== undefined) {
      const [student] = await services.students.findByUpn(scope, parseUpnOption(options.student))
      if (!student) throw new CommandError(`No student has UPN ${options.student.trim()}.`)
      query.studentId = student.student.id
    }
    const events = await services.audit.search(scope, query)

    if (format === 'json') {
      console.log(JSON.stringify(events, null, 2))
      return
    }
    if (events.length === 0) console.log('No audit events match.')
    for (const event of events) {
      const about = event.studentId === null ? '' : ` student ${event.studentId}`
      console.log(
        `${event.at}  ${event.actor}  ${event.action}${about}  ${JSON.stringify(event.details)}`,
      )
    }
  })
}

function toQuery(options: AuditOptions): AuditQuery {
  const limit = Number(options.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new CommandError(
      `--limit "${options.limit}" is not valid. Give a whole number from 1 to 1000.`,
    )
  }
  if (options.action !== undefined && !ACTIONS.includes(options.action as AuditAction)) {
    throw new CommandError(
      `--action "${options.action}" is not valid. Use one of: ${ACTIONS.join(', ')}.`,
    )
  }
  return {
    limit,
    actor: options.actor,
    action: options.action as AuditAction | undefined,
    from: options.from === undefined ? undefined : parseDateOption('--from', options.from),
    to: options.to === undefined ? undefined : parseDateOption('--to', options.to),
  }
}

function parseDateOption(option: string, value: string): string {
  const date = parseCalendarDate(value)
  if (!date.ok) throw new CommandError(`${option}: ${date.error}`)
  return date.value
}

function parseUpnOption(value: string): string {
  const upn = parseUpn(value)
  if (!upn.ok) throw new CommandError(`--student: ${upn.error}`)
  return upn.value.upn
}

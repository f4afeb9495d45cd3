import type { Command } from 'commander'
import { findOutcome } from '../domain/catalogue.js'
import { evaluateEligibility } from '../domain/eligibility.js'
import { formatLongDate } from '../domain/format.js'
import { parseUpn } from '../domain/upn.js'
import type { OutcomeEligibility } from '../domain/types.js'
import { resolveReferenceDate, type ReferenceDate } from '../features/eligibility/reference-date.js'
import { toStudentFacts } from '../features/students/student.grouping.js'
import { CommandError, withServices } from './context.js'
import { parseFormat } from './options.js'
import { studentAsJson, type StudentView } from './student.output.js'

interface EligibilityOptions {
  year?: string
  date?: string
  format: string
}

export function registerEligibilityCommand(program: Command): void {
  program
    .command('eligibility')
    .description("show every positive career outcome with each student's eligibility")
    .argument('<upn...>', 'one or more unique pupil numbers')
    .option(
      '--year <year>',
      'the academic year being planned, such as 2026/27 (default: the next one to start)',
    )
    .option('--date <date>', 'a planned start date (YYYY-MM-DD), used in place of --year')
    .option(
      '--format <format>',
      'output format: text, or json (an array with one entry per UPN)',
      'text',
    )
    .action((upns: string[], options: EligibilityOptions) => showEligibility(upns, options))
}

async function showEligibility(rawUpns: string[], options: EligibilityOptions): Promise<void> {
  const format = parseFormat(options.format)
  const upns = rawUpns.map(parseUpnArgument)
  const resolved = resolveReferenceDate(options)
  if (!resolved.ok) throw new CommandError(resolved.error)
  const reference = resolved.value

  await withServices('eligibility', async ({ services, scope, actor }) => {
    const results = []
    for (const upn of upns) {
      const views = await services.students.findByUpn(scope, upn)
      if (views.length === 0) {
        throw new CommandError(
          `No student has UPN ${upn}. Check the UPN, or import the register first.`,
        )
      }
      for (const view of views) {
        await services.audit.recordView(view.student, actor)
        const facts = toStudentFacts(view.student)
        const group = view.assignment.group
        const outcomes = evaluateEligibility({ facts, group, referenceDate: reference.date })
        results.push({ view, outcomes })
      }
    }

    if (format === 'json') {
      const json = results.map(({ view, outcomes }) => ({
        student: studentAsJson(view),
        referenceDate: reference.date,
        academicYear: reference.academicYear,
        outcomes,
      }))
      console.log(JSON.stringify(json, null, 2))
      return
    }
    for (const { view, outcomes } of results) printEligibility(view, outcomes, reference)
  })
}

function parseUpnArgument(raw: string): string {
  const upn = parseUpn(raw)
  if (!upn.ok) throw new CommandError(upn.error)
  return upn.value.upn
}

function printEligibility(
  view: StudentView,
  outcomes: OutcomeEligibility[],
  reference: ReferenceDate,
): void {
  const { student, assignment } = view
  console.log(`\n${student.legalForename} ${student.legalSurname} (${student.upn})`)
  console.log(assignment.explanation.join(' '))
  console.log(`Eligibility on ${formatLongDate(reference.date)} (${reference.description}):\n`)
  for (const outcome of outcomes) {
    const title = findOutcome(outcome.outcomeId)?.title ?? outcome.outcomeId
    console.log(`${verdictText(outcome.verdict).padEnd(13)} ${title}`)
    for (const reason of outcome.reasons) console.log(`${' '.repeat(14)}${reason}`)
  }
}

function verdictText(verdict: string): string {
  if (verdict === 'eligible') return 'Eligible'
  if (verdict === 'check') return 'Check'
  return 'Not eligible'
}

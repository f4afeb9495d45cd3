import type { Command } from 'commander'

import { formatLongDate } from '../domain/format.js'
import { escapeControlCharacters } from '../domain/text.js'
import { resolveReferenceDate, todayInEngland } from '../features/eligibility/reference-date.js'
import { planAsJson } from '../features/plans/plan.json.js'
import type { PlanJson } from '../features/plans/plan.json.js'
import { CommandError, withServices } from './context.js'
import { parseFormat } from './options.js'
import { findStudentByUpn, lookupScope } from './student-lookup.js'

interface PlanShowOptions {
  school?: string
  year?: string
  format: string
}

/** Registers `plan show UPN`, which prints a student's career plan. */
export function registerPlanCommand(program: Command): void {
  const plan = program.command('plan').description("read students' career plans")
  plan
    .command('show')
    .description('show a student’s career plan, with the eligibility of each target outcome')
    .argument('<upn>', "the student's unique pupil number")
    .option('--school <name>', 'the school whose student this is, when several have the UPN')
    .option(
      '--year <year>',
      'the planning year for targets with no planned start, such as 2026/27 (default: the next one to start)',
    )
    .option('--format <format>', 'output format: text or json', 'text')
    .action((upn: string, options: PlanShowOptions) => showPlan(upn, options))
}

async function showPlan(upn: string, options: PlanShowOptions): Promise<void> {
  const format = parseFormat(options.format)
  // The pages read an empty year as the default, but an empty --year is a mistake in a command.
  if (options.year?.trim() === '') {
    throw new CommandError(
      '--year: Academic year "" is empty. Give it in the form 2026/27, or leave out --year for the next one to start.',
    )
  }
  const planningYear = resolveReferenceDate({ year: options.year })
  if (!planningYear.ok) throw new CommandError(`--year: ${planningYear.error}`)

  await withServices('plan show', async (context) => {
    const { services, actor } = context
    const scope = lookupScope(context, options.school)
    const student = await findStudentByUpn(services, scope, upn)
    const detail = await services.plans.viewPlan(scope, student.id, actor)
    if (!detail)
      throw new CommandError(`No student has UPN ${upn}. Check the UPN and the --school name.`)

    const json = planAsJson(detail, planningYear.value, todayInEngland())
    if (format === 'json') {
      printLine(JSON.stringify(json, null, 2))
      return
    }
    printPlan(json)
  })
}

// Stored text may contain control characters typed before forms rejected them, so every line is
// escaped before it reaches the terminal.
function printLine(text = ''): void {
  console.log(escapeControlCharacters(text))
}

function optionalDate(date: string | null, none: string): string {
  return date ? formatLongDate(date) : none
}

function printPlan(plan: PlanJson): void {
  const { student } = plan
  printLine(
    `${student.name} (${student.upn ?? 'no UPN'}), Year ${student.ncYear ?? 'not recorded'}, ${student.groupLabel}`,
  )
  printLine(
    `Career plan version ${plan.planVersion}${plan.updatedBy ? `, last changed by ${plan.updatedBy}` : ''}`,
  )
  if (plan.preparingForAdulthood.reviewsMustCoverAllAreas) {
    const missing = plan.preparingForAdulthood.areasWithoutGoal
    printLine('Reviews must cover the four Preparing for Adulthood areas.')
    if (missing.length > 0) printLine(`Areas with no goal yet: ${missing.join(', ')}.`)
  }

  printLine('\nAspirations')
  if (plan.aspirations.length === 0) printLine('  None recorded')
  for (const item of plan.aspirations) {
    printLine(`  "${item.words}" (${item.gatheredHowLabel}, ${formatLongDate(item.recordedOn)})`)
  }

  printLine('\nGoals')
  if (plan.goals.length === 0) printLine('  None recorded')
  for (const item of plan.goals)
    printLine(`  ${item.areaLabel}: ${item.goal} (${item.statusLabel})`)

  printLine('\nTarget outcomes')
  if (plan.targets.length === 0) printLine('  None chosen')
  for (const item of plan.targets) {
    const { eligibility } = item
    const verdict = verdictText(eligibility.verdict)
    printLine(
      `  ${item.rank}. ${item.title}: ${verdict} on ${formatLongDate(eligibility.referenceDate)} (${eligibility.description})`,
    )
    for (const reason of eligibility.reasons) printLine(`     ${reason}`)
  }

  printLine('\nActions')
  if (plan.actions.length === 0) printLine('  None recorded')
  for (const item of plan.actions) {
    const due = optionalDate(item.dueOn, 'no date')
    printLine(
      `  ${item.what}: ${item.who}, by ${due}, ${item.statusLabel}${item.overdue ? ', overdue' : ''}`,
    )
  }

  printLine('\nReviews')
  if (plan.reviews.length === 0) printLine('  None recorded')
  for (const item of plan.reviews) {
    const next = optionalDate(item.nextReviewOn, 'not set')
    printLine(
      `  ${formatLongDate(item.heldOn)}, ${item.kindLabel}: ${item.summary} (next review ${next})`,
    )
  }
}

function verdictText(verdict: string | null): string {
  if (verdict === 'eligible') return 'Eligible'
  if (verdict === 'check') return 'Check'
  if (verdict === 'not_eligible') return 'Not eligible'
  return 'Not in the catalogue'
}

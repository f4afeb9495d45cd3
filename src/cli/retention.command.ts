import type { Command } from 'commander'
import type { Permission } from '../features/accounts/permissions.js'
import type {
  RetentionCandidate,
  RetentionOutcome,
  RetentionPlan,
} from '../features/data-protection/retention.service.js'
import { withServices } from './context.js'
import { parseFormat } from './options.js'
import { lookupScope } from './student-lookup.js'

export const RETENTION_PERMISSION: Permission = 'students.erase'

interface RetentionOptions {
  dryRun?: boolean
  school?: string
  format: string
}

export function registerRetentionCommand(program: Command): void {
  program
    .command('retention')
    .description(
      'pseudonymise and erase the records of students who left, by RETENTION_YEARS and PSEUDONYMISE_AFTER_YEARS',
    )
    .option('--dry-run', 'list what would be pseudonymised and erased, and change nothing')
    .option('--school <name>', 'only this school (default: every school)')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((options: RetentionOptions) => runRetention(options))
}

async function runRetention(options: RetentionOptions): Promise<void> {
  const format = parseFormat(options.format)

  await withServices('retention', async (context) => {
    const { config, services, actor } = context
    const scope = lookupScope(context, options.school)
    const rules = {
      retentionYears: config.retentionYears,
      pseudonymiseAfterYears: config.pseudonymiseAfterYears,
    }
    const result = options.dryRun
      ? await services.dataProtection.planRetention(scope, rules)
      : await services.dataProtection.applyRetention(scope, rules, actor)

    if (format === 'json') {
      console.log(JSON.stringify(retentionJson(result, options.dryRun === true), null, 2))
      return
    }
    printRetention(result, options.dryRun === true)
  })
}

function isOutcome(result: RetentionPlan | RetentionOutcome): result is RetentionOutcome {
  return 'erased' in result
}

/** Converts a plan or its outcome to JSON with counts, UPNs and years left, nothing else personal. */
function retentionJson(result: RetentionPlan | RetentionOutcome, dryRun: boolean) {
  const list = (candidates: RetentionCandidate[]) => ({
    count: candidates.length,
    students: candidates.map(({ studentId, upn, yearLeft }) => ({ studentId, upn, yearLeft })),
  })
  return {
    dryRun,
    today: result.today,
    retentionYears: result.rules.retentionYears,
    pseudonymiseAfterYears: result.rules.pseudonymiseAfterYears,
    erase: list(result.erase),
    pseudonymise: list(result.pseudonymise),
    ...(isOutcome(result) ? { erased: result.erased, pseudonymised: result.pseudonymised } : {}),
  }
}

function printRetention(result: RetentionPlan | RetentionOutcome, dryRun: boolean): void {
  const { retentionYears, pseudonymiseAfterYears } = result.rules
  const pseudonymiseRule =
    pseudonymiseAfterYears === null
      ? 'pseudonymisation is off'
      : `pseudonymise ${pseudonymiseAfterYears} years after leaving`
  console.log(
    `Rules on ${result.today}: erase ${retentionYears} years after leaving; ${pseudonymiseRule}.`,
  )

  printCandidates(dryRun ? 'To erase' : 'Erased', result.erase)
  if (pseudonymiseAfterYears !== null) {
    printCandidates(dryRun ? 'To pseudonymise' : 'Pseudonymised', result.pseudonymise)
  }

  if (dryRun) console.log('\nDry run: nothing was changed. Run again without --dry-run to apply.')
  else if (isOutcome(result)) {
    console.log(`\nErased ${result.erased} and pseudonymised ${result.pseudonymised} records.`)
  }
}

function printCandidates(heading: string, candidates: RetentionCandidate[]): void {
  console.log(`\n${heading}: ${candidates.length}`)
  for (const candidate of candidates) {
    const who = candidate.upn ?? `record ${candidate.studentId} (pseudonymised)`
    console.log(`  ${who.padEnd(30)} left in ${candidate.yearLeft}`)
  }
}

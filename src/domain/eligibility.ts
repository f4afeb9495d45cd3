// Eligibility of a student for each positive career outcome on a reference date. A failed hard
// condition (an age range, a required EHC plan) gives not_eligible, and a soft one gives check.
import { ageOn } from './age.js'
import { OUTCOME_CATALOGUE, type OutcomeCatalogue, type OutcomeDefinition } from './catalogue.js'
import {
  ageFindings,
  durationFindings,
  planFindings,
  schoolAgeFindings,
  type Finding,
} from './eligibility-rules.js'
import { formatLongDate } from './format.js'
import type {
  CareerSendGroup,
  IsoDate,
  OutcomeEligibility,
  StudentFacts,
  Verdict,
} from './types.js'

export interface EligibilityInput {
  facts: StudentFacts
  group: CareerSendGroup | null
  referenceDate: IsoDate
  catalogue?: OutcomeCatalogue
}

/** Evaluates every outcome of both groups, the student's own group first, catalogue order within a group. */
export function evaluateEligibility(input: EligibilityInput): OutcomeEligibility[] {
  const { facts, group, referenceDate } = input
  const catalogue = input.catalogue ?? OUTCOME_CATALOGUE
  const ordered = [...catalogue.outcomes].sort(
    (a, b) => ownGroupFirst(a.group, group) - ownGroupFirst(b.group, group),
  )
  // A reference date before birth would otherwise give a negative age in every reason.
  if (referenceDate < facts.dateOfBirth) {
    return ordered.map((outcome) => notBornResult(outcome, referenceDate))
  }
  const age = ageOn(facts.dateOfBirth, referenceDate)
  return ordered.map((outcome) => evaluateOutcome(outcome, facts, age, referenceDate))
}

function notBornResult(outcome: OutcomeDefinition, referenceDate: IsoDate): OutcomeEligibility {
  const reason =
    `The student is not born on ${formatLongDate(referenceDate)}. ` +
    'Check the date of birth, and the planning year or planned start date.'
  return {
    outcomeId: outcome.id,
    group: outcome.group,
    verdict: 'not_eligible',
    reasons: [reason],
    referenceDate,
  }
}

function ownGroupFirst(
  outcomeGroup: CareerSendGroup,
  studentGroup: CareerSendGroup | null,
): number {
  return studentGroup === null || outcomeGroup === studentGroup ? 0 : 1
}

function evaluateOutcome(
  outcome: OutcomeDefinition,
  facts: StudentFacts,
  age: number,
  referenceDate: IsoDate,
): OutcomeEligibility {
  const context = { outcome, facts, age, referenceDate, onText: formatLongDate(referenceDate) }
  const findings: Finding[] = [
    ...ageFindings(context),
    ...schoolAgeFindings(context),
    ...planFindings(context),
    ...withdrawalFindings(outcome, referenceDate),
    ...durationFindings(context),
  ]
  const verdict = verdictOf(findings)
  const reasons = reasonsFor(verdict, findings)
  return { outcomeId: outcome.id, group: outcome.group, verdict, reasons, referenceDate }
}

function withdrawalFindings(outcome: OutcomeDefinition, referenceDate: IsoDate): Finding[] {
  const { firstStartsOn, withdrawnAfter: lastStart } = outcome.rules
  const programme = `The national ${outcome.title.toLowerCase()} programme`
  if (firstStartsOn && referenceDate < firstStartsOn) {
    return [
      {
        kind: 'soft',
        reason:
          `${programme} had not started on ${formatLongDate(referenceDate)}. ` +
          `It took its first new starts on ${formatLongDate(firstStartsOn)}.`,
      },
    ]
  }
  if (!lastStart) return []
  if (referenceDate <= lastStart) {
    return [
      {
        kind: 'met',
        reason: `${programme} still took new starts on ${formatLongDate(referenceDate)}.`,
      },
    ]
  }
  return [
    {
      kind: 'soft',
      reason:
        `${programme} took its last new starts on ${formatLongDate(lastStart)}. ` +
        'Plan a new start only with a local programme run the same way, or a 16 to 19 study programme that includes a work placement.',
    },
  ]
}

function verdictOf(findings: Finding[]): Verdict {
  if (findings.some((finding) => finding.kind === 'hard')) return 'not_eligible'
  if (findings.some((finding) => finding.kind === 'soft')) return 'check'
  return 'eligible'
}

/** Puts the reasons that decided the verdict first, then the facts that were met, then notes. */
function reasonsFor(verdict: Verdict, findings: Finding[]): string[] {
  const order: Finding['kind'][] = ['hard', 'soft', 'met', 'note']
  const reasons = order.flatMap((kind) =>
    findings.filter((finding) => finding.kind === kind).map((finding) => finding.reason),
  )
  if (verdict === 'eligible' && !findings.some((finding) => finding.kind === 'met')) {
    reasons.unshift(
      'This route has no age, EHC plan or programme condition, so it is open to this student.',
    )
  }
  return reasons
}

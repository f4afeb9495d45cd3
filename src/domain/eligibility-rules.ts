// The conditions one outcome sets, each turned into a finding with a sentence staff can act on.
import { birthdayAt, schoolLeavingDate } from './age.js'
import { minDurationMonthsFor, type OutcomeDefinition } from './catalogue.js'
import { formatLongDate } from './format.js'
import type { IsoDate, StudentFacts } from './types.js'

export interface Finding {
  /** `hard` fails a condition, `soft` needs a check, `met` passes one, `note` is information. */
  kind: 'hard' | 'soft' | 'met' | 'note'
  reason: string
}

export interface RuleContext {
  outcome: OutcomeDefinition
  facts: StudentFacts
  /** Age in whole years on the reference date. */
  age: number
  referenceDate: IsoDate
  /** The reference date as a page writes it, such as "31 August 2026". */
  onText: string
}

function routeName(outcome: OutcomeDefinition): string {
  return `The ${outcome.title.toLowerCase()} route`
}

function ageRangeText(minAge?: number, maxAge?: number): string {
  if (minAge !== undefined && maxAge !== undefined) return `ages ${minAge} to ${maxAge}`
  if (minAge !== undefined) return `ages ${minAge} and over`
  return `ages up to ${maxAge}`
}

export function ageFindings({ outcome, facts, age, onText }: RuleContext): Finding[] {
  const { minAge, maxAge, ageIsAdvisory } = outcome.rules
  if (minAge === undefined && maxAge === undefined) return []

  const range = ageRangeText(minAge, maxAge)
  const ageText = `on ${onText} this student is ${age}`
  const tooYoung = minAge !== undefined && age < minAge
  const tooOld = maxAge !== undefined && age > maxAge
  if (!tooYoung && !tooOld) {
    const within =
      maxAge === undefined ? `at least the minimum age of ${minAge}` : `within ${range}`
    return [{ kind: 'met', reason: `On ${onText} this student is ${age}, ${within}.` }]
  }
  if (ageIsAdvisory) {
    const reason = `${routeName(outcome)} is usually for ${range}, and ${ageText}. The range is a guide, not a rule, so check whether the route suits the student.`
    return [{ kind: 'soft', reason }]
  }
  const turns =
    tooYoung && minAge !== undefined
      ? ` They turn ${minAge} on ${formatLongDate(birthdayAt(facts.dateOfBirth, minAge))}.`
      : ''
  return [
    { kind: 'hard', reason: `${routeName(outcome)} is for ${range}, and ${ageText}.${turns}` },
  ]
}

/** Checks that the student is over compulsory school age, which ends after the school leaving date. */
export function schoolAgeFindings({
  outcome,
  facts,
  age,
  referenceDate,
  onText,
}: RuleContext): Finding[] {
  if (!outcome.rules.overCompulsorySchoolAge) return []

  const leavingDate = schoolLeavingDate(facts.dateOfBirth)
  const leavingText = formatLongDate(leavingDate)
  if (referenceDate > leavingDate) {
    const reason = `On ${onText} this student is over compulsory school age, which ended for them on ${leavingText}.`
    return [{ kind: 'met', reason }]
  }
  const reason =
    `${routeName(outcome)} needs the student to be over compulsory school age, which ends on the last Friday of June of the school year in which they turn 16. ` +
    `On ${onText} this student is ${age} and still of compulsory school age, which ends for them on ${leavingText}.`
  return [{ kind: 'hard', reason }]
}

export function planFindings({ outcome, facts }: RuleContext): Finding[] {
  const rule = outcome.rules.ehcPlan
  if (!rule) return []

  const findings: Finding[] = []
  if (facts.provisionCode === 'S') {
    const reason =
      'The student has a statement of SEN (provision S, a code from before 2015), which is treated as an EHC plan. Check that it was converted to an EHC plan.'
    findings.push({ kind: 'met', reason })
  } else if (facts.provision === 'E') {
    findings.push({ kind: 'met', reason: 'The student has an EHC plan.' })
  } else if (rule === 'required') {
    findings.push({ kind: 'hard', reason: missingPlanReason(outcome, facts) })
  } else {
    const reason = `Without an EHC plan, a place on the ${outcome.title.toLowerCase()} route is decided case by case. Another formal assessment of the student's needs may be accepted in place of a plan.`
    findings.push({ kind: 'soft', reason })
  }
  return findings
}

function missingPlanReason(outcome: OutcomeDefinition, facts: StudentFacts): string {
  const has = facts.provision === 'K' ? 'has SEN support' : 'has no SEN recorded'
  return `${routeName(outcome)} needs an EHC plan, and this student ${has}. A request to the local authority for an EHC needs assessment would open this route.`
}

export function durationFindings({ outcome, referenceDate, onText }: RuleContext): Finding[] {
  const findings: Finding[] = []
  const minMonths = minDurationMonthsFor(outcome, referenceDate)
  const changes = outcome.rules.minDurationChanges ?? []
  if (minMonths !== null && changes.length > 0) {
    const earlier = outcome.rules.minDurationMonths
    const change = changes.map((entry) => formatLongDate(entry.startsFrom)).join(', ')
    findings.push({
      kind: 'note',
      reason: `A start on ${onText} must last at least ${minMonths} months. The minimum changed on ${change}, and was ${earlier} months before then.`,
    })
  } else if (minMonths !== null) {
    findings.push({ kind: 'note', reason: `It lasts at least ${minMonths} months.` })
  }
  if (outcome.rules.maxDurationMonths !== undefined) {
    findings.push({
      kind: 'note',
      reason: `It lasts at most ${outcome.rules.maxDurationMonths} months.`,
    })
  }
  if (outcome.rules.minHoursPerWeek !== undefined) {
    const hours = outcome.rules.minHoursPerWeek
    findings.push({
      kind: 'note',
      reason: `It means a contract of at least ${hours} hours a week. Fewer hours count as part-time employment.`,
    })
  }
  return findings
}

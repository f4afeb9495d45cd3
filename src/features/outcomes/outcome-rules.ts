import { addDays } from '../../domain/calendar.js'
import type { OutcomeRules } from '../../domain/catalogue.js'
import { formatLongDate } from '../../domain/format.js'

function describeAge({ minAge, maxAge, ageIsAdvisory }: OutcomeRules): string | null {
  if (minAge === undefined && maxAge === undefined) return null
  let range = `from age ${minAge}`
  if (minAge === undefined) range = `up to age ${maxAge}`
  else if (maxAge !== undefined) range = `for ages ${minAge} to ${maxAge}`
  return ageIsAdvisory
    ? `Usually ${range}. This is guidance, so a student outside it gets a check, not a refusal.`
    : `Only ${range}.`
}

function describeEhcPlan({ ehcPlan }: OutcomeRules): string | null {
  if (ehcPlan === 'required') return 'Needs an education, health and care (EHC) plan.'
  if (ehcPlan === 'case_by_case') {
    return 'Decided case by case: an EHC plan or another formal assessment of need is expected.'
  }
  return null
}

function describeDuration(rules: OutcomeRules): string[] {
  const sentences: string[] = []
  const [change] = rules.minDurationChanges ?? []
  if (rules.minDurationMonths !== undefined && change) {
    const before = formatLongDate(change.startsFrom)
    sentences.push(
      `Lasts at least ${rules.minDurationMonths} months for starts before ${before}, ` +
        `and at least ${change.minDurationMonths} months for starts from that date.`,
    )
  } else if (rules.minDurationMonths !== undefined) {
    sentences.push(`Lasts at least ${rules.minDurationMonths} months.`)
  }
  if (rules.maxDurationMonths !== undefined) {
    sentences.push(`Lasts at most ${rules.maxDurationMonths} months.`)
  }
  return sentences
}

/** Writes an outcome's rules as sentences for the catalogue pages, in the order staff check them. */
export function describeRules(rules: OutcomeRules): string[] {
  const sentences = [describeAge(rules), describeEhcPlan(rules)].filter((line) => line !== null)
  if (rules.paid === true) sentences.push('Paid work.')
  if (rules.paid === false) sentences.push('Unpaid.')
  if (rules.minHoursPerWeek !== undefined) {
    sentences.push(`At least ${rules.minHoursPerWeek} hours of work a week.`)
  }
  sentences.push(...describeDuration(rules))
  if (rules.overCompulsorySchoolAge) {
    sentences.push(
      'Only after compulsory school age, which ends on the last Friday of June of the school year in which the student turns 16.',
    )
  }
  if (rules.firstStartsOn) {
    sentences.push(
      `The national programme took its first new starts on ${formatLongDate(rules.firstStartsOn)}.`,
    )
  }
  if (rules.withdrawnAfter) {
    const reopened = formatLongDate(addDays(rules.withdrawnAfter, 1))
    sentences.push(
      `The national programme took its last new starts on ${formatLongDate(rules.withdrawnAfter)}. ` +
        `A plan for a start from ${reopened} needs a local programme run in the same way.`,
    )
  }
  if (sentences.length === 0) sentences.push('No age, plan or duration conditions.')
  return sentences
}

// Checks of a destination spell against the student's age on the start date, closed national
// programmes, and types that cannot be paid work. validateSpell in destinations.ts runs them.
import { ageOn } from './age.js'
import { isValidIsoDate } from './calendar.js'
import { findDestinationType } from './destination-types.js'
import type { DestinationSpell, SpellProblem, SpellStudentFacts } from './destinations.js'
import { formatLongDate } from './format.js'
import type { IsoDate } from './types.js'

/** The minimum age for an apprenticeship, and before which work needs a reason. */
export const MIN_WORKING_AGE = 16

const APPRENTICESHIP_TYPES = new Set(['apprenticeship', 'supported-apprenticeship'])

/** The last start date of the national traineeship programme, which then closed. */
export const LAST_TRAINEESHIP_START: IsoDate = '2023-07-31'

// Spells that record no education, training or work, so they have no pay and no hours.
const NO_WORK_TYPES = new Set([
  'neet-seeking',
  'neet-not-available-illness',
  'neet-not-available-caring',
  'neet-not-available-other',
  'not-known',
  'custody',
  'moved-away',
])

function labelOf(type: string): string {
  return findDestinationType(type)?.label ?? type
}

/**
 * Rejects an apprenticeship that starts before the student is 16, and requires a reason for
 * employment or self-employment that starts before 16. The start date must be valid.
 */
export function checkStartAge(
  spell: DestinationSpell,
  student: SpellStudentFacts,
  problems: SpellProblem[],
): void {
  if (!isValidIsoDate(student.dateOfBirth)) return
  const age = ageOn(student.dateOfBirth, spell.startDate)
  if (age >= MIN_WORKING_AGE) return

  const label = labelOf(spell.type)
  const onStart = `this student is ${age} on the start date ${formatLongDate(spell.startDate)}`
  if (APPRENTICESHIP_TYPES.has(spell.type)) {
    problems.push({
      field: 'startDate',
      message: `${label} must start at ${MIN_WORKING_AGE} or over, and ${onStart}. Check the start date and date of birth, or record an intended start on or after the student’s ${MIN_WORKING_AGE}th birthday.`,
      severity: 'error',
    })
  } else if (findDestinationType(spell.type)?.activity === 'employment') {
    problems.push({
      field: 'startDate',
      message: `${label} usually starts at ${MIN_WORKING_AGE} or over, and ${onStart}. Record the reason, or check the start date and date of birth.`,
      severity: 'needs_reason',
    })
  }
}

/** Requires a reason for a traineeship that starts after the national programme closed. */
export function checkTraineeship(spell: DestinationSpell, problems: SpellProblem[]): void {
  if (spell.type !== 'traineeship' || spell.startDate <= LAST_TRAINEESHIP_START) return
  problems.push({
    field: 'type',
    message: `The national traineeship programme has closed: its last starts were on ${formatLongDate(LAST_TRAINEESHIP_START)}, and this spell starts on ${formatLongDate(spell.startDate)}. A local traineeship-style programme can be recorded as a traineeship with a reason, or choose another destination type.`,
    severity: 'needs_reason',
  })
}

/** Rejects pay or hours on a NEET, not known, custody or moved-away spell. */
export function checkNoWork(spell: DestinationSpell, problems: SpellProblem[]): void {
  if (!NO_WORK_TYPES.has(spell.type)) return
  const label = labelOf(spell.type)
  if (spell.paid === true) {
    problems.push({
      field: 'paid',
      message: `A spell of ${label} is not paid work, so it cannot be recorded as paid. Under "Is it paid?" choose Unpaid or Not known, or record another destination type.`,
      severity: 'error',
    })
  }
  if (spell.hoursPerWeek !== undefined) {
    problems.push({
      field: 'hoursPerWeek',
      message: `Hours a week is ${spell.hoursPerWeek}, but a spell of ${label} has no hours of education, training or work. Clear Hours a week, or record another destination type.`,
      severity: 'error',
    })
  }
}

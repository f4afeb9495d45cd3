// Destination spells and the checks run on one before it is saved. Every problem is returned at once,
// so staff can fix a record in one pass.
import { ageOn } from './age.js'
import { addYears, compareDates, isValidIsoDate } from './calendar.js'
import { PAID_EMPLOYMENT_MIN_HOURS } from './catalogue-settings.js'
import { findDestinationType } from './destination-types.js'
import { formatLongDate } from './format.js'
import { checkNoWork, checkStartAge, checkTraineeship } from './spell-checks.js'
import type { IsoDate } from './types.js'

/** Whether a spell is planned (`intended`) or has happened (`actual`). */
export type SpellIntent = 'intended' | 'actual'

/** One period a student spent in a destination. */
export interface DestinationSpell {
  type: string
  /** Left out when unknown, in which case the rule that an actual spell has started is skipped. */
  intent?: SpellIntent
  startDate: IsoDate
  /** Missing while the spell is still running. */
  endDate?: IsoDate
  hoursPerWeek?: number
  paid?: boolean
  provider?: string
  /** The date someone last confirmed the spell with the student, provider or employer. */
  checkedOn?: IsoDate
}

/** The student facts that spell checks read. */
export interface SpellStudentFacts {
  dateOfBirth: IsoDate
  hasEhcPlan: boolean
}

/** `error`: the spell cannot be saved. `needs_reason`: it can be saved once a reason is recorded. */
export type SpellProblemSeverity = 'error' | 'needs_reason'

export interface SpellProblem {
  field: keyof DestinationSpell
  message: string
  severity: SpellProblemSeverity
}

/** The earliest accepted spell date. Earlier dates are taken to be typing errors. */
export const EARLIEST_SPELL_DATE: IsoDate = '2000-01-01'

/** The maximum weekly hours accepted. More is taken to be a typing error. */
export const MAX_HOURS_PER_WEEK = 70

const SUPPORTED_INTERNSHIP_MIN_AGE = 16
const SUPPORTED_INTERNSHIP_MAX_AGE = 24

/**
 * Checks a spell and returns every problem found, or an empty list. `referenceDate` is today's date
 * for the caller, which bounds how far ahead a date may be and when an actual spell may start.
 */
export function validateSpell(
  spell: DestinationSpell,
  student: SpellStudentFacts,
  referenceDate: IsoDate,
): SpellProblem[] {
  const problems: SpellProblem[] = []

  const type = findDestinationType(spell.type)
  if (!type) {
    problems.push({
      field: 'type',
      message: `Destination type "${spell.type}" is not recognised. Choose one of the destination types listed in DESTINATION_TYPES (destination-types.ts), such as further-education-college or not-known.`,
      severity: 'error',
    })
  }

  const startValid = checkDate(spell, 'startDate', referenceDate, problems)
  const endValid = checkDate(spell, 'endDate', referenceDate, problems)
  checkDate(spell, 'checkedOn', referenceDate, problems)

  if (startValid && spell.intent === 'actual' && compareDates(spell.startDate, referenceDate) > 0) {
    problems.push({
      field: 'startDate',
      message: `Start date ${formatLongDate(spell.startDate)} is after today (${formatLongDate(referenceDate)}), so this destination has not started and cannot be actual. Record it as intended until it starts, then change it to actual.`,
      severity: 'error',
    })
  }

  if (startValid && endValid && spell.endDate !== undefined) {
    if (compareDates(spell.endDate, spell.startDate) < 0) {
      problems.push({
        field: 'endDate',
        message: `End date ${formatLongDate(spell.endDate)} is before the start date ${formatLongDate(spell.startDate)}. Correct one of the dates, or leave the end date empty if the spell is still running.`,
        severity: 'error',
      })
    }
  }

  checkHours(spell, problems)
  checkPaidEmployment(spell, problems)
  checkNoWork(spell, problems)
  if (startValid) {
    checkSupportedInternship(spell, student, problems)
    checkStartAge(spell, student, problems)
    checkTraineeship(spell, problems)
  }
  return problems
}

/** Adds a problem for an invalid or out-of-range date and returns true when the date is usable. */
function checkDate(
  spell: DestinationSpell,
  field: 'startDate' | 'endDate' | 'checkedOn',
  referenceDate: IsoDate,
  problems: SpellProblem[],
): boolean {
  const value = spell[field]
  const name = { startDate: 'Start date', endDate: 'End date', checkedOn: 'Checked-on date' }[field]
  if (value === undefined) {
    if (field !== 'startDate') return false
    problems.push({
      field,
      message: 'Start date is missing. Enter the date the spell began.',
      severity: 'error',
    })
    return false
  }

  if (!isValidIsoDate(value)) {
    problems.push({
      field,
      message: `${name} "${value}" is not a valid date. Enter it as yyyy-mm-dd, for example 2025-09-01.`,
      severity: 'error',
    })
    return false
  }

  if (compareDates(value, EARLIEST_SPELL_DATE) < 0) {
    problems.push({
      field,
      message: `${name} ${formatLongDate(value)} is before ${formatLongDate(EARLIEST_SPELL_DATE)}, which is too early for a destination. Check the year.`,
      severity: 'error',
    })
    return false
  }

  // A spell may be planned up to a year ahead, but a check cannot have happened after today.
  const latest = field === 'checkedOn' ? referenceDate : addYears(referenceDate, 1)
  if (compareDates(value, latest) > 0) {
    const limit =
      field === 'checkedOn'
        ? `after today (${formatLongDate(referenceDate)})`
        : `more than a year after today (${formatLongDate(referenceDate)})`
    problems.push({
      field,
      message: `${name} ${formatLongDate(value)} is ${limit}. Check the year.`,
      severity: 'error',
    })
    return false
  }
  return true
}

function checkHours(spell: DestinationSpell, problems: SpellProblem[]): void {
  const hours = spell.hoursPerWeek
  if (hours === undefined) return
  if (!Number.isFinite(hours) || hours < 0) {
    problems.push({
      field: 'hoursPerWeek',
      message: `Hours a week ${hours} is invalid. Enter a number from 0 to ${MAX_HOURS_PER_WEEK}.`,
      severity: 'error',
    })
  } else if (hours > MAX_HOURS_PER_WEEK) {
    problems.push({
      field: 'hoursPerWeek',
      message: `Hours a week ${hours} is more than ${MAX_HOURS_PER_WEEK}. Check the number, which should be the usual hours in one week.`,
      severity: 'error',
    })
  }
}

/** Returns the label the form shows for a destination type, such as "Supported volunteering". */
function typeLabel(id: string): string {
  return findDestinationType(id)?.label ?? id
}

function checkPaidEmployment(spell: DestinationSpell, problems: SpellProblem[]): void {
  if (spell.type !== 'paid-employment') return

  const hours = spell.hoursPerWeek
  if (hours === undefined) {
    problems.push({
      field: 'hoursPerWeek',
      message: `Hours a week is missing for paid employment. Enter the usual weekly hours, because paid employment needs at least ${PAID_EMPLOYMENT_MIN_HOURS}.`,
      severity: 'error',
    })
  } else if (Number.isFinite(hours) && hours >= 0 && hours < PAID_EMPLOYMENT_MIN_HOURS) {
    problems.push({
      field: 'hoursPerWeek',
      message: `Paid employment needs at least ${PAID_EMPLOYMENT_MIN_HOURS} hours a week, and this spell has ${hours}. Record it as ${typeLabel('part-time-employment')} instead.`,
      severity: 'error',
    })
  }

  if (spell.paid === undefined) {
    problems.push({
      field: 'paid',
      message:
        'Paid employment is paid: under "Is it paid?" choose Paid, or record another destination type.',
      severity: 'error',
    })
  }

  if (spell.paid === false) {
    problems.push({
      field: 'paid',
      message: `Paid employment is recorded as unpaid. Mark it as paid, or record unpaid work as ${typeLabel('supported-volunteering')} or ${typeLabel('extended-work-placement')}.`,
      severity: 'error',
    })
  }
}

function checkSupportedInternship(
  spell: DestinationSpell,
  student: SpellStudentFacts,
  problems: SpellProblem[],
): void {
  if (spell.type !== 'supported-internship') return

  if (!student.hasEhcPlan) {
    problems.push({
      field: 'type',
      message:
        'Supported internships are for young people with an EHC plan, and this student has none. Record the reason this internship was offered, or choose another destination type.',
      severity: 'needs_reason',
    })
  }

  if (!isValidIsoDate(student.dateOfBirth)) return
  const age = ageOn(student.dateOfBirth, spell.startDate)
  if (age < SUPPORTED_INTERNSHIP_MIN_AGE || age > SUPPORTED_INTERNSHIP_MAX_AGE) {
    problems.push({
      field: 'startDate',
      message: `Supported internships are for ages ${SUPPORTED_INTERNSHIP_MIN_AGE} to ${SUPPORTED_INTERNSHIP_MAX_AGE}, and this student is ${age} on the start date ${formatLongDate(spell.startDate)}. Record the reason, or check the start date and date of birth.`,
      severity: 'needs_reason',
    })
  }
}

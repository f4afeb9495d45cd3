// Consent to track a young person's destinations. After 16, following up where a young person
// went needs their consent, except while they stay in the school's own sixth form.
import { ageOn } from './age.js'
import { formatLongDate } from './format.js'
import type { IsoDate } from './types.js'

export const CONSENT_STATUSES = ['given', 'refused', 'withdrawn'] as const
export type ConsentStatus = (typeof CONSENT_STATUSES)[number]

export const CONSENT_LABELS: Record<ConsentStatus, string> = {
  given: 'Consent given',
  refused: 'Consent refused',
  withdrawn: 'Consent withdrawn',
}

export interface TrackingConsent {
  status: ConsentStatus
  recordedOn: IsoDate
}

/** The age from which tracking needs the young person's own consent. */
export const CONSENT_AGE = 16

/** The destination type that needs no consent, because the school still teaches the student. */
const NO_CONSENT_NEEDED_TYPE = 'school-sixth-form'

export function isConsentStatus(value: string): value is ConsentStatus {
  return (CONSENT_STATUSES as readonly string[]).includes(value)
}

/**
 * Returns a warning when a student aged 16 or more on `today` has a spell other than a school
 * sixth form and no consent given, or null. Tracking carries on only once consent is recorded.
 */
export function consentWarning(
  input: {
    dateOfBirth: IsoDate
    spellTypes: readonly string[]
    consent: TrackingConsent | null
  },
  today: IsoDate,
): string | null {
  const age = ageOn(input.dateOfBirth, today)
  if (age < CONSENT_AGE) return null
  if (!input.spellTypes.some((type) => type !== NO_CONSENT_NEEDED_TYPE)) return null
  if (input.consent?.status === 'given') return null

  const start = `This student is ${age} and has a destination outside a school sixth form`
  if (!input.consent) {
    return `${start}, but no consent to track destinations is recorded. Ask the young person for consent and record their answer.`
  }
  const when = formatLongDate(input.consent.recordedOn)
  return `${start}, but consent to track destinations was ${input.consent.status} on ${when}. Do not follow up this destination unless the young person gives consent again.`
}

/**
 * Checks a new answer against the stored one. A different answer dated before the stored answer
 * is rejected, because the latest answer by date is the one that applies, and saving the new one
 * would replace a later answer with an earlier one. The same answer with another date is accepted as a
 * correction of the date. Returns the message, or null when the answer may be saved.
 */
export function consentDateProblem(
  stored: TrackingConsent | null,
  next: TrackingConsent,
): string | null {
  if (!stored || stored.status === next.status) return null
  if (next.recordedOn >= stored.recordedOn) return null
  const storedText = `${CONSENT_LABELS[stored.status]} on ${formatLongDate(stored.recordedOn)}`
  return `Date of the answer ${formatLongDate(next.recordedOn)} is before the answer on record (${storedText}). Enter the date of the young person’s latest answer, on or after ${formatLongDate(stored.recordedOn)}. If the answer on record is wrong, correct its date first.`
}

/**
 * True when a leaver's destination may be followed up on `today`. Following up is stopped once
 * the student is 16 or more and their latest answer is refused or withdrawn, unless their latest
 * destination is a school sixth form, which needs no consent. `latestType` is null when no
 * destination has started.
 */
export function mayFollowUp(
  input: { dateOfBirth: IsoDate; latestType: string | null; consent: TrackingConsent | null },
  today: IsoDate,
): boolean {
  if (input.consent === null || input.consent.status === 'given') return true
  if (ageOn(input.dateOfBirth, today) < CONSENT_AGE) return true
  return input.latestType === NO_CONSENT_NEEDED_TYPE
}

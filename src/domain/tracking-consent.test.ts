import assert from 'node:assert/strict'
import { test } from 'node:test'

import { destinationYearFor } from './destination-year.js'
import { consentDateProblem, consentWarning } from './tracking-consent.js'

const TODAY = '2026-12-04'
const AGED_17 = '2009-05-01'
const AGED_15 = '2011-03-01'

test('consentWarning without consent at 17', () => {
  const warning = consentWarning(
    { dateOfBirth: AGED_17, spellTypes: ['further-education-college'], consent: null },
    TODAY,
  )

  assert.match(warning ?? '', /is 17 and has a destination outside a school sixth form/)
  assert.match(warning ?? '', /no consent to track destinations is recorded/)
})

test('consentWarning with consent given', () => {
  const consent = { status: 'given' as const, recordedOn: '2026-09-01' }
  const input = { dateOfBirth: AGED_17, spellTypes: ['apprenticeship'], consent }

  assert.equal(consentWarning(input, TODAY), null)
})

test('consentWarning after consent withdrawn', () => {
  const consent = { status: 'withdrawn' as const, recordedOn: '2026-10-02' }
  const input = { dateOfBirth: AGED_17, spellTypes: ['apprenticeship'], consent }

  assert.match(consentWarning(input, TODAY) ?? '', /was withdrawn on 2 October 2026/)
})

test('consentWarning skips school sixth form', () => {
  const input = { dateOfBirth: AGED_17, spellTypes: ['school-sixth-form'], consent: null }

  assert.equal(consentWarning(input, TODAY), null)
})

test('consentWarning skips students under 16', () => {
  const input = { dateOfBirth: AGED_15, spellTypes: ['apprenticeship'], consent: null }

  assert.equal(consentWarning(input, TODAY), null)
})

test('consentWarning from the 16th birthday', () => {
  const input = { dateOfBirth: '2010-12-04', spellTypes: ['apprenticeship'], consent: null }

  assert.notEqual(consentWarning(input, TODAY), null)
  assert.equal(consentWarning(input, '2026-12-03'), null)
})

test('consentWarning with no spells', () => {
  assert.equal(consentWarning({ dateOfBirth: AGED_17, spellTypes: [], consent: null }, TODAY), null)
})

test('destinationYearFor the earliest actual spell', () => {
  assert.equal(destinationYearFor(['2026-01-05', '2025-09-03'], AGED_17), 2025)
})

test('destinationYearFor an August start', () => {
  assert.equal(destinationYearFor(['2025-08-18'], AGED_17), 2025)
  assert.equal(destinationYearFor(['2025-07-31'], AGED_17), 2024)
})

test('destinationYearFor no spells uses leaving year', () => {
  // Born May 2009: turns 16 in 2024/25, leaves in June 2025, destination year 2025/26.
  assert.equal(destinationYearFor([], AGED_17), 2025)
})

test('destinationYearFor ignores starts after today', () => {
  assert.equal(destinationYearFor(['2027-01-10', '2025-09-03'], AGED_17, TODAY), 2025)
  assert.equal(destinationYearFor(['2027-01-10'], AGED_17, TODAY), 2025)
  assert.equal(destinationYearFor([TODAY], AGED_17, TODAY), 2026)
})

test('consentDateProblem rejects an earlier different answer', () => {
  const stored = { status: 'given', recordedOn: '2026-11-01' } as const
  const message = consentDateProblem(stored, { status: 'withdrawn', recordedOn: '2026-10-01' })

  assert.match(message ?? '', /1 October 2026 is before the answer on record/)
  assert.match(message ?? '', /Consent given on 1 November 2026/)
  assert.match(message ?? '', /on or after 1 November 2026/)
})

test('consentDateProblem accepts a corrected date', () => {
  const stored = { status: 'given', recordedOn: '2026-11-01' } as const
  assert.equal(consentDateProblem(stored, { status: 'given', recordedOn: '2026-10-01' }), null)
})

test('consentDateProblem accepts a same-day or later answer', () => {
  const stored = { status: 'given', recordedOn: '2026-11-01' } as const
  assert.equal(consentDateProblem(stored, { status: 'withdrawn', recordedOn: '2026-11-01' }), null)
  assert.equal(consentDateProblem(stored, { status: 'refused', recordedOn: '2026-11-02' }), null)
  assert.equal(consentDateProblem(null, { status: 'refused', recordedOn: '2020-01-01' }), null)
})

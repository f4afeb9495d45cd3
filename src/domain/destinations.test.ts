import assert from 'node:assert/strict'
import { test } from 'node:test'

import { validateSpell, type DestinationSpell, type SpellStudentFacts } from './destinations.js'

const TODAY = '2026-01-15'
const STUDENT: SpellStudentFacts = { dateOfBirth: '2008-05-10', hasEhcPlan: true }

function problemsFor(spell: Partial<DestinationSpell>, student: SpellStudentFacts = STUDENT) {
  const full: DestinationSpell = {
    type: 'further-education-college',
    startDate: '2025-09-01',
    ...spell,
  }
  return validateSpell(full, student, TODAY)
}

test('validateSpell accepts a valid spell', () => {
  assert.deepEqual(problemsFor({ endDate: '2025-12-19', hoursPerWeek: 18, checkedOn: TODAY }), [])
})

test('validateSpell rejects end before start', () => {
  const problems = problemsFor({ endDate: '2025-08-31' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'endDate')
  assert.equal(problems[0]?.severity, 'error')
  assert.match(
    problems[0]?.message ?? '',
    /31 August 2025 is before the start date 1 September 2025/,
  )
})

test('validateSpell accepts a one-day spell', () => {
  assert.deepEqual(problemsFor({ endDate: '2025-09-01' }), [])
})

test('validateSpell rejects a date before 2000', () => {
  const problems = problemsFor({ startDate: '1999-12-31' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'startDate')
  assert.match(problems[0]?.message ?? '', /31 December 1999 is before 1 January 2000/)
})

test('validateSpell rejects a date over a year ahead', () => {
  const problems = problemsFor({ startDate: '2025-09-01', endDate: '2027-01-16' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'endDate')
  assert.match(problems[0]?.message ?? '', /more than a year after today \(15 January 2026\)/)
})

test('validateSpell accepts exactly a year ahead', () => {
  assert.deepEqual(problemsFor({ startDate: '2027-01-15' }), [])
})

test('validateSpell rejects a future checked-on date', () => {
  const problems = problemsFor({ checkedOn: '2026-01-16' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'checkedOn')
  assert.match(problems[0]?.message ?? '', /after today/)
})

test('validateSpell rejects an invalid date', () => {
  const problems = problemsFor({ startDate: '2025-02-29' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'startDate')
  assert.match(problems[0]?.message ?? '', /"2025-02-29" is not a valid date/)
})

test('validateSpell rejects a missing start date', () => {
  const problems = problemsFor({ startDate: undefined as unknown as string })
  assert.equal(problems.length, 1)
  assert.match(problems[0]?.message ?? '', /Start date is missing/)
})

test('validateSpell rejects hours over 70', () => {
  const problems = problemsFor({ hoursPerWeek: 71 })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'hoursPerWeek')
  assert.match(problems[0]?.message ?? '', /71 is more than 70/)
})

test('validateSpell accepts 70 hours', () => {
  assert.deepEqual(problemsFor({ hoursPerWeek: 70 }), [])
})

test('validateSpell rejects negative hours', () => {
  const problems = problemsFor({ hoursPerWeek: -1 })
  assert.equal(problems.length, 1)
  assert.match(problems[0]?.message ?? '', /-1 is invalid/)
})

test('validateSpell rejects paid employment under 16 hours', () => {
  const problems = problemsFor({ type: 'paid-employment', hoursPerWeek: 15, paid: true })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'hoursPerWeek')
  assert.equal(problems[0]?.severity, 'error')
  assert.match(problems[0]?.message ?? '', /at least 16 hours a week, and this spell has 15/)
  assert.match(
    problems[0]?.message ?? '',
    /Record it as Employment below the paid-employment hours threshold instead/,
  )
})

test('validateSpell accepts paid employment at 16 hours', () => {
  assert.deepEqual(problemsFor({ type: 'paid-employment', hoursPerWeek: 16, paid: true }), [])
})

test('validateSpell rejects paid employment without hours', () => {
  const problems = problemsFor({ type: 'paid-employment', paid: true })
  assert.equal(problems.length, 1)
  assert.match(problems[0]?.message ?? '', /Hours a week is missing/)
})

test('validateSpell rejects unpaid paid employment', () => {
  const problems = problemsFor({ type: 'paid-employment', hoursPerWeek: 30, paid: false })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'paid')
  assert.match(problems[0]?.message ?? '', /as Supported volunteering or Extended work placement/)
})

test('validateSpell accepts part-time employment under 16 hours', () => {
  assert.deepEqual(problemsFor({ type: 'part-time-employment', hoursPerWeek: 8, paid: true }), [])
})

test('validateSpell needs a reason without EHC plan', () => {
  const problems = problemsFor(
    { type: 'supported-internship' },
    { dateOfBirth: '2008-05-10', hasEhcPlan: false },
  )
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.severity, 'needs_reason')
  assert.match(problems[0]?.message ?? '', /EHC plan/)
})

test('validateSpell needs a reason under age 16', () => {
  const problems = problemsFor(
    { type: 'supported-internship', startDate: '2025-09-01' },
    { dateOfBirth: '2009-09-02', hasEhcPlan: true },
  )
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.severity, 'needs_reason')
  assert.equal(problems[0]?.field, 'startDate')
  assert.match(problems[0]?.message ?? '', /ages 16 to 24, and this student is 15/)
})

test('validateSpell needs a reason at age 25', () => {
  const problems = problemsFor(
    { type: 'supported-internship', startDate: '2025-09-01' },
    { dateOfBirth: '2000-09-01', hasEhcPlan: true },
  )
  assert.equal(problems.length, 1)
  assert.match(problems[0]?.message ?? '', /this student is 25/)
})

test('validateSpell accepts an internship at 24', () => {
  const student = { dateOfBirth: '2000-09-02', hasEhcPlan: true }
  assert.deepEqual(problemsFor({ type: 'supported-internship' }, student), [])
})

test('validateSpell rejects an unknown type', () => {
  const problems = problemsFor({ type: 'gap-year' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'type')
  assert.equal(problems[0]?.severity, 'error')
  assert.match(problems[0]?.message ?? '', /"gap-year" is not recognised/)
  assert.match(problems[0]?.message ?? '', /DESTINATION_TYPES/)
})

test('validateSpell returns every problem at once', () => {
  const problems = validateSpell(
    {
      type: 'paid-employment',
      startDate: '2025-09-01',
      endDate: '2025-01-01',
      hoursPerWeek: 10,
      paid: true,
    },
    STUDENT,
    TODAY,
  )
  assert.deepEqual(
    problems.map((problem) => problem.field),
    ['endDate', 'hoursPerWeek'],
  )
})

test('validateSpell rejects an actual spell starting tomorrow', () => {
  const problems = problemsFor({ intent: 'actual', startDate: '2026-01-16' })
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'startDate')
  assert.equal(problems[0]?.severity, 'error')
  assert.match(problems[0]?.message ?? '', /16 January 2026 is after today \(15 January 2026\)/)
  assert.match(problems[0]?.message ?? '', /Record it as intended until it starts/)
})

test('validateSpell accepts an actual spell starting today', () => {
  assert.deepEqual(problemsFor({ intent: 'actual', startDate: TODAY }), [])
})

test('validateSpell accepts an intended future spell', () => {
  assert.deepEqual(problemsFor({ intent: 'intended', startDate: '2026-09-01' }), [])
})

test('age check reads right for a future start', () => {
  const student = { dateOfBirth: '2013-06-01', hasEhcPlan: true }

  const problems = problemsFor(
    { type: 'apprenticeship', startDate: '2027-01-10', paid: true },
    student,
  )

  assert.match(problems[0]?.message ?? '', /this student is 13 on the start date 10 January 2027/)
  assert.doesNotMatch(problems[0]?.message ?? '', /was 13/)
})

test('validateSpell rejects an apprenticeship at 15', () => {
  const student = { dateOfBirth: '2009-09-02', hasEhcPlan: true }

  for (const type of ['apprenticeship', 'supported-apprenticeship']) {
    const problems = problemsFor({ type, startDate: '2025-09-01', paid: true }, student)

    assert.equal(problems.length, 1, type)
    assert.equal(problems[0]?.severity, 'error')
    assert.equal(problems[0]?.field, 'startDate')
    assert.match(problems[0]?.message ?? '', /must start at 16 or over, and this student is 15/)
  }
})

test('validateSpell accepts an apprenticeship at 16', () => {
  const student = { dateOfBirth: '2009-09-01', hasEhcPlan: true }

  assert.deepEqual(problemsFor({ type: 'apprenticeship', paid: true }, student), [])
})

test('validateSpell needs a reason for work at 15', () => {
  const student = { dateOfBirth: '2009-09-02', hasEhcPlan: true }
  const types = [
    'paid-employment',
    'supported-employment',
    'self-employment',
    'supported-self-employment',
    'own-enterprise',
    'supported-own-enterprise',
    'part-time-employment',
  ]

  for (const type of types) {
    const problems = problemsFor({ type, hoursPerWeek: 20, paid: true }, student)

    assert.equal(problems.length, 1, type)
    assert.equal(problems[0]?.severity, 'needs_reason', type)
    assert.match(problems[0]?.message ?? '', /usually starts at 16 or over, and this student is 15/)
  }
})

test('validateSpell lists both internship problems', () => {
  const problems = problemsFor(
    { type: 'supported-internship', startDate: '2025-09-01' },
    { dateOfBirth: '2000-09-01', hasEhcPlan: false },
  )

  assert.deepEqual(
    problems.map((problem) => problem.severity),
    ['needs_reason', 'needs_reason'],
  )
  assert.match(problems[0]?.message ?? '', /EHC plan/)
  assert.match(problems[1]?.message ?? '', /this student is 25/)
})

test('validateSpell needs a reason for a traineeship', () => {
  const problems = problemsFor({ type: 'traineeship', startDate: '2023-08-01' })

  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.severity, 'needs_reason')
  assert.match(problems[0]?.message ?? '', /national traineeship programme has closed/)
  assert.match(problems[0]?.message ?? '', /last starts were on 31 July 2023/)
  assert.match(problems[0]?.message ?? '', /local traineeship-style programme/)
})

test('validateSpell accepts a traineeship before August 2023', () => {
  assert.deepEqual(problemsFor({ type: 'traineeship', startDate: '2023-07-31' }), [])
})

test('validateSpell rejects pay and hours on NEET', () => {
  const types = ['neet-seeking', 'neet-not-available-illness', 'not-known', 'custody', 'moved-away']

  for (const type of types) {
    const problems = problemsFor({ type, paid: true, hoursPerWeek: 10 })

    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['paid', 'hoursPerWeek'],
      type,
    )
    assert.match(problems[0]?.message ?? '', /cannot be recorded as paid/)
    assert.match(problems[1]?.message ?? '', /Hours a week is 10/)
  }
})

test('validateSpell accepts unpaid NEET', () => {
  assert.deepEqual(problemsFor({ type: 'neet-seeking', paid: false }), [])
})

test('validateSpell rejects paid employment, paid not known', () => {
  const problems = problemsFor({ type: 'paid-employment', hoursPerWeek: 30 })

  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'paid')
  assert.match(
    problems[0]?.message ?? '',
    /^Paid employment is paid: under "Is it paid\?" choose Paid/,
  )
})

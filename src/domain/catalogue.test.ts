import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  findOutcome,
  minDurationMonthsFor,
  OUTCOME_CATALOGUE,
  PAID_EMPLOYMENT_MIN_HOURS,
} from './catalogue.js'

test('catalogue has sixteen outcomes', () => {
  assert.equal(OUTCOME_CATALOGUE.outcomes.length, 16)
})

test('catalogue splits eleven and five', () => {
  const groups = OUTCOME_CATALOGUE.outcomes.map((outcome) => outcome.group)

  assert.equal(groups.filter((group) => group === 'one').length, 11)
  assert.equal(groups.filter((group) => group === 'two').length, 5)
})

test('catalogue ids are unique', () => {
  const ids = OUTCOME_CATALOGUE.outcomes.map((outcome) => outcome.id)

  assert.equal(new Set(ids).size, ids.length)
})

test('catalogue has a version and date', () => {
  assert.match(OUTCOME_CATALOGUE.version, /^\d+\.\d+\.\d+$/)
  assert.match(OUTCOME_CATALOGUE.publishedOn, /^\d{4}-\d{2}-\d{2}$/)
})

test('every outcome has a summary', () => {
  for (const outcome of OUTCOME_CATALOGUE.outcomes) {
    assert.ok(outcome.summary.length > 20, outcome.id)
  }
})

test('findOutcome by id', () => {
  assert.equal(findOutcome('apprenticeship')?.group, 'two')
  assert.equal(findOutcome('no-such-outcome'), null)
})

test('supported internship rules', () => {
  assert.deepEqual(findOutcome('supported-internship')?.rules, {
    minAge: 16,
    maxAge: 24,
    ehcPlan: 'required',
    paid: false,
    minDurationMonths: 6,
  })
})

test('traineeship withdrawn after July 2023', () => {
  assert.equal(findOutcome('traineeship')?.rules.withdrawnAfter, '2023-07-31')
  assert.equal(findOutcome('traineeship')?.rules.maxDurationMonths, 6)
})

test('paid employment threshold is 16 hours', () => {
  assert.equal(PAID_EMPLOYMENT_MIN_HOURS, 16)
  assert.equal(findOutcome('paid-employment')?.rules.minHoursPerWeek, 16)
})

test('apprenticeship minimum duration changes', () => {
  const apprenticeship = findOutcome('apprenticeship')
  assert.ok(apprenticeship)

  assert.equal(minDurationMonthsFor(apprenticeship, '2025-07-31'), 12)
  assert.equal(minDurationMonthsFor(apprenticeship, '2025-08-01'), 8)
})

test('therapeutic environment age is advisory', () => {
  const rules = findOutcome('therapeutic-environment')?.rules

  assert.equal(rules?.minAge, 19)
  assert.equal(rules?.maxAge, 25)
  assert.equal(rules?.ageIsAdvisory, true)
})

import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  ACTION_STATUSES,
  areasNotCovered,
  areasWithoutGoal,
  decodePfaAreas,
  encodePfaAreas,
  GATHERED_HOW,
  GOAL_STATUSES,
  hasPlannedStartPassed,
  isActionOverdue,
  isKeyOf,
  isPlannedStartAccepted,
  listAreaLabels,
  MAX_TARGETS,
  needsPreparingForAdulthoodPrompt,
  PFA_AREAS,
  REVIEW_KINDS,
  reviewMustCoverAllAreas,
} from './plan.js'
import type { PromptFacts } from './plan.js'

// Born 1 September 2012: academic age 13 on 31 August 2026, so 13 through 2026/27.
const student = (overrides: Partial<PromptFacts> = {}): PromptFacts => ({
  provisionCode: 'E',
  ncYear: '9',
  dateOfBirth: '2012-09-01',
  ...overrides,
})

test('vocabularies use the stored keys', () => {
  assert.deepEqual(Object.keys(GATHERED_HOW), [
    'own_words',
    'with_support',
    'symbols_aac',
    'family_view',
  ])
  assert.deepEqual(Object.keys(PFA_AREAS), [
    'employment',
    'independent_living',
    'community',
    'health',
  ])
  assert.deepEqual(Object.keys(GOAL_STATUSES), ['active', 'achieved', 'stopped'])
  assert.deepEqual(Object.keys(ACTION_STATUSES), ['not_started', 'in_progress', 'done', 'dropped'])
  assert.deepEqual(Object.keys(REVIEW_KINDS), ['ehcp_annual', 'careers_guidance', 'transition'])
  assert.equal(MAX_TARGETS, 3)
})

test('vocabulary labels read as words', () => {
  assert.equal(PFA_AREAS.community, 'Friends, relationships and community')
  assert.equal(REVIEW_KINDS.ehcp_annual, 'EHC plan annual review')
  assert.match(GATHERED_HOW.symbols_aac, /symbols/)
})

test('isKeyOf ignores inherited names', () => {
  assert.equal(isKeyOf(PFA_AREAS, 'health'), true)
  assert.equal(isKeyOf(PFA_AREAS, 'toString'), false)
  assert.equal(isKeyOf(PFA_AREAS, ''), false)
})

const BY_YEAR: [string | null, boolean][] = [
  ['R', false],
  ['1', false],
  ['8', false],
  ['9', true],
  ['10', true],
  ['11', true],
  ['12', true],
  ['13', true],
  ['14', true],
  ['15', false],
  ['09', true],
  [' 9 ', true],
]

for (const [ncYear, expected] of BY_YEAR) {
  test(`prompt for NC year ${JSON.stringify(ncYear)} is ${expected}`, () => {
    assert.equal(needsPreparingForAdulthoodPrompt(student({ ncYear }), '2026-12-04'), expected)
  })
}

test('prompt needs an EHC plan', () => {
  for (const provisionCode of ['N', 'K', 'A', 'P'] as const) {
    const facts = student({ provisionCode })
    assert.equal(needsPreparingForAdulthoodPrompt(facts, '2026-12-04'), false, provisionCode)
  }
})

test('prompt counts a legacy statement', () => {
  assert.equal(
    needsPreparingForAdulthoodPrompt(student({ provisionCode: 'S' }), '2026-12-04'),
    true,
  )
})

test('prompt for year X uses academic age', () => {
  const yearX = student({ ncYear: 'X' })

  // In 2025/26 the student's academic age is 12, and in 2026/27 it is 13.
  assert.equal(needsPreparingForAdulthoodPrompt(yearX, '2026-08-31'), false)
  assert.equal(needsPreparingForAdulthoodPrompt(yearX, '2026-09-01'), true)
})

test('prompt for a blank year uses academic age', () => {
  for (const ncYear of [null, '', '  ']) {
    const facts = student({ ncYear })
    assert.equal(needsPreparingForAdulthoodPrompt(facts, '2026-08-31'), false, String(ncYear))
    assert.equal(needsPreparingForAdulthoodPrompt(facts, '2026-09-01'), true, String(ncYear))
  }
})

test('prompt for lower-case x uses academic age', () => {
  assert.equal(needsPreparingForAdulthoodPrompt(student({ ncYear: 'x' }), '2026-09-01'), true)
})

test('prompt for an August birthday', () => {
  // Born 31 August 2013: 13 on 31 August 2026, so academic age 13 in 2026/27.
  const facts = student({ ncYear: 'X', dateOfBirth: '2013-08-31' })

  assert.equal(needsPreparingForAdulthoodPrompt(facts, '2026-09-01'), true)
  assert.equal(needsPreparingForAdulthoodPrompt(facts, '2026-08-31'), false)
})

test('areasWithoutGoal lists the uncovered areas', () => {
  assert.deepEqual(areasWithoutGoal([]), [
    'employment',
    'independent_living',
    'community',
    'health',
  ])
  assert.deepEqual(areasWithoutGoal([{ area: 'health' }, { area: 'employment' }]), [
    'independent_living',
    'community',
  ])
  assert.deepEqual(areasWithoutGoal(Object.keys(PFA_AREAS).map((area) => ({ area }))), [])
})

test('action overdue only while open', () => {
  const today = '2026-12-04'

  assert.equal(isActionOverdue({ dueOn: '2026-12-03', status: 'not_started' }, today), true)
  assert.equal(isActionOverdue({ dueOn: '2026-12-03', status: 'in_progress' }, today), true)
  assert.equal(isActionOverdue({ dueOn: '2026-12-04', status: 'not_started' }, today), false)
  assert.equal(isActionOverdue({ dueOn: '2026-12-03', status: 'done' }, today), false)
  assert.equal(isActionOverdue({ dueOn: '2026-12-03', status: 'dropped' }, today), false)
  assert.equal(isActionOverdue({ dueOn: null, status: 'not_started' }, today), false)
})

test('pfa areas round-trip in order', () => {
  assert.equal(encodePfaAreas([]), ',')
  assert.equal(encodePfaAreas(['health', 'employment']), ',employment,health,')
  assert.deepEqual(decodePfaAreas(',employment,health,'), ['employment', 'health'])
  assert.deepEqual(decodePfaAreas(','), [])
  assert.deepEqual(decodePfaAreas(',employment,unknown,'), ['employment'])
})

test('areas not covered in area order', () => {
  assert.deepEqual(areasNotCovered(['health', 'employment']), ['independent_living', 'community'])
  assert.deepEqual(areasNotCovered([]), Object.keys(PFA_AREAS))
  assert.deepEqual(areasNotCovered(Object.keys(PFA_AREAS)), [])
})

test('only prompted annual reviews must cover all', () => {
  assert.equal(reviewMustCoverAllAreas('ehcp_annual', true), true)
  assert.equal(reviewMustCoverAllAreas('ehcp_annual', false), false)
  assert.equal(reviewMustCoverAllAreas('careers_guidance', true), false)
  assert.equal(reviewMustCoverAllAreas('transition', true), false)
})

test('planned start accepted from today', () => {
  const today = '2026-12-04'
  const target = (plannedStart: string | null) => ({ outcomeId: 'apprenticeship', plannedStart })

  assert.equal(isPlannedStartAccepted(target(null), today, []), true)
  assert.equal(isPlannedStartAccepted(target('2026-12-04'), today, []), true)
  assert.equal(isPlannedStartAccepted(target('2027-09-01'), today, []), true)
  assert.equal(isPlannedStartAccepted(target('2026-12-03'), today, []), false)
  assert.equal(isPlannedStartAccepted(target('2020-02-01'), today, []), false)
})

test('past start kept when stored unchanged', () => {
  const today = '2026-12-04'
  const stored = [{ outcomeId: 'apprenticeship', plannedStart: '2026-09-01' }]

  assert.equal(
    isPlannedStartAccepted(
      { outcomeId: 'apprenticeship', plannedStart: '2026-09-01' },
      today,
      stored,
    ),
    true,
  )
  assert.equal(
    isPlannedStartAccepted(
      { outcomeId: 'apprenticeship', plannedStart: '2026-08-31' },
      today,
      stored,
    ),
    false,
  )
  assert.equal(
    isPlannedStartAccepted({ outcomeId: 'traineeship', plannedStart: '2026-09-01' }, today, stored),
    false,
  )
})

test('planned start passed before today', () => {
  assert.equal(hasPlannedStartPassed(null, '2026-12-04'), false)
  assert.equal(hasPlannedStartPassed('2026-12-04', '2026-12-04'), false)
  assert.equal(hasPlannedStartPassed('2026-12-03', '2026-12-04'), true)
})

test('area labels listed with semicolons', () => {
  assert.equal(listAreaLabels([]), '')
  assert.equal(listAreaLabels(['health']), 'Good health')
  assert.equal(
    listAreaLabels(['community', 'health']),
    'Friends, relationships and community; Good health',
  )
})

import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  ACTIVITY_KIND_INFO,
  activityMessages,
  checkActivityFields,
  cohortCoverage,
  compareYearGroups,
  isPlanned,
  studentCoverage,
} from './careers-activities.js'
import type { ActivityFields } from './careers-activities.js'

const TODAY = '2026-12-04'

function aValidActivity(overrides: Partial<ActivityFields> = {}): ActivityFields {
  return {
    kind: 'employer_encounter',
    title: 'Visit from the fire service',
    heldOn: '2026-11-20',
    provider: 'County Fire and Rescue',
    benchmark: 5,
    adjustments: null,
    ...overrides,
  }
}

test('each kind has its usual benchmark', () => {
  assert.equal(ACTIVITY_KIND_INFO.employer_encounter.benchmark, 5)
  assert.equal(ACTIVITY_KIND_INFO.workplace_experience.benchmark, 6)
  assert.equal(ACTIVITY_KIND_INFO.education_encounter.benchmark, 7)
  assert.equal(ACTIVITY_KIND_INFO.guidance_interview.benchmark, 8)
})

test('studentCoverage counts and dates each benchmark', () => {
  const coverage = studentCoverage(
    [
      { benchmark: 5, heldOn: '2026-03-01' },
      { benchmark: 5, heldOn: '2026-10-12' },
      { benchmark: 5, heldOn: '2025-06-30' },
      { benchmark: 8, heldOn: '2026-01-15' },
    ],
    TODAY,
  )

  assert.deepEqual(
    coverage.map((item) => item.benchmark),
    [2, 3, 4, 5, 6, 7, 8],
  )
  const none = { planned: 0, nextPlanned: null }
  assert.deepEqual(coverage[3], { benchmark: 5, count: 3, latest: '2026-10-12', ...none })
  assert.deepEqual(coverage[6], { benchmark: 8, count: 1, latest: '2026-01-15', ...none })
  assert.deepEqual(coverage[0], { benchmark: 2, count: 0, latest: null, ...none })
})

test('studentCoverage counts today but not tomorrow', () => {
  const coverage = studentCoverage(
    [
      { benchmark: 5, heldOn: '2026-12-04' },
      { benchmark: 5, heldOn: '2027-03-01' },
      { benchmark: 5, heldOn: '2026-12-05' },
      { benchmark: 7, heldOn: '2027-11-20' },
    ],
    TODAY,
  )

  assert.deepEqual(coverage[3], {
    benchmark: 5,
    count: 1,
    latest: '2026-12-04',
    planned: 2,
    nextPlanned: '2026-12-05',
  })
  assert.deepEqual(coverage[5], {
    benchmark: 7,
    count: 0,
    latest: null,
    planned: 1,
    nextPlanned: '2027-11-20',
  })
})

test('isPlanned only after today', () => {
  assert.equal(isPlanned('2026-12-03', TODAY), false)
  assert.equal(isPlanned('2026-12-04', TODAY), false)
  assert.equal(isPlanned('2026-12-05', TODAY), true)
})

test('studentCoverage ignores benchmark 1', () => {
  const coverage = studentCoverage([{ benchmark: 1, heldOn: '2026-03-01' }], TODAY)

  assert.ok(coverage.every((item) => item.count === 0))
})

test('cohortCoverage counts students per year group', () => {
  const rows = cohortCoverage(
    [
      { yearGroup: '10', activities: [{ benchmark: 5, heldOn: '2026-03-01' }] },
      {
        yearGroup: '10',
        activities: [
          { benchmark: 5, heldOn: '2026-03-01' },
          { benchmark: 5, heldOn: '2026-04-01' },
        ],
      },
      { yearGroup: '10', activities: [] },
      { yearGroup: '9', activities: [{ benchmark: 7, heldOn: '2026-03-01' }] },
    ],
    TODAY,
  )

  assert.deepEqual(
    rows.map((row) => [row.yearGroup, row.students]),
    [
      ['9', 1],
      ['10', 3],
    ],
  )
  const year10 = rows[1]!.benchmarks.find((item) => item.benchmark === 5)
  assert.equal(year10?.covered, 2)
  assert.equal(year10?.share, 2 / 3)
  const year9 = rows[0]!.benchmarks.find((item) => item.benchmark === 5)
  assert.equal(year9?.covered, 0)
  assert.equal(year9?.share, 0)
})

test('cohortCoverage leaves out planned activities', () => {
  const rows = cohortCoverage(
    [
      { yearGroup: '10', activities: [{ benchmark: 5, heldOn: '2027-11-20' }] },
      { yearGroup: '10', activities: [{ benchmark: 5, heldOn: '2026-12-04' }] },
    ],
    TODAY,
  )

  const cell = rows[0]!.benchmarks.find((item) => item.benchmark === 5)
  assert.equal(cell?.covered, 1)
  assert.equal(cell?.share, 1 / 2)
})

test('cohortCoverage of no students is empty', () => {
  assert.deepEqual(cohortCoverage([], TODAY), [])
})

test('compareYearGroups orders R, numbers, X, none', () => {
  const sorted = [null, 'X', '11', 'R', '9', '14', '1'].sort(compareYearGroups)

  assert.deepEqual(sorted, ['R', '1', '9', '11', '14', 'X', null])
})

test('checkActivityFields accepts a valid activity', () => {
  assert.deepEqual(checkActivityFields(aValidActivity(), TODAY), [])
})

test('checkActivityFields accepts exactly a year ahead', () => {
  assert.deepEqual(checkActivityFields(aValidActivity({ heldOn: '2027-12-04' }), TODAY), [])
})

test('checkActivityFields rejects more than a year ahead', () => {
  const problems = checkActivityFields(aValidActivity({ heldOn: '2027-12-05' }), TODAY)

  assert.deepEqual(problems, [
    { field: 'heldOn', message: activityMessages.dateTooLate('2027-12-04') },
  ])
  assert.match(problems[0]!.message, /4 December 2027/)
})

test('checkActivityFields rejects dates before 2000', () => {
  const problems = checkActivityFields(aValidActivity({ heldOn: '1999-12-31' }), TODAY)

  assert.deepEqual(problems, [{ field: 'heldOn', message: activityMessages.dateTooEarly }])
})

test('checkActivityFields rejects an impossible date', () => {
  const problems = checkActivityFields(aValidActivity({ heldOn: '2026-02-29' }), TODAY)

  assert.deepEqual(problems, [{ field: 'heldOn', message: activityMessages.dateInvalid }])
})

test('checkActivityFields rejects title problems', () => {
  const missing = checkActivityFields(aValidActivity({ title: '' }), TODAY)
  const long = checkActivityFields(aValidActivity({ title: 'a'.repeat(201) }), TODAY)
  const longest = checkActivityFields(aValidActivity({ title: 'a'.repeat(200) }), TODAY)

  assert.deepEqual(missing, [{ field: 'title', message: activityMessages.titleMissing }])
  assert.deepEqual(long, [{ field: 'title', message: activityMessages.titleTooLong(201) }])
  assert.deepEqual(longest, [])
})

test('checkActivityFields takes benchmarks 2 to 8 only', () => {
  for (const benchmark of [2, 3, 4, 5, 6, 7, 8]) {
    assert.deepEqual(checkActivityFields(aValidActivity({ benchmark }), TODAY), [], `${benchmark}`)
  }
  for (const benchmark of [0, 1, 9, 2.5, Number.NaN]) {
    const problems = checkActivityFields(aValidActivity({ benchmark }), TODAY)
    assert.equal(problems[0]?.field, 'benchmark', `${benchmark}`)
  }
})

test('checkActivityFields blames the kind for a blank benchmark', () => {
  const blank = checkActivityFields(aValidActivity({ kind: '', benchmark: null }), TODAY)
  const chosen = checkActivityFields(aValidActivity({ kind: '', benchmark: 6 }), TODAY)
  const wrong = checkActivityFields(aValidActivity({ kind: '', benchmark: 9 }), TODAY)

  assert.deepEqual(blank, [{ field: 'kind', message: activityMessages.kindForBenchmark }])
  assert.deepEqual(chosen, [{ field: 'kind', message: activityMessages.kind }])
  assert.deepEqual(wrong, [
    { field: 'kind', message: activityMessages.kind },
    { field: 'benchmark', message: activityMessages.benchmark(9) },
  ])
})

test('benchmark message for an unreadable value', () => {
  assert.equal(
    activityMessages.benchmark(Number.NaN),
    'Benchmark must be a whole number from 2 to 8',
  )
  assert.equal(activityMessages.benchmark(9), 'Benchmark must be a number from 2 to 8, not 9')
})

test('checkActivityFields reports every problem at once', () => {
  const problems = checkActivityFields(
    aValidActivity({ kind: 'party', title: '', heldOn: '1990-01-01', benchmark: 1 }),
    TODAY,
  )

  assert.deepEqual(
    problems.map((problem) => problem.field),
    ['kind', 'title', 'heldOn', 'benchmark'],
  )
})

test('checkActivityFields rejects control characters', () => {
  const activity = aValidActivity({
    title: 'Visit\u001b[2J',
    provider: 'County\u202eFire',
    adjustments: 'Quiet room\nextra time\u0007',
  })

  const problems = checkActivityFields(activity, TODAY)

  assert.deepEqual(
    problems.map((problem) => problem.field),
    ['title', 'provider', 'adjustments'],
  )
  assert.match(
    problems[0]?.message ?? '',
    /Title contains a control or text-direction character \(U\+001B\)/,
  )
  assert.match(problems[1]?.message ?? '', /U\+202E/)
  assert.match(problems[2]?.message ?? '', /U\+0007/)
})

test('checkActivityFields allows line breaks in adjustments', () => {
  const activity = aValidActivity({ adjustments: 'Quiet room\n\tExtra time' })

  assert.deepEqual(checkActivityFields(activity, TODAY), [])
})

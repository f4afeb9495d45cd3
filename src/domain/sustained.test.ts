import assert from 'node:assert/strict'
import { test } from 'node:test'

import type { DestinationSpell } from './destinations.js'
import { assessSustained, isMonthCounted } from './sustained.js'

const YEAR = 2025
const AFTER_MARCH = '2026-06-30'

function spell(type: string, startDate: string, endDate?: string): DestinationSpell {
  return endDate === undefined ? { type, startDate } : { type, startDate, endDate }
}

test('assessSustained education across boundaries', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-09-01', '2026-07-10')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
  assert.match(result.rule, /Sustained education/)
  assert.deepEqual(
    result.months.map((month) => month.month),
    ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'],
  )
})

test('assessSustained education gap at provider change', () => {
  const result = assessSustained(
    [
      spell('sixth-form-college', '2025-09-01', '2025-12-12'),
      spell('specialist-college', '2025-12-19', '2026-07-10'),
    ],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
  assert.match(result.rule, /Sustained education/)
})

test('assessSustained education ending in February', () => {
  const result = assessSustained(
    [spell('school-sixth-form', '2025-09-01', '2026-02-27')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, false)
  assert.deepEqual(result.months[5]?.covered, [])
  assert.match(result.rule, /Not sustained: 5 of the 6 months/)
})

test('assessSustained education starting in November', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-11-03', '2026-07-10')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, false)
})

test('assessSustained education touching March 1st', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-09-30', '2026-03-01')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
})

test('assessSustained employment with one month gap', () => {
  const result = assessSustained(
    [
      spell('paid-employment', '2025-10-01', '2025-11-30'),
      spell('supported-employment', '2026-01-05'),
    ],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
  assert.match(result.rule, /employment in 5 of the 6 months/)
  assert.deepEqual(result.months[2]?.covered, [])
})

test('assessSustained employment with two gaps', () => {
  const result = assessSustained(
    [
      spell('paid-employment', '2025-10-01', '2025-10-31'),
      spell('paid-employment', '2025-12-01', '2025-12-31'),
      spell('part-time-employment', '2026-02-01', '2026-05-31'),
    ],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, false)
  assert.match(result.rule, /Not sustained: 4 of the 6 months/)
})

// Only the apprenticeship rule reads August and September, and these spells cover at most four
// months from October to March, so the employment rule cannot decide them.
test('assessSustained apprenticeship exactly six months', () => {
  const result = assessSustained(
    [spell('apprenticeship', '2025-08-01', '2026-01-31')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
  assert.match(result.rule, /Sustained apprenticeship/)
})

test('assessSustained apprenticeship one day short', () => {
  const result = assessSustained(
    [spell('apprenticeship', '2025-08-01', '2026-01-30')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, false)
})

test('assessSustained apprenticeship counts as employment', () => {
  const exact = assessSustained(
    [spell('apprenticeship', '2025-08-04', '2026-02-03')],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(exact.sustained, true)
  assert.match(exact.rule, /Sustained employment: employment in 5/)
})

test('assessSustained apprenticeship joins employer change', () => {
  const result = assessSustained(
    [
      spell('apprenticeship', '2025-08-01', '2025-10-31'),
      spell('supported-apprenticeship', '2025-11-01', '2026-01-31'),
    ],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
  assert.match(result.rule, /Sustained apprenticeship: .* from 2025-08-01 to 2026-01-31/)
})

test('assessSustained apprenticeship with gap fails', () => {
  const result = assessSustained(
    [
      spell('apprenticeship', '2025-08-01', '2025-10-31'),
      spell('apprenticeship', '2025-11-03', '2026-01-30'),
    ],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, false)
})

test('assessSustained mixed education and employment', () => {
  const result = assessSustained(
    [
      spell('further-education-college', '2025-09-01', '2025-12-19'),
      spell('paid-employment', '2026-01-05', '2026-01-30'),
      spell('part-time-employment', '2026-02-02', '2026-05-29'),
    ],
    YEAR,
    AFTER_MARCH,
  )
  assert.equal(result.sustained, true)
  assert.match(result.rule, /combined/)
})

test('assessSustained open spell runs to reference date', () => {
  const early = assessSustained(
    [spell('further-education-college', '2025-09-01')],
    YEAR,
    '2026-02-10',
  )
  assert.equal(early.sustained, 'not_yet_known')
  assert.deepEqual(early.months[5]?.covered, [])
  assert.equal(early.months[5]?.inFuture, true)
  assert.equal(early.months[4]?.inFuture, true)
  assert.deepEqual(early.months[4]?.covered, ['education'])
  assert.match(early.rule, /Not yet known/)

  const late = assessSustained(
    [spell('further-education-college', '2025-09-01')],
    YEAR,
    '2026-04-01',
  )
  assert.equal(late.sustained, true)
})

test('assessSustained future end date is cut', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-09-01', '2026-07-10')],
    YEAR,
    '2025-12-01',
  )
  assert.equal(result.sustained, 'not_yet_known')
  assert.deepEqual(result.months[1]?.covered, ['education'])
  assert.deepEqual(result.months[2]?.covered, ['education'])
  assert.deepEqual(result.months[3]?.covered, [])
})

test('assessSustained decided before March', () => {
  const result = assessSustained([spell('paid-employment', '2025-09-01')], YEAR, '2026-02-28')
  assert.equal(result.sustained, true)
  assert.match(result.rule, /employment in 5 of the 6/)
})

test('assessSustained not yet known on 30 March', () => {
  const result = assessSustained([], YEAR, '2026-03-30')
  assert.equal(result.sustained, 'not_yet_known')
  const decided = assessSustained([], YEAR, '2026-03-31')
  assert.equal(decided.sustained, false)
})

test('assessSustained never counts NEET spells', () => {
  const types = [
    'neet-seeking',
    'neet-not-available-illness',
    'neet-not-available-caring',
    'neet-not-available-other',
    're-engagement',
    'not-known',
    'custody',
    'moved-away',
    'unknown-type',
  ]
  for (const type of types) {
    const result = assessSustained([spell(type, '2025-09-01', '2026-08-31')], YEAR, AFTER_MARCH)
    assert.equal(result.sustained, false, type)
    assert.ok(
      result.months.every((month) => month.covered.length === 0),
      `${type} covered a month`,
    )
  }
})

test('assessSustained spell starting on 31 October', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-10-31', '2026-07-10')],
    YEAR,
    AFTER_MARCH,
  )

  assert.deepEqual(result.months[0]?.covered, ['education'])
  assert.equal(result.sustained, true)
})

test('assessSustained spell ending on 30 September', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-09-01', '2025-09-30')],
    YEAR,
    AFTER_MARCH,
  )

  assert.deepEqual(result.months[0]?.covered, [])
  assert.equal(result.sustained, false)
  assert.match(result.rule, /0 of the 6 months/)
})

test('assessSustained spell ending on 1 March', () => {
  const result = assessSustained(
    [spell('further-education-college', '2025-09-01', '2026-03-01')],
    YEAR,
    AFTER_MARCH,
  )

  assert.deepEqual(result.months[5]?.covered, ['education'])
  assert.equal(result.sustained, true)
})

test('assessSustained whole-month gap breaks education', () => {
  const result = assessSustained(
    [
      spell('further-education-college', '2025-09-01', '2025-11-28'),
      spell('specialist-college', '2026-01-05', '2026-07-10'),
    ],
    YEAR,
    AFTER_MARCH,
  )

  assert.deepEqual(result.months[2]?.covered, [])
  assert.equal(result.sustained, false)
  assert.match(result.rule, /5 of the 6 months/)
})

test('assessSustained switch from learning to work', () => {
  const result = assessSustained(
    [
      spell('specialist-college', '2025-09-01', '2025-11-14'),
      spell('supported-employment', '2025-11-17'),
    ],
    YEAR,
    AFTER_MARCH,
  )

  assert.deepEqual(result.months[1]?.covered, ['education', 'employment'])
  assert.equal(result.sustained, true)
  assert.match(result.rule, /Sustained employment: employment in 5 of the 6 months/)
})

test('assessSustained switch from work to learning', () => {
  const result = assessSustained(
    [
      spell('paid-employment', '2025-09-01', '2025-12-12'),
      spell('further-education-college', '2026-01-05', '2026-07-10'),
    ],
    YEAR,
    AFTER_MARCH,
  )

  assert.equal(result.sustained, true)
  assert.match(result.rule, /combined/)
})

test('assessSustained switch with a missing month', () => {
  const result = assessSustained(
    [
      spell('paid-employment', '2025-09-01', '2025-11-28'),
      spell('further-education-college', '2026-01-05', '2026-07-10'),
    ],
    YEAR,
    AFTER_MARCH,
  )

  assert.deepEqual(result.months[2]?.covered, [])
  assert.equal(result.sustained, false)
})

test('assessSustained open employment spell in January', () => {
  const result = assessSustained([spell('paid-employment', '2025-10-06')], YEAR, '2026-01-15')

  assert.equal(result.sustained, 'not_yet_known')
  assert.deepEqual(result.months[3]?.covered, ['employment'])
  assert.equal(result.months[3]?.inFuture, true)
  assert.deepEqual(result.months[4]?.covered, [])
})

test('assessSustained open apprenticeship from August', () => {
  const result = assessSustained([spell('apprenticeship', '2025-08-18')], YEAR, AFTER_MARCH)

  assert.equal(result.sustained, true)
  assert.match(result.rule, /Sustained employment/)
})

test('assessSustained waits for a month to end', () => {
  const result = assessSustained([spell('paid-employment', '2025-11-01')], YEAR, '2026-03-15')

  assert.equal(result.sustained, 'not_yet_known')
  assert.deepEqual(result.months[5]?.covered, ['employment'])
  assert.equal(isMonthCounted(result.months[5]!), false)
  assert.equal(isMonthCounted(result.months[4]!), true)
})

test('assessSustained rule says how months count', () => {
  const early = assessSustained([spell('paid-employment', '2025-11-01')], YEAR, '2026-03-15')
  const done = assessSustained([spell('paid-employment', '2025-11-01')], YEAR, AFTER_MARCH)

  assert.match(early.rule, /A month counts when a spell covers at least one day of it/)
  assert.match(done.rule, /A month counts when a spell covers at least one day of it/)
})

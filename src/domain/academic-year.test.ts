import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  academicYearOf,
  firstDayOf,
  formatAcademicYear,
  lastDayOf,
  parseAcademicYear,
  parsePlanningYear,
  referenceDateFor,
} from './academic-year.js'

for (const written of ['2026/27', '2026-27', '2026/2027', '2026 to 2027', ' 2026 / 27 ']) {
  test(`parseAcademicYear reads "${written}"`, () => {
    assert.deepEqual(parseAcademicYear(written), { ok: true, value: 2026, warnings: [] })
  })
}

test('parseAcademicYear across a century', () => {
  assert.deepEqual(parseAcademicYear('2099/00'), { ok: true, value: 2099, warnings: [] })
})

const REJECTED: [string, RegExp][] = [
  ['2026/28', /must end the year after it starts, as in 2026\/27/],
  ['2026/2028', /must end the year after/],
  ['2026', /not in the form 2026\/27/],
  ['26/27', /not in the form/],
  ['', /not in the form/],
]

for (const [written, error] of REJECTED) {
  test(`parseAcademicYear rejects "${written}"`, () => {
    const result = parseAcademicYear(written)

    assert.match(result.ok ? '' : result.error, error)
  })
}

test('formatAcademicYear pads the end year', () => {
  assert.equal(formatAcademicYear(2026), '2026/27')
  assert.equal(formatAcademicYear(2008), '2008/09')
  assert.equal(formatAcademicYear(2099), '2099/00')
})

test('academicYearOf at the boundary', () => {
  assert.equal(academicYearOf('2026-08-31'), 2025)
  assert.equal(academicYearOf('2026-09-01'), 2026)
  assert.equal(academicYearOf('2027-01-15'), 2026)
})

test('referenceDateFor opens the year', () => {
  assert.equal(referenceDateFor(2026), '2026-08-31')
  assert.equal(referenceDateFor(2027), '2027-08-31')
})

test('first and last days of a year', () => {
  assert.equal(firstDayOf(2026), '2026-09-01')
  assert.equal(lastDayOf(2026), '2027-08-31')
})

const PLANNING_YEARS: [string, boolean][] = [
  ['2013/14', false],
  ['2014/15', true],
  ['2026/27', true],
  ['2046/47', true],
  ['2047/48', false],
  ['1999/00', false],
]

for (const [written, accepted] of PLANNING_YEARS) {
  test(`parsePlanningYear "${written}" in 2026/27`, () => {
    assert.equal(parsePlanningYear(written, 2026).ok, accepted)
  })
}

test('parsePlanningYear names the range', () => {
  const result = parsePlanningYear('2010/11', 2026)

  assert.match(result.ok ? '' : result.error, /"2010\/11" is outside .* from 2014\/15 to 2046\/47/)
})

test('parsePlanningYear keeps format errors', () => {
  const result = parsePlanningYear('2026/28', 2026)

  assert.match(result.ok ? '' : result.error, /must end the year after/)
})

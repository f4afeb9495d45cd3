import assert from 'node:assert/strict'
import { test } from 'node:test'

import { academicAge, ageOn, birthdayAt, schoolLeavingDate } from './age.js'
import { parseCalendarDate } from './dates.js'
import { readFixture } from './fixtures.test.js'

function isoDate(raw: string): string {
  const result = parseCalendarDate(raw)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

for (const row of readFixture('age-table.csv')) {
  const { DOB: dob = '', 'On Date': on = '' } = row.cells
  const expected = Number(row.cells['Expected Age (1 March rule)'])

  test(`ageOn age-table line ${row.line}`, () => {
    assert.equal(ageOn(isoDate(dob), isoDate(on)), expected)
  })
}

test('ageOn on the birthday', () => {
  assert.equal(ageOn('2010-08-31', '2026-08-31'), 16)
  assert.equal(ageOn('2010-08-31', '2026-08-30'), 15)
})

test('ageOn 29 February in a leap year', () => {
  assert.equal(ageOn('2008-02-29', '2024-02-28'), 15)
  assert.equal(ageOn('2008-02-29', '2024-02-29'), 16)
})

test('ageOn before birth is negative', () => {
  assert.equal(ageOn('2026-05-01', '2026-01-01'), -1)
})

test('ageOn raises on an invalid date', () => {
  assert.throws(() => ageOn('2011-02-29', '2026-08-31'), RangeError)
})

test('academicAge uses 31 August', () => {
  assert.equal(academicAge('2010-08-31', 2026), 16)
  assert.equal(academicAge('2010-09-01', 2026), 15)
  assert.equal(academicAge('2010-09-01', 2027), 16)
})

test('birthdayAt applies the 1 March rule', () => {
  assert.equal(birthdayAt('2008-02-29', 18), '2026-03-01')
  assert.equal(birthdayAt('2008-02-29', 20), '2028-02-29')
  assert.equal(birthdayAt('2010-09-01', 16), '2026-09-01')
})

const SCHOOL_LEAVING: [string, string][] = [
  ['2010-09-01', '2027-06-25'],
  ['2010-08-31', '2026-06-26'],
  ['2011-01-15', '2027-06-25'],
  ['2012-02-29', '2028-06-30'],
]

for (const [dateOfBirth, leaving] of SCHOOL_LEAVING) {
  test(`schoolLeavingDate born ${dateOfBirth}`, () => {
    assert.equal(schoolLeavingDate(dateOfBirth), leaving)
  })
}

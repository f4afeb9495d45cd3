import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { resolveReferenceDate, todayInEngland } from './reference-date.js'

describe('resolveReferenceDate', () => {
  test('uses 31 August before a named year', () => {
    const result = resolveReferenceDate({ year: '2026/27' }, '2026-12-03')

    assert.ok(result.ok)
    assert.equal(result.value.date, '2026-08-31')
    assert.equal(result.value.academicYear, '2026/27')
    assert.equal(result.value.basis, 'academic_year')
  })

  test('defaults to the next academic year', () => {
    const result = resolveReferenceDate({}, '2026-12-03')

    assert.ok(result.ok)
    assert.equal(result.value.date, '2027-08-31')
    assert.equal(result.value.academicYear, '2027/28')
  })

  test('treats 1 September as a new academic year', () => {
    const before = resolveReferenceDate({}, '2026-08-31')
    const after = resolveReferenceDate({}, '2026-09-01')

    assert.ok(before.ok)
    assert.ok(after.ok)
    assert.equal(before.value.date, '2026-08-31')
    assert.equal(after.value.date, '2027-08-31')
  })

  test('uses a planned start date as given', () => {
    const result = resolveReferenceDate({ date: '2027-01-15' }, '2026-12-03')

    assert.ok(result.ok)
    assert.equal(result.value.date, '2027-01-15')
    assert.equal(result.value.basis, 'planned_start')
    assert.equal(result.value.academicYear, '2026/27')
  })

  test('rejects a year and a date together', () => {
    const result = resolveReferenceDate({ year: '2026/27', date: '2027-01-15' })

    assert.equal(result.ok, false)
  })

  test('rejects an invalid year', () => {
    const result = resolveReferenceDate({ year: '2026/28' })

    assert.equal(result.ok, false)
  })

  test('rejects a start date far in the past', () => {
    const result = resolveReferenceDate({ date: '1900-01-01' }, '2026-12-03')

    assert.equal(result.ok, false)
    assert.match(result.ok ? '' : result.error, /is in 1899\/00\. Planning year/)
  })

  test('rejects an impossible date', () => {
    const result = resolveReferenceDate({ date: '2027-02-30' })

    assert.equal(result.ok, false)
  })
})

describe('todayInEngland', () => {
  test('uses British Summer Time', () => {
    assert.equal(todayInEngland(new Date('2026-06-30T23:30:00Z')), '2026-07-01')
  })

  test('uses GMT in winter', () => {
    assert.equal(todayInEngland(new Date('2026-12-31T23:30:00Z')), '2026-12-31')
  })

  test('rejects a year before 2014/15', () => {
    const result = resolveReferenceDate({ year: '2013/14' }, '2026-12-03')

    assert.match(result.ok ? '' : result.error, /from 2014\/15 to 2046\/47/)
  })

  test('rejects a year over 20 ahead', () => {
    const result = resolveReferenceDate({ year: '2047/48' }, '2026-12-03')

    assert.equal(result.ok, false)
  })
})

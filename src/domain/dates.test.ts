import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dayOfWeek,
  daysInMonth,
  isLeapYear,
  isValidIsoDate,
  lastFridayOfJune,
  parseCalendarDate,
  splitIsoDate,
} from './dates.js'
import { formatLongDate } from './format.js'

const ACCEPTED: [string, string][] = [
  ['31/08/2026', '2026-08-31'],
  ['1/9/2026', '2026-09-01'],
  ['01/09/2026', '2026-09-01'],
  ['2026-08-31', '2026-08-31'],
  ['31-08-2026', '2026-08-31'],
  ['31.08.2026', '2026-08-31'],
  [' 24/11/2013 ', '2013-11-24'],
  ['24/11/2013 00:00:00', '2013-11-24'],
  ['2013-11-24T00:00:00', '2013-11-24'],
  ['29/02/2008', '2008-02-29'],
  ['29/02/2000', '2000-02-29'],
  ['31/12/2099', '2099-12-31'],
]

for (const [raw, iso] of ACCEPTED) {
  test(`parseCalendarDate reads "${raw}"`, () => {
    assert.deepEqual(parseCalendarDate(raw), { ok: true, value: iso, warnings: [] })
  })
}

const REJECTED: [string, RegExp][] = [
  ['', /Date is missing/],
  ['31/08/26', /two-digit year/],
  ['1/9/26', /two-digit year/],
  ['31/08/202', /not four digits/],
  ['31/09/2013', /no 31 September 2013, because September has 30 days/],
  ['29/02/2011', /no 29 February 2011, because 2011 is not a leap year/],
  ['2011-02-29', /no 29 February 2011, because 2011 is not a leap year/],
  ['29/02/1900', /1900 is not a leap year/],
  ['05/13/2011', /month 13, which does not exist. Dates are read day first/],
  ['13/13/2011', /month 13/],
  ['00/01/2011', /no 0 January 2011/],
  ['32/01/2011', /no 32 January 2011/],
  ['40543', /bare number/],
  ['20260831', /bare number/],
  ['31/08-2026', /not in a recognised format/],
  ['August 31, 2026', /not in a recognised format/],
  ['2026/08/31', /not in a recognised format/],
  ['01/01/1899', /outside 1900 to 2100/],
  ['01/01/2101', /outside 1900 to 2100/],
  ['24/11/2013 09:30', /not in a recognised format/],
]

for (const [raw, error] of REJECTED) {
  test(`parseCalendarDate rejects "${raw}"`, () => {
    const result = parseCalendarDate(raw)

    assert.equal(result.ok, false)
    assert.match(result.ok ? '' : result.error, error)
  })
}

test('parseCalendarDate error names the format', () => {
  const result = parseCalendarDate('31/08/26')

  assert.match(result.ok ? '' : result.error, /dd\/mm\/yyyy/)
})

test('parseCalendarDate suggests the day-first form', () => {
  const result = parseCalendarDate('05/13/2011')

  assert.match(result.ok ? '' : result.error, /meaning 13 May 2011, enter 13\/05\/2011/)
})

test('isLeapYear follows the Gregorian rule', () => {
  assert.equal(isLeapYear(2024), true)
  assert.equal(isLeapYear(2026), false)
  assert.equal(isLeapYear(1900), false)
  assert.equal(isLeapYear(2000), true)
})

test('daysInMonth for February', () => {
  assert.equal(daysInMonth(2028, 2), 29)
  assert.equal(daysInMonth(2027, 2), 28)
  assert.equal(daysInMonth(2027, 9), 30)
  assert.equal(daysInMonth(2027, 8), 31)
})

test('isValidIsoDate', () => {
  assert.equal(isValidIsoDate('2028-02-29'), true)
  assert.equal(isValidIsoDate('2027-02-29'), false)
  assert.equal(isValidIsoDate('2027-13-01'), false)
  assert.equal(isValidIsoDate('2027-1-01'), false)
  assert.equal(isValidIsoDate('31/08/2026'), false)
})

test('splitIsoDate raises on invalid input', () => {
  assert.deepEqual(splitIsoDate('2026-08-31'), { year: 2026, month: 8, day: 31 })
  assert.throws(() => splitIsoDate('2026-02-30'), RangeError)
})

test('compareDates orders dates', () => {
  assert.equal(compareDates('2026-08-31', '2026-09-01'), -1)
  assert.equal(compareDates('2026-09-01', '2026-08-31'), 1)
  assert.equal(compareDates('2026-08-31', '2026-08-31'), 0)
  assert.throws(() => compareDates('2026-08-31', 'soon'), RangeError)
})

test('addYears moves 29 February to 28 February', () => {
  assert.equal(addYears('2024-02-29', 1), '2025-02-28')
  assert.equal(addYears('2024-02-29', 4), '2028-02-29')
  assert.equal(addYears('2026-08-31', -1), '2025-08-31')
})

test('addMonths clamps to the month end', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
  assert.equal(addMonths('2025-08-01', 8), '2026-04-01')
  assert.equal(addMonths('2026-03-31', -1), '2026-02-28')
  assert.equal(addMonths('2026-12-15', 1), '2027-01-15')
})

test('addDays crosses month and year ends', () => {
  assert.equal(addDays('2026-08-31', 1), '2026-09-01')
  assert.equal(addDays('2026-09-01', -1), '2026-08-31')
  assert.equal(addDays('2028-02-28', 1), '2028-02-29')
  assert.equal(addDays('2027-02-28', 1), '2027-03-01')
  assert.equal(addDays('2026-12-31', 1), '2027-01-01')
  assert.equal(addDays('2027-01-01', -1), '2026-12-31')
  assert.equal(addDays('2026-01-01', 365), '2027-01-01')
})

test('formatLongDate writes the UK form', () => {
  assert.equal(formatLongDate('2026-08-31'), '31 August 2026')
  assert.equal(formatLongDate('2023-07-01'), '1 July 2023')
  assert.throws(() => formatLongDate('2026-02-30'), RangeError)
})

const WEEKDAYS: [string, number][] = [
  ['2026-12-03', 4],
  ['2000-01-01', 6],
  ['2024-02-29', 4],
  ['2026-06-26', 5],
]

for (const [date, weekday] of WEEKDAYS) {
  test(`dayOfWeek ${date}`, () => {
    assert.equal(dayOfWeek(date), weekday)
  })
}

test('lastFridayOfJune on 30 June', () => {
  assert.equal(lastFridayOfJune(2028), '2028-06-30')
})

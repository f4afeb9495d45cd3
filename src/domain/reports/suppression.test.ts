import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  formatCount,
  percentOf,
  rowWithholdsShares,
  suppressBreakdown,
  suppressCount,
  withheldText,
} from './suppression.js'
import type { Count } from './suppression.js'

test('suppressCount withholds 1 to 4 only', () => {
  const cases: [Count, Count][] = [
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [120, 120],
    [null, null],
  ]
  for (const [count, expected] of cases) {
    assert.equal(suppressCount(count), expected, `count ${count}`)
  }
})

test('suppressBreakdown table of cases', () => {
  const cases: {
    name: string
    cells: Count[]
    total: Count
    expected: Count[]
    shownTotal: Count
  }[] = [
    { name: 'nothing small', cells: [10, 5, 0], total: 15, expected: [10, 5, 0], shownTotal: 15 },
    {
      name: 'one small cell takes the next smallest',
      cells: [10, 3, 7, 6],
      total: 26,
      expected: [10, null, 7, null],
      shownTotal: 26,
    },
    {
      name: 'zeros are never the complement',
      cells: [10, 3, 7, 0],
      total: 20,
      expected: [10, null, null, 0],
      shownTotal: 20,
    },
    {
      name: 'equal candidates take the first',
      cells: [3, 6, 6],
      total: 15,
      expected: [null, null, 6],
      shownTotal: 15,
    },
    {
      name: 'two small cells need no complement',
      cells: [2, 3, 10],
      total: 15,
      expected: [null, null, 10],
      shownTotal: 15,
    },
    {
      name: 'a small total hides everything',
      cells: [1, 2, 0],
      total: 3,
      expected: [null, null, 0],
      shownTotal: null,
    },
    {
      name: 'a cell withheld already counts',
      cells: [null, 6, 8],
      total: 20,
      expected: [null, null, 8],
      shownTotal: 20,
    },
    {
      name: 'a withheld total needs no complement',
      cells: [3, 9],
      total: null,
      expected: [null, 9],
      shownTotal: null,
    },
    { name: 'no cells', cells: [], total: 0, expected: [], shownTotal: 0 },
  ]
  for (const item of cases) {
    const result = suppressBreakdown(item.cells, item.total)
    assert.deepEqual(result.cells, item.expected, item.name)
    assert.equal(result.total, item.shownTotal, item.name)
  }
})

test('percentOf withholds with a withheld count', () => {
  assert.equal(percentOf(5, 20), 25)
  assert.equal(percentOf(0, 20), 0)
  assert.equal(percentOf(null, 20), null)
  assert.equal(percentOf(5, null), null)
  assert.equal(percentOf(0, 0), null)
})

test('formatCount words a withheld count', () => {
  assert.equal(formatCount(null), 'fewer than 5')
  assert.equal(formatCount(0), '0')
  assert.equal(formatCount(17), '17')
})

test('suppressBreakdown reasons per cell', () => {
  const result = suppressBreakdown([10, 3, 14, 6], 33)
  assert.deepEqual(result.reasons, [null, 'fewer-than-5', null, 'protects-another'])
  assert.equal(formatCount(result.cells[3] ?? null, result.reasons[3] ?? undefined), 'withheld')
  assert.equal(formatCount(result.cells[1] ?? null, result.reasons[1] ?? undefined), 'fewer than 5')
})

test('rowWithholdsShares table of cases', () => {
  const cases: [Count, boolean][] = [
    [0, false],
    [1, true],
    [8, true],
    [9, true],
    [10, false],
    [250, false],
    [null, false],
  ]
  for (const [leavers, expected] of cases) {
    assert.equal(rowWithholdsShares(leavers), expected, `leavers ${leavers}`)
  }
})

test('withheldText words each reason', () => {
  assert.equal(withheldText('fewer-than-5'), 'fewer than 5')
  assert.equal(withheldText('protects-another'), 'withheld')
  assert.equal(withheldText('row-withheld'), 'withheld')
  assert.equal(withheldText('fewer-than-10-leavers'), 'withheld (fewer than 10 leavers)')
})

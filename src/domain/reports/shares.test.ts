import assert from 'node:assert/strict'
import { test } from 'node:test'

import type { OutcomeCounts, OutcomeMeasure } from './cohort-report.js'
import { shareOf, shareReasonText } from './shares.js'
import type { Share } from './shares.js'

function counts(fields: Partial<OutcomeCounts>): OutcomeCounts {
  return {
    leavers: 20,
    positive: 15,
    eet: 14,
    neet: 3,
    notKnown: 2,
    sustained: 12,
    sustainedNotYetKnown: 0,
    sustainedEmployment: 4,
    mix: [],
    ...fields,
  }
}

test('shareOf table of cases', () => {
  const cases: { name: string; counts: OutcomeCounts; measure: OutcomeMeasure; expected: Share }[] =
    [
      {
        name: 'a plain share',
        counts: counts({}),
        measure: 'positive',
        expected: { percent: 75, reason: null },
      },
      {
        name: 'no leavers',
        counts: counts({ leavers: 0 }),
        measure: 'positive',
        expected: { percent: null, reason: 'no-leavers' },
      },
      {
        name: 'sustained not yet known',
        counts: counts({ sustained: 0, sustainedNotYetKnown: 20 }),
        measure: 'sustained',
        expected: { percent: null, reason: 'not-yet-known' },
      },
      {
        name: 'sustained employment not yet known',
        counts: counts({ sustainedEmployment: 0, sustainedNotYetKnown: 3 }),
        measure: 'sustainedEmployment',
        expected: { percent: null, reason: 'not-yet-known' },
      },
      {
        name: 'a withheld not-yet-known count is not 0',
        counts: counts({
          sustainedNotYetKnown: null,
          withheld: { sustainedNotYetKnown: 'fewer-than-5' },
        }),
        measure: 'sustained',
        expected: { percent: null, reason: 'not-yet-known' },
      },
      {
        name: 'positive is known before March',
        counts: counts({ sustainedNotYetKnown: 20 }),
        measure: 'positive',
        expected: { percent: 75, reason: null },
      },
      {
        name: 'a row of fewer than 10 leavers',
        counts: counts({
          leavers: 8,
          positive: null,
          withheld: { positive: 'fewer-than-10-leavers' },
        }),
        measure: 'positive',
        expected: { percent: null, reason: 'fewer-than-10-leavers' },
      },
      {
        name: 'withheld leavers',
        counts: counts({ leavers: null, withheld: { leavers: 'protects-another' } }),
        measure: 'neet',
        expected: { percent: null, reason: 'protects-another' },
      },
      {
        name: 'a withheld count',
        counts: counts({ neet: null, withheld: { neet: 'fewer-than-5' } }),
        measure: 'neet',
        expected: { percent: null, reason: 'fewer-than-5' },
      },
    ]
  for (const item of cases) {
    assert.deepEqual(shareOf(item.counts, item.measure), item.expected, item.name)
  }
})

test('shareReasonText words each reason', () => {
  assert.equal(shareReasonText('no-leavers'), 'no leavers')
  assert.equal(shareReasonText('not-yet-known'), 'not yet known')
  assert.equal(shareReasonText('fewer-than-5'), 'withheld')
  assert.equal(shareReasonText('protects-another'), 'withheld')
  assert.equal(shareReasonText('fewer-than-10-leavers'), 'withheld (fewer than 10 leavers)')
})

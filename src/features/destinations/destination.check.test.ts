import assert from 'node:assert/strict'
import { test } from 'node:test'

import { checkSpell } from './destination.check.js'

const STUDENT = { dateOfBirth: '2009-05-01', hasEhcPlan: true }

test('checkSpell rejects control characters', () => {
  const result = checkSpell(
    {
      intent: 'actual',
      type: 'further-education-college',
      startDate: '2026-09-01',
      provider: 'City\u001b[2J College',
      reason: 'Moved\u0000',
    },
    STUDENT,
    '2026-12-04',
  )

  const problems = result.ok ? [] : result.problems
  assert.deepEqual(
    problems.map((problem) => problem.field),
    ['provider', 'reason'],
  )
  assert.match(problems[0]?.message ?? '', /Provider or employer contains a control .*U\+001B/)
})

test('checkSpell asks one reason for both internship problems', () => {
  const input = { intent: 'actual', type: 'supported-internship', startDate: '2025-09-01' }
  const student = { dateOfBirth: '2000-09-01', hasEhcPlan: false }

  const result = checkSpell(input, student, '2026-12-04')

  const problems = result.ok ? [] : result.problems
  assert.equal(problems.length, 1)
  assert.equal(problems[0]?.field, 'reason')
  assert.match(problems[0]?.message ?? '', /has none/)
  assert.match(problems[0]?.message ?? '', /this student is 25/)
})

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

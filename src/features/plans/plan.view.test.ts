import assert from 'node:assert/strict'
import { test } from 'node:test'

import type { Review } from './plan.types.js'
import { latestAnnualReview, missedAreas } from './plan.view.js'

const YEAR_10_WITH_PLAN = { provisionCode: 'E' as const, ncYear: '10', dateOfBirth: '2011-01-15' }

function aReview(id: number, kind: Review['kind'], heldOn: string): Review {
  return {
    id,
    createdBy: 'leader',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedBy: 'leader',
    updatedAt: '2026-12-01T09:00:00.000Z',
    heldOn,
    kind,
    participants: 'Student',
    summary: 'Talked',
    nextReviewOn: null,
    pfaAreas: ['employment'],
    pfaReason: null,
  }
}

test('missedAreas ignores careers guidance reviews', () => {
  const guidance = aReview(2, 'careers_guidance', '2026-11-20')

  assert.deepEqual(missedAreas(YEAR_10_WITH_PLAN, guidance), [])
})

test('missedAreas lists areas of annual reviews', () => {
  const annual = aReview(1, 'ehcp_annual', '2026-10-01')

  assert.deepEqual(missedAreas(YEAR_10_WITH_PLAN, annual), [
    'independent_living',
    'community',
    'health',
  ])
})

test('latestAnnualReview skips newer other kinds', () => {
  const reviews = [
    aReview(3, 'transition', '2026-11-25'),
    aReview(2, 'ehcp_annual', '2026-10-01'),
    aReview(1, 'ehcp_annual', '2025-10-01'),
  ]

  assert.equal(latestAnnualReview(reviews)?.id, 2)
})

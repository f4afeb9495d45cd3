import assert from 'node:assert/strict'
import { test } from 'node:test'

import { validatePart } from './plan.validation.js'
import type { ValidationContext } from './plan.validation.js'

const CONTEXT: ValidationContext = {
  today: '2026-12-04',
  student: { provisionCode: 'E', ncYear: '10', dateOfBirth: '2011-01-15' },
}

const DATE = { day: '1', month: '12', year: '2026' }

test('action rejects control characters', () => {
  const result = validatePart(
    'action',
    { what: 'Visit\u0008 a farm', who: 'Adviser\u202e', dueOn: DATE, status: 'not_started' },
    CONTEXT,
  )

  const errors = result.ok ? [] : result.errors
  assert.deepEqual(
    errors.map((error) => error.field),
    ['what', 'who'],
  )
  assert.match(errors[0]?.message ?? '', /What is to be done contains a control .*U\+0008/)
  assert.match(errors[1]?.message ?? '', /Who will do it contains a control .*U\+202E/)
})

test('aspiration allows line breaks', () => {
  const result = validatePart(
    'aspiration',
    { words: 'Look after animals\nWork outdoors', gatheredHow: 'own_words', recordedOn: DATE },
    CONTEXT,
  )

  assert.equal(result.ok, true, JSON.stringify(result))
})

test('review rejects a line break in who took part', () => {
  const result = validatePart(
    'review',
    {
      heldOn: DATE,
      kind: 'careers_guidance',
      participants: 'Student\nParent',
      summary: 'Talked\u001b[2J',
      nextReviewOn: '',
      pfaAreas: [],
    },
    CONTEXT,
  )

  const fields = result.ok ? [] : result.errors.map((error) => error.field)
  assert.deepEqual(fields, ['participants', 'summary'])
})

const ANNUAL_REVIEW = {
  heldOn: DATE,
  kind: 'ehcp_annual',
  participants: 'Student, parent',
  summary: 'Reviewed the plan',
  nextReviewOn: '',
  pfaAreas: ['employment', 'independent_living', 'community', 'health'],
}

test('annual review needs an EHC plan', () => {
  const noPlan = { ...CONTEXT, student: { ...CONTEXT.student, provisionCode: 'K' as const } }

  const result = validatePart('review', ANNUAL_REVIEW, noPlan)

  const errors = result.ok ? [] : result.errors
  assert.equal(errors.length, 1)
  assert.equal(errors[0]?.field, 'kind')
  assert.match(errors[0]?.message ?? '', /^An EHC plan annual review is for a student with an EHC/)
})

test('stored annual review stays editable', () => {
  const noPlan = {
    ...CONTEXT,
    student: { ...CONTEXT.student, provisionCode: 'K' as const },
    storedReviewKind: 'ehcp_annual',
  }

  assert.equal(validatePart('review', ANNUAL_REVIEW, noPlan).ok, true)
})

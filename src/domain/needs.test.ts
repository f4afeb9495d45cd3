import assert from 'node:assert/strict'
import { test } from 'node:test'

import { AREAS_OF_NEED, areaName, isAreaOfNeed } from './needs.js'

test('AREAS_OF_NEED lists four areas', () => {
  assert.deepEqual(
    AREAS_OF_NEED.map((area) => area.id),
    ['communication_interaction', 'cognition_learning', 'semh', 'sensory_physical'],
  )
})

test('areaName returns the Code of Practice name', () => {
  assert.equal(areaName('communication_interaction'), 'Communication and interaction')
  assert.equal(areaName('cognition_learning'), 'Cognition and learning')
  assert.equal(areaName('semh'), 'Social, emotional and mental health difficulties')
  assert.equal(areaName('sensory_physical'), 'Sensory and/or physical needs')
})

test('isAreaOfNeed rejects other strings', () => {
  assert.equal(isAreaOfNeed('semh'), true)
  assert.equal(isAreaOfNeed('SEMH'), false)
})

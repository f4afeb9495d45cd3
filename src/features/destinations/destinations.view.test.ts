import assert from 'node:assert/strict'
import { test } from 'node:test'

import { assessSustained } from '../../domain/sustained.js'
import { sustainedView } from './destinations.view.js'

test('sustainedView count matches month table', () => {
  const spells = [{ type: 'further-education-college', startDate: '2025-09-01' }]
  const result = assessSustained(spells, 2025, '2025-12-10')

  const view = sustainedView(result, 2025)

  const countedRows = view.months.rows.filter((row) => row[2]?.text === 'Counted')
  assert.equal(countedRows.length, 2)
  assert.equal(view.months.rows[2]?.[2]?.text, 'Not over yet')
  assert.match(view.countedText, /^2 of the 6 months/)
})

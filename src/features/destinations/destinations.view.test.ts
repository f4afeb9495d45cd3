import assert from 'node:assert/strict'
import { test } from 'node:test'

import { assessSustained } from '../../domain/sustained.js'
import { historyTable, sustainedView } from './destinations.view.js'

test('sustainedView count matches month table', () => {
  const spells = [{ type: 'further-education-college', startDate: '2025-09-01' }]
  const result = assessSustained(spells, 2025, '2025-12-10')

  const view = sustainedView(result, 2025)

  const countedRows = view.months.rows.filter((row) => row[2]?.text === 'Counted')
  assert.equal(countedRows.length, 2)
  assert.equal(view.months.rows[2]?.[2]?.text, 'Not over yet')
  assert.match(view.countedText, /^2 of the 6 months/)
})

test('historyTable uses the words of the form', () => {
  const event = {
    at: '2026-12-01T10:00:00.000Z',
    actor: 'leader',
    action: 'destination.change' as const,
    details: {
      spell_id: 1,
      paid: { from: null, to: true },
      intent: { from: 'intended', to: 'actual' },
    },
  }

  const table = historyTable([{ id: 1, ...event }])

  const html = table.rows[0]?.[3] as { html: string }
  assert.match(html.html, /Paid: not recorded → Paid/)
  assert.match(html.html, /Intended or actual: Intended → Actual/)
})

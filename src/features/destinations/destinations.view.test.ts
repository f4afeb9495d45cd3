import assert from 'node:assert/strict'
import { test } from 'node:test'

import { assessSustained } from '../../domain/sustained.js'
import type { StoredSpell } from './destination.repository.js'
import { historyTable, spellTables, sustainedView } from './destinations.view.js'

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

function aStoredSpell(type: string, nccisCode: string | null): StoredSpell {
  return {
    id: 1,
    schoolId: 1,
    studentId: 1,
    intent: 'actual',
    type,
    startDate: '2026-09-01',
    endDate: null,
    hoursPerWeek: null,
    paid: false,
    provider: null,
    checkedOn: null,
    nccisCode,
    reason: null,
    version: 1,
    updatedBy: 'leader',
    updatedAt: '2026-09-02T09:00:00.000Z',
  }
}

test('spellTables notes an NCCIS NEET code', () => {
  const spells = [aStoredSpell('supported-volunteering', '540')]

  const tables = spellTables(spells, false, 1)

  const category = tables.actual.rows[0]?.[7] as { html?: string }
  assert.match(category.html ?? '', /^Positive career outcome<br>/)
  assert.match(category.html ?? '', /NCCIS counts this code as NEET\./)
})

test('spellTables leaves other codes plain', () => {
  const spells = [aStoredSpell('supported-volunteering', '550'), aStoredSpell('neet-seeking', null)]

  const tables = spellTables(spells, false, 1)

  assert.deepEqual(tables.actual.rows[0]?.[7], { text: 'Positive career outcome' })
  assert.deepEqual(tables.actual.rows[1]?.[7], {
    text: 'Not in education, employment or training (NEET)',
  })
})

import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { reportedDestination } from './reported-destination.js'
import type { DatedSpell } from './reported-destination.js'

const TODAY = '2026-12-04'

function spell(intent: string, startDate: string, endDate: string | null = null): DatedSpell {
  return { intent, startDate, endDate }
}

describe('reportedDestination', () => {
  it('returns undefined with no spells', () => {
    assert.equal(reportedDestination([], TODAY), undefined)
  })

  it('prefers a current spell to a later ended one', () => {
    const current = spell('actual', '2026-09-01')
    const ended = spell('actual', '2026-10-01', '2026-11-01')

    assert.equal(reportedDestination([current, ended], TODAY), current)
  })

  it('counts a spell ending today as current', () => {
    const endsToday = spell('actual', '2026-09-01', TODAY)
    const older = spell('actual', '2025-09-01')

    assert.equal(reportedDestination([older, endsToday], TODAY), endsToday)
  })

  it('prefers actual to intended when both are current', () => {
    const intended = spell('intended', '2026-11-01')
    const actual = spell('actual', '2026-09-01')

    assert.equal(reportedDestination([intended, actual], TODAY), actual)
  })

  it('takes the latest start among current spells', () => {
    const first = spell('actual', '2026-09-01')
    const second = spell('actual', '2026-10-01')

    assert.equal(reportedDestination([first, second], TODAY), second)
  })

  it('takes the most recent ended spell when none is current', () => {
    const old = spell('actual', '2025-09-01', '2026-01-01')
    const recent = spell('actual', '2026-02-01', '2026-07-01')

    assert.equal(reportedDestination([recent, old], TODAY), recent)
  })

  it('takes the next to start when none has started', () => {
    const later = spell('intended', '2028-09-01')
    const next = spell('intended', '2027-09-01')

    assert.equal(reportedDestination([later, next], TODAY), next)
  })

  it('takes the later record on a full tie', () => {
    const first = spell('actual', '2026-09-01')
    const second = spell('actual', '2026-09-01')

    assert.equal(reportedDestination([first, second], TODAY), second)
  })
})

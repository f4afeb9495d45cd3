import assert from 'node:assert/strict'
import { test } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import { aValidSpell, setUpDestinationSchool } from './destination.test-data.js'

forEachEngine('destination service', (getDatabase) => {
  test('addSpell stores and audits the spell', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)

    const result = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')

    assert.equal(result.ok, true)
    const page = await destinations.getDestinations(scope, ada.id)
    assert.equal(page?.spells.length, 1)
    assert.equal(page?.spells[0]?.type, 'further-education-college')
    assert.equal(page?.spells[0]?.provider, 'Riverside College')
    assert.equal(page?.spells[0]?.version, 1)
    assert.equal(page?.events.length, 1)
    assert.equal(page?.events[0]?.action, 'destination.add')
    assert.equal(page?.events[0]?.actor, 'leader')
    assert.deepEqual(page?.events[0]?.details.type, {
      from: null,
      to: 'further-education-college',
    })
    assert.deepEqual(page?.events[0]?.details.start_date, { from: null, to: '2025-09-03' })
  })

  test('addSpell stores hours, paid and chosen code', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const input = aValidSpell({
      type: 'paid-employment',
      hoursPerWeek: 37.5,
      paid: true,
      nccisCode: '330',
    })

    const result = await destinations.addSpell(scope, ada.id, input, 'leader')

    assert.equal(result.ok && result.value.hoursPerWeek, 37.5)
    assert.equal(result.ok && result.value.paid, true)
    assert.equal(result.ok && result.value.nccisCode, '330')
  })

  test('addSpell drops the usual code', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const input = aValidSpell({ nccisCode: '230' })

    const result = await destinations.addSpell(scope, ada.id, input, 'leader')

    assert.equal(result.ok && result.value.nccisCode, null)
  })

  test('addSpell rejects short paid employment', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const input = aValidSpell({ type: 'paid-employment', hoursPerWeek: 12, paid: true })

    const result = await destinations.addSpell(scope, ada.id, input, 'leader')

    assert.equal(result.ok, false)
    const problems = !result.ok && result.error.code === 'invalid' ? result.error.problems : []
    assert.equal(problems.length, 1)
    assert.equal(problems[0]?.field, 'hoursPerWeek')
    assert.match(problems[0]?.message ?? '', /Employment below the paid-employment hours/)
    assert.equal((await destinations.getDestinations(scope, ada.id))?.spells.length, 0)
  })

  test('addSpell needs a reason without EHC plan', async () => {
    const { db } = getDatabase()
    const { destinations, scope, bea } = await setUpDestinationSchool(db)
    const internship = aValidSpell({ type: 'supported-internship' })

    const rejected = await destinations.addSpell(scope, bea.id, internship, 'leader')
    const withReason = { ...internship, reason: 'Local authority agreed a place' }
    const accepted = await destinations.addSpell(scope, bea.id, withReason, 'leader')

    const problems =
      !rejected.ok && rejected.error.code === 'invalid' ? rejected.error.problems : []
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['reason'],
    )
    assert.match(problems[0]?.message ?? '', /EHC plan/)
    assert.equal(accepted.ok && accepted.value.reason, 'Local authority agreed a place')
  })

  test('addSpell rejects a code the type lacks', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)

    const result = await destinations.addSpell(
      scope,
      ada.id,
      aValidSpell({ nccisCode: '710' }),
      'leader',
    )

    const problems = !result.ok && result.error.code === 'invalid' ? result.error.problems : []
    assert.equal(problems[0]?.field, 'nccisCode')
  })

  test('addSpell to another school not found', async () => {
    const { db } = getDatabase()
    const first = await setUpDestinationSchool(db)
    const second = await setUpDestinationSchool(db)

    const result = await first.destinations.addSpell(
      first.scope,
      second.ada.id,
      aValidSpell(),
      'leader',
    )

    assert.deepEqual(result, { ok: false, error: { code: 'not_found' } })
    assert.equal(await first.destinations.getDestinations(first.scope, second.ada.id), null)
  })

  test('addSpell rejects a duplicate spell', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')

    const again = aValidSpell({ provider: 'Another College' })
    const result = await destinations.addSpell(scope, ada.id, again, 'leader')

    const problems = !result.ok && result.error.code === 'invalid' ? result.error.problems : []
    assert.equal(problems.length, 1)
    assert.equal(problems[0]?.field, 'startDate')
    assert.match(
      problems[0]?.message ?? '',
      /^This student already has this actual destination starting on the same date/,
    )
    assert.equal((await destinations.getDestinations(scope, ada.id))?.spells.length, 1)
  })

  test('addSpell accepts another intent', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')

    const intended = aValidSpell({ intent: 'intended' })
    const result = await destinations.addSpell(scope, ada.id, intended, 'leader')

    assert.equal(result.ok, true)
  })

  test('editSpell rejects a change into a duplicate', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const later = aValidSpell({ startDate: '2025-10-01' })
    const added = await destinations.addSpell(scope, ada.id, later, 'leader')
    const target = { studentId: ada.id, spellId: added.ok ? added.value.id : 0, version: 1 }

    const result = await destinations.editSpell(scope, target, aValidSpell(), 'leader')

    assert.equal(!result.ok && result.error.code, 'invalid')
  })

  test('editSpell changes and audits old and new', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const added = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const spellId = added.ok ? added.value.id : 0

    const target = { studentId: ada.id, spellId, version: 1 }
    const edited = await destinations.editSpell(
      scope,
      target,
      aValidSpell({ endDate: '2026-07-10' }),
      'senco',
    )

    assert.equal(edited.ok && edited.value.version, 2)
    assert.equal(edited.ok && edited.value.endDate, '2026-07-10')
    const events = (await destinations.getDestinations(scope, ada.id))?.events ?? []
    assert.deepEqual(
      events.map((event) => event.action),
      ['destination.add', 'destination.change'],
    )
    assert.deepEqual(events[1]?.details, {
      spell_id: spellId,
      end_date: { from: null, to: '2026-07-10' },
    })
  })

  test('editSpell with an old version conflicts', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const added = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const spellId = added.ok ? added.value.id : 0
    const target = { studentId: ada.id, spellId, version: 1 }
    await destinations.editSpell(scope, target, aValidSpell({ provider: 'First' }), 'a')

    const late = await destinations.editSpell(scope, target, aValidSpell({ provider: 'Late' }), 'b')

    assert.equal(late.ok, false)
    assert.equal(!late.ok && late.error.code, 'conflict')
    const current = !late.ok && late.error.code === 'conflict' ? late.error.current : null
    assert.equal(current?.provider, 'First')
    assert.equal(current?.version, 2)
    const stored = await destinations.getSpell(scope, ada.id, spellId)
    assert.equal(stored?.provider, 'First')
  })

  test('editSpell without changes writes nothing', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const added = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const spellId = added.ok ? added.value.id : 0

    const target = { studentId: ada.id, spellId, version: 1 }
    const same = await destinations.editSpell(scope, target, aValidSpell(), 'leader')

    assert.equal(same.ok && same.value.version, 1)
    assert.equal((await destinations.getDestinations(scope, ada.id))?.events.length, 1)
  })

  test('editSpell of another student not found', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada, bea } = await setUpDestinationSchool(db)
    const added = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const spellId = added.ok ? added.value.id : 0

    const target = { studentId: bea.id, spellId, version: 1 }
    const result = await destinations.editSpell(scope, target, aValidSpell(), 'leader')

    assert.deepEqual(result, { ok: false, error: { code: 'not_found' } })
  })

  test('removeSpell deletes and audits the values', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const added = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const spellId = added.ok ? added.value.id : 0

    const removed = await destinations.removeSpell(
      scope,
      { studentId: ada.id, spellId, version: 1 },
      'leader',
    )

    assert.equal(removed.ok, true)
    const page = await destinations.getDestinations(scope, ada.id)
    assert.equal(page?.spells.length, 0)
    const last = page?.events.at(-1)
    assert.equal(last?.action, 'destination.remove')
    assert.deepEqual(last?.details.type, { from: 'further-education-college', to: null })
  })

  test('removeSpell with an old version conflicts', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const added = await destinations.addSpell(scope, ada.id, aValidSpell(), 'leader')
    const spellId = added.ok ? added.value.id : 0
    const target = { studentId: ada.id, spellId, version: 1 }
    await destinations.editSpell(scope, target, aValidSpell({ provider: 'Other' }), 'a')

    const removed = await destinations.removeSpell(scope, target, 'b')

    assert.equal(!removed.ok && removed.error.code, 'conflict')
    assert.equal((await destinations.getDestinations(scope, ada.id))?.spells.length, 1)
  })

  test('recordConsent saves and audits changes', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)

    const given = { status: 'given', recordedOn: '2026-09-10' }
    await destinations.recordConsent(scope, ada.id, given, 'leader')
    const withdrawn = { status: 'withdrawn', recordedOn: '2026-11-20', note: 'By email' }
    const result = await destinations.recordConsent(scope, ada.id, withdrawn, 'leader')

    assert.equal(result.ok && result.value.status, 'withdrawn')
    assert.equal(result.ok && result.value.version, 2)
    const events = (await destinations.getDestinations(scope, ada.id))?.events ?? []
    assert.deepEqual(events[1]?.details, {
      status: { from: 'given', to: 'withdrawn' },
      recorded_on: { from: '2026-09-10', to: '2026-11-20' },
      note: { from: null, to: 'By email' },
    })
  })

  test('recordConsent rejects a future date', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)

    const input = { status: 'given', recordedOn: '2026-12-05' }
    const result = await destinations.recordConsent(scope, ada.id, input, 'leader')

    assert.equal(!result.ok && result.error.code, 'invalid')
    assert.equal((await destinations.getDestinations(scope, ada.id))?.consent, null)
  })

  test('recordConsent rejects a control character', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)

    const input = { status: 'given', recordedOn: '2026-12-01', note: 'By phone\u001b[2J' }
    const result = await destinations.recordConsent(scope, ada.id, input, 'leader')

    assert.equal(!result.ok && result.error.code, 'invalid')
    assert.match(JSON.stringify(result), /Note contains a control or text-direction character/)
    assert.equal((await destinations.getDestinations(scope, ada.id))?.consent, null)
  })

  test('recordConsent rejects an unknown status', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)

    const input = { status: 'maybe', recordedOn: '2026-12-01' }
    const result = await destinations.recordConsent(scope, ada.id, input, 'leader')

    assert.deepEqual(result.ok ? null : result.error, {
      code: 'invalid',
      field: 'status',
      message: 'Select whether consent was given, refused or withdrawn',
    })
  })

  test('addSpell rejects an actual spell not started', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const future = aValidSpell({ startDate: '2027-01-10', checkedOn: '2026-12-01' })

    const rejected = await destinations.addSpell(scope, ada.id, future, 'leader')
    const intended = { ...future, intent: 'intended' }
    const accepted = await destinations.addSpell(scope, ada.id, intended, 'leader')

    const problems =
      !rejected.ok && rejected.error.code === 'invalid' ? rejected.error.problems : []
    assert.equal(problems.length, 1)
    assert.equal(problems[0]?.field, 'startDate')
    assert.match(problems[0]?.message ?? '', /10 January 2027 is after today \(4 December 2026\)/)
    assert.match(problems[0]?.message ?? '', /Record it as intended until it starts/)
    assert.equal(accepted.ok && accepted.value.intent, 'intended')
  })

  test('editSpell rejects making a future spell actual', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    const intended = aValidSpell({ intent: 'intended', startDate: '2027-01-10' })
    const added = await destinations.addSpell(scope, ada.id, intended, 'leader')
    assert.ok(added.ok)

    const target = { studentId: ada.id, spellId: added.value.id, version: added.value.version }
    const result = await destinations.editSpell(
      scope,
      target,
      { ...intended, intent: 'actual' },
      'leader',
    )

    assert.equal(!result.ok && result.error.code, 'invalid')
    const stored = await destinations.getSpell(scope, ada.id, added.value.id)
    assert.equal(stored?.intent, 'intended')
  })

  test('recordConsent rejects an earlier different answer', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    await destinations.recordConsent(
      scope,
      ada.id,
      { status: 'given', recordedOn: '2026-11-01' },
      'leader',
    )

    const older = { status: 'withdrawn', recordedOn: '2026-10-01', version: 1 }
    const result = await destinations.recordConsent(scope, ada.id, older, 'leader')

    assert.equal(!result.ok && result.error.code, 'invalid')
    const error = result.ok ? null : result.error
    assert.equal(error?.code === 'invalid' && error.field, 'recordedOn')
    const message = error?.code === 'invalid' ? error.message : ''
    assert.match(message, /1 October 2026 is before the answer on record/)
    assert.match(message, /Consent given on 1 November 2026/)
    const page = await destinations.getDestinations(scope, ada.id)
    assert.equal(page?.consent?.status, 'given')
    assert.equal(page?.consent?.recordedOn, '2026-11-01')
    assert.equal(page?.events.length, 1)
  })

  test('recordConsent corrects the date of the same answer', async () => {
    const { db } = getDatabase()
    const { destinations, scope, ada } = await setUpDestinationSchool(db)
    await destinations.recordConsent(
      scope,
      ada.id,
      { status: 'given', recordedOn: '2026-11-01' },
      'leader',
    )

    const corrected = { status: 'given', recordedOn: '2026-10-01', version: 1 }
    const result = await destinations.recordConsent(scope, ada.id, corrected, 'leader')

    assert.equal(result.ok && result.value.recordedOn, '2026-10-01')
    assert.equal(result.ok && result.value.version, 2)
  })
})

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import { createAccountService } from '../accounts/account.service.js'
import { createStudentService } from '../students/student.service.js'
import { insertAuditEvent, listAuditEvents } from './audit.repository.js'
import type { AuditAction, AuditEvent } from './audit.repository.js'

forEachEngine('audit repository', (getDatabase) => {
  async function setUp() {
    const { db } = getDatabase()
    const accounts = createAccountService(db)
    const students = createStudentService(db)
    const ours = await students.findOrCreateSchool(`Ours ${randomUUID()}`)
    const theirs = await students.findOrCreateSchool(`Theirs ${randomUUID()}`)
    async function addUser(schoolId: number) {
      const email = `user-${randomUUID()}@school.test`
      await accounts.createUser(
        { email, displayName: 'A Person', role: 'staff' },
        { schoolId },
        's',
      )
      return email
    }
    // Every event of a test gets a marker actor or detail, so events of other tests never match.
    async function record(event: Partial<AuditEvent> & { action: AuditAction }) {
      await insertAuditEvent(db, {
        at: '2026-12-04T10:00:00.000Z',
        actor: 'nobody',
        schoolId: null,
        studentId: null,
        details: {},
        ...event,
      })
    }
    return { db, accounts, ours, theirs, addUser, record }
  }

  test('school-less events follow the users of the schools', async () => {
    const { db, ours, theirs, addUser, record } = await setUp()
    const ourUser = await addUser(ours.id)
    const theirUser = await addUser(theirs.id)
    await record({ action: 'user.sign_in', actor: ourUser })
    await record({ action: 'user.sign_in', actor: theirUser })
    await record({ action: 'user.disable', actor: theirUser, details: { user: ourUser } })
    await record({ action: 'user.enable', actor: ourUser, details: { user: theirUser } })
    await record({ action: 'user.mfa.reset', actor: theirUser, details: { user: theirUser } })

    const seen = await listAuditEvents(db, [ours.id], {})
    const mine = seen.filter((event) => [ourUser, theirUser].includes(event.actor))

    assert.deepEqual(mine.map((event) => event.action).sort(), [
      'user.disable',
      'user.enable',
      'user.sign_in',
    ])
    assert.ok(mine.every((event) => event.actor === ourUser || event.details.user === ourUser))
  })

  test('events of another school stay hidden', async () => {
    const { db, ours, theirs, addUser, record } = await setUp()
    const theirUser = await addUser(theirs.id)
    await record({ action: 'need_code.map', actor: theirUser, schoolId: theirs.id })

    const seen = await listAuditEvents(db, [ours.id], { actor: theirUser })
    const seenByThem = await listAuditEvents(db, [theirs.id], { actor: theirUser })

    assert.equal(seen.length, 0)
    assert.deepEqual(
      seenByThem.map((event) => event.action),
      ['need_code.map'],
    )
  })

  test('an organisation role makes its users visible', async () => {
    const { db, accounts, ours, record } = await setUp()
    const trust = await accounts.findOrCreateOrganisation(`Trust ${randomUUID()}`, 'trust')
    await accounts.addSchoolToOrganisation(ours.id, trust.id, 'setup')
    const email = `trust-${randomUUID()}@school.test`
    await accounts.createUser(
      { email, displayName: 'Trust Person', role: 'viewer' },
      { organisationId: trust.id },
      'setup',
    )
    // After the account events, which carry the real time, so newest first puts it first.
    const afterAccountEvents = new Date(Date.now() + 60_000).toISOString()
    await record({ action: 'user.sign_in', actor: email, at: afterAccountEvents })

    const seen = await listAuditEvents(db, [ours.id], {})
    const aboutThem = seen.filter((event) => event.actor === email || event.details.user === email)

    // The organisation's role is granted with no school, so only the rule on users shows it.
    assert.deepEqual(
      aboutThem.map((event) => event.action),
      ['user.sign_in', 'user.role.grant', 'user.create'],
    )
  })

  test('a failed sign-in with an unknown email is hidden', async () => {
    const { db, ours, record } = await setUp()
    const marker = randomUUID()
    await record({ action: 'user.sign_in.failed', actor: 'unknown', details: { marker } })

    const seen = await listAuditEvents(db, [ours.id], { actor: 'unknown' })

    assert.equal(seen.filter((event) => event.details.marker === marker).length, 0)
  })

  test('pages newest first with a cursor', async () => {
    const { db, ours, record } = await setUp()
    const actor = `pager-${randomUUID()}`
    // Two events share a timestamp, so the cursor must order by id within one instant.
    for (const at of ['2026-12-01T09:00:00.000Z', '2026-12-02T09:00:00.000Z']) {
      await record({ action: 'student.view', actor, schoolId: ours.id, at })
    }
    await record({
      action: 'student.view',
      actor,
      schoolId: ours.id,
      at: '2026-12-02T09:00:00.000Z',
    })
    await record({
      action: 'student.view',
      actor,
      schoolId: ours.id,
      at: '2026-12-03T09:00:00.000Z',
    })

    const all = await listAuditEvents(db, [ours.id], { actor })
    const first = await listAuditEvents(db, [ours.id], { actor, limit: 2 })
    const second = await listAuditEvents(db, [ours.id], {
      actor,
      limit: 2,
      beforeId: first.at(-1)?.id,
    })

    assert.equal(all.length, 4)
    assert.deepEqual(
      [...first, ...second].map((event) => event.id),
      all.map((event) => event.id),
    )
    const [, sameInstantNewer, sameInstantOlder] = all
    assert.equal(sameInstantNewer?.at, sameInstantOlder?.at)
    assert.ok((sameInstantNewer?.id ?? 0) > (sameInstantOlder?.id ?? 0), 'newer id first')
    const pastTheEnd = await listAuditEvents(db, [ours.id], { actor, beforeId: 2_147_483_647 })
    assert.deepEqual(
      pastTheEnd.map((event) => event.id),
      all.map((event) => event.id),
      'a cursor that names no event pages by id',
    )
  })

  test('filters by students, action and dates', async () => {
    const { db, ours, record } = await setUp()
    const actor = `filter-${randomUUID()}`
    await record({ action: 'student.view', actor, schoolId: ours.id, studentId: 11 })
    await record({ action: 'student.pathway', actor, schoolId: ours.id, studentId: 12 })
    await record({
      action: 'student.view',
      actor,
      schoolId: ours.id,
      studentId: 13,
      at: '2026-11-30T23:59:59.999Z',
    })

    const byStudents = await listAuditEvents(db, [ours.id], { actor, studentIds: [11, 13] })
    const byNoStudents = await listAuditEvents(db, [ours.id], { actor, studentIds: [] })
    const byAction = await listAuditEvents(db, [ours.id], { actor, action: 'student.pathway' })
    const byDates = await listAuditEvents(db, [ours.id], {
      actor,
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-05T00:00:00.000Z',
    })

    assert.deepEqual(byStudents.map((event) => event.studentId).sort(), [11, 13])
    assert.equal(byNoStudents.length, 0)
    assert.deepEqual(
      byAction.map((event) => event.studentId),
      [12],
    )
    assert.deepEqual(byDates.map((event) => event.studentId).sort(), [11, 12])
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { buildTestApp, createTestUser, importFixture } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { startOfUkDay } from './audit.dates.js'
import { insertAuditEvent, listAuditEvents } from './audit.repository.js'
import type { AuditAction, AuditEvent } from './audit.repository.js'

const ALFIE_UPN = 'W839999013300'

/** Returns the cells of each result row, as text without tags. */
function resultRows(body: string): string[][] {
  const table = /<table class="govuk-table" id="results">[\s\S]*?<\/table>/.exec(body)?.[0] ?? ''
  const tbody = /<tbody[\s\S]*?<\/tbody>/.exec(table)?.[0] ?? ''
  return [...tbody.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  )
}

function errorSummary(body: string): string {
  return /<div class="govuk-error-summary__body">[\s\S]*?<\/div>/.exec(body)?.[0] ?? ''
}

describe('audit trail page', () => {
  let test: TestApp
  let alfieId: number
  let otherSchoolId: number

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
    const [alfie] = await test.services.students.findByUpn(
      { schoolIds: [test.schoolId] },
      ALFIE_UPN,
    )
    alfieId = alfie?.student.id ?? 0
    otherSchoolId = (await test.services.students.findOrCreateSchool('Elm Park School')).id
  })

  after(async () => {
    await test.close()
  })

  async function record(event: Partial<AuditEvent> & { action: AuditAction; actor: string }) {
    await insertAuditEvent(test.database.db, {
      at: new Date().toISOString(),
      schoolId: test.schoolId,
      studentId: null,
      details: {},
      ...event,
    })
  }

  const search = (query: Record<string, string>) =>
    test.app.inject(`/admin/audit?${new URLSearchParams(query).toString()}`)

  it('filters by student UPN and id', async () => {
    await test.app.inject(`/students/${alfieId}`)

    const byUpn = await search({ student: ALFIE_UPN.toLowerCase(), action: 'student.view' })
    const byId = await search({ student: String(alfieId), action: 'student.view' })

    assert.equal(byUpn.statusCode, 200)
    const rows = resultRows(byUpn.body)
    assert.ok(rows.length >= 1)
    assert.ok(
      rows.every((cells) => cells[3] === 'Alfie Ashworth'),
      'every row is Alfie’s',
    )
    assert.match(byUpn.body, new RegExp(`href="/students/${alfieId}"`))
    assert.deepEqual(resultRows(byId.body), rows)
  })

  it('shows a student no longer stored by id', async () => {
    await record({ action: 'student.view', actor: 'admin@school.test', studentId: 987654 })

    const response = await search({ student: '987654' })

    const rows = resultRows(response.body)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.[3], 'Student id 987654 (no longer stored)')
  })

  it('student filter names a bad UPN', async () => {
    const short = await search({ student: 'A12' })
    const unknown = await search({ student: 'A123456789012' })

    assert.equal(short.statusCode, 400)
    assert.match(errorSummary(short.body), /UPN &quot;A12&quot; has 3 characters/)
    assert.match(short.body, /id="student" name="student" type="text"[^>]* value="A12"/)
    assert.equal(unknown.statusCode, 400)
    assert.match(errorSummary(unknown.body), /No student at your schools has the UPN A123456789012/)
  })

  it('filters by actor email', async () => {
    const leader = await createTestUser(test.services, {
      role: 'careers_leader',
      schoolId: test.schoolId,
      email: 'leader-actor@school.test',
    })
    await record({ action: 'student.pathway', actor: leader.email, studentId: alfieId })

    const response = await search({ actor: ' Leader-Actor@School.test ' })

    const rows = resultRows(response.body)
    assert.ok(rows.length >= 2, 'the pathway change and the account events')
    assert.ok(rows.every((cells) => cells[1] === leader.email))
    assert.ok(rows.some((cells) => cells[2] === 'Changed a qualification pathway'))
  })

  it('filters by action', async () => {
    const response = await search({ action: 'import.commit' })

    const rows = resultRows(response.body)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]?.[2], 'Imported a register')
    assert.match(response.body, /<option value="import.commit" selected>Imported a register/)
  })

  it('filters by UK dates, both inclusive', async () => {
    const actor = 'dates@school.test'
    // 23:30 UTC on 30 June is 00:30 BST on 1 July, so it belongs to 1 July.
    for (const at of [
      '2026-06-30T22:59:59.000Z',
      '2026-06-30T23:30:00.000Z',
      '2026-07-02T22:59:59.000Z',
      '2026-07-02T23:00:00.000Z',
    ]) {
      await record({ action: 'need_code.map', actor, at })
    }

    const response = await search({ actor, from: '2026-07-01', to: '2026-07-02' })

    const times = resultRows(response.body).map((cells) => cells[0])
    assert.deepEqual(times, ['2 Jul 2026, 23:59', '1 Jul 2026, 00:30'])
  })

  it('date filters name the problem', async () => {
    const unreal = await search({ from: '2026-02-30' })
    const reversed = await search({ from: '2026-12-05', to: '2026-12-01' })
    const badAction = await search({ action: 'user.delete' })

    assert.equal(unreal.statusCode, 400)
    assert.match(errorSummary(unreal.body), /&quot;2026-02-30&quot; is not a real date/)
    assert.equal(reversed.statusCode, 400)
    assert.match(errorSummary(reversed.body), /The to date 2026-12-01 is before the from date/)
    assert.equal(badAction.statusCode, 400)
    assert.match(errorSummary(badAction.body), /&quot;user.delete&quot; is not an action/)
    const far = await search({ from: '0000-01-01', to: '9999-12-31' })
    assert.equal(far.statusCode, 400)
    assert.match(errorSummary(far.body), /&quot;0000-01-01&quot; is outside the years 2000 to 2199/)
  })

  it('ignores a cursor too large to be an id', async () => {
    const response = await search({ before: '99999999999' })

    assert.equal(response.statusCode, 200)
  })

  it('pages 100 events at a time', async () => {
    const actor = 'pager@school.test'
    const start = Date.parse('2026-03-01T09:00:00.000Z')
    for (let index = 0; index < 150; index++) {
      const at = new Date(start + index * 60_000).toISOString()
      await record({ action: 'student.view', actor, at, details: { index } })
    }

    const first = await search({ actor })
    const olderHref = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&')
    const second = await test.app.inject(olderHref ?? '/admin/audit')

    const firstRows = resultRows(first.body)
    const secondRows = resultRows(second.body)
    assert.equal(firstRows.length, 100)
    assert.equal(firstRows[0]?.[4], 'Index: 149')
    assert.match(String(olderHref), /^\/admin\/audit\?actor=pager%40school.test&before=\d+$/)
    assert.equal(secondRows.length, 50)
    assert.equal(secondRows[0]?.[4], 'Index: 49')
    assert.equal(secondRows.at(-1)?.[4], 'Index: 0')
    assert.ok(!second.body.includes('rel="next"'), 'no older page after the last')
    assert.match(second.body, /Newest events/)
  })

  it('records each search with its filters', async () => {
    await search({ actor: 'someone@school.test', from: '2026-01-01', student: '' })

    const [event] = await listAuditEvents(test.database.db, [test.schoolId], {
      action: 'audit.search',
      actor: 'admin@school.test',
      limit: 1,
    })

    assert.deepEqual(event?.details, { actor: 'someone@school.test', from: '2026-01-01' })
    assert.equal(event?.schoolId, null)
  })

  it('shows school-less events of the school’s users only', async () => {
    const ours = await createTestUser(test.services, {
      role: 'staff',
      schoolId: test.schoolId,
      email: 'ours-sign-in@school.test',
    })
    const theirs = await createTestUser(test.services, {
      role: 'staff',
      schoolId: otherSchoolId,
      email: 'theirs-sign-in@school.test',
    })
    await record({ action: 'user.sign_in', actor: ours.email, schoolId: null })
    await record({ action: 'user.sign_in', actor: theirs.email, schoolId: null })

    const response = await search({ action: 'user.sign_in' })

    const actors = resultRows(response.body).map((cells) => cells[1])
    assert.ok(actors.includes(ours.email))
    assert.ok(!actors.includes(theirs.email))
  })

  it('renders changes readably and as text', async () => {
    const actor = 'details@school.test'
    await record({
      action: 'student.pathway',
      actor,
      details: { pathway: { from: null, to: '<script>alert(1)</script> {{ 7*7 }}' } },
    })
    await record({
      action: 'user.role.grant',
      actor,
      schoolId: null,
      details: { user: 'ours-sign-in@school.test', role: { from: 'staff', to: 'senco' } },
    })

    const response = await search({ actor })

    const details = resultRows(response.body).map((cells) => cells[4])
    assert.deepEqual(details, [
      'User: ours-sign-in@school.test Role: Staff → SENCO',
      'Pathway: none → &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}',
    ])
    assert.ok(!response.body.includes('<script>alert(1)'))
  })

  it('dates are UK midnight', () => {
    assert.equal(startOfUkDay('2026-01-15'), '2026-01-15T00:00:00.000Z')
    assert.equal(startOfUkDay('2026-07-01'), '2026-06-30T23:00:00.000Z')
    assert.equal(startOfUkDay('2026-03-29'), '2026-03-29T00:00:00.000Z', 'clocks go forward')
    assert.equal(startOfUkDay('2026-10-25'), '2026-10-24T23:00:00.000Z', 'clocks go back')
  })
})

describe('audit trail page for other roles', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
  })

  after(async () => {
    await test.close()
  })

  it('careers leader is refused', async () => {
    const response = await test.app.inject('/admin/audit')

    assert.equal(response.statusCode, 403)
    assert.match(response.body, /Your role does not give you access/)
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { buildTestApp, importFixture } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'

const ALFIE_UPN = 'W839999013300'

describe('audit searches for a student', () => {
  let test: TestApp
  let alfieId: number

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
    const [alfie] = await test.services.students.findByUpn(
      { schoolIds: [test.schoolId] },
      ALFIE_UPN,
    )
    alfieId = alfie?.student.id ?? 0
  })

  after(async () => {
    await test.close()
  })

  it('records the student by id and school, not the typed UPN', async () => {
    await test.app.inject(`/admin/audit?student=${ALFIE_UPN}`)

    const [event] = await test.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.search')
      .execute()
    assert.equal(event?.student_id, alfieId)
    assert.equal(event?.school_id, test.schoolId)
    assert.doesNotMatch(event?.details ?? '', new RegExp(ALFIE_UPN))
  })

  it('leaves no trace of the UPN once the student is erased', async () => {
    const erased = await test.services.dataProtection.erase(
      { schoolIds: [test.schoolId] },
      alfieId,
      'Parent asked',
      'admin@school.test',
    )
    assert.equal(erased.ok, true)

    const events = await test.database.db.selectFrom('audit_events').selectAll().execute()
    const mentions = events.filter((event) => JSON.stringify(event).includes(ALFIE_UPN))
    assert.deepEqual(mentions, [])
  })
})

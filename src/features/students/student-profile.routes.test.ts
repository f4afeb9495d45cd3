import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { createServices } from '../../services.js'
import { buildTestApp, importFixture, postForm } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'

// Alfie Ashworth is the first row of the fixture: SLD with an EHC plan and no pathway.
const ALFIE = '/students/1'

describe('student profile overrides', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
  })

  after(async () => {
    await test.close()
  })

  it('keeps a removed override on the page', async () => {
    const reason = 'Sits GCSE English and maths this year'
    await postForm(test.app, ALFIE, `${ALFIE}/override`, { group: 'two', reason })

    const removed = await postForm(test.app, ALFIE, `${ALFIE}/override/clear`, {})
    const page = await test.app.inject({ url: ALFIE })

    assert.equal(removed.statusCode, 303)
    assert.match(page.body, /Earlier overrides/)
    assert.match(page.body, new RegExp(`because: “${reason}”`))
    assert.match(page.body, /Removed by admin@school.test on/)
  })

  it('records a view in the audit trail', async () => {
    await test.app.inject({ url: ALFIE })

    const services = createServices(test.database)
    const events = await services.audit.search({ schoolIds: [1] }, { studentId: 1 })

    assert.equal(events[0]?.action, 'student.view')
    assert.equal(events[0]?.actor, 'admin@school.test')
  })

  it('shows the conflict sentence once', async () => {
    await postForm(test.app, ALFIE, `${ALFIE}/override`, { group: 'two', reason: 'Review' })
    await postForm(test.app, ALFIE, `${ALFIE}/pathway`, { pathway: 'GCSE' })

    const page = await test.app.inject({ url: ALFIE })
    const conflicts = page.body.match(/but they now give/g) ?? []

    assert.equal(conflicts.length, 1)
  })

  for (const id of ['0x1', '1e0', '01', '-1', '1.0', '99999999999']) {
    it(`gives 404 for student id ${id}`, async () => {
      const response = await test.app.inject({ url: `/students/${id}` })

      assert.equal(response.statusCode, 404)
    })
  }
})

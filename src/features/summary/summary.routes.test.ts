import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { buildTestApp, countAuditEvents } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { addPlanActivityAndDestinationRows } from '../data-protection/data-protection.test-data.js'
import { insertStudents, setUpOtherSchool } from '../exports/export.test-data.js'
import { addPlan, addSpell, importStudents, markLeft } from '../work-lists/work-lists.test-data.js'
import { SUMMARY_ACTION_LENGTH } from './summary.view-model.js'

/** Returns the text of the element with this id, tags removed and spaces collapsed. */
function textOf(html: string, id: string): string {
  const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(p|ol|ul)>`).exec(html)
  return (match?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

describe('student summary', () => {
  let test: TestApp
  let adaId: number
  let emptyId: number
  let leaverId: number
  let outsiderId: number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'staff' })
    const db = test.database.db
    const idOf = await importStudents(db, test.schoolId, [
      { legalSurname: 'Okafor', legalForename: 'Ada', ncYear: '11' },
    ])
    adaId = idOf('Okafor')
    await addPlanActivityAndDestinationRows(db, test.schoolId, adaId, '2026-12-01T09:00:00.000Z')
    await addSpell(db, test.schoolId, adaId, {
      intent: 'actual',
      type: 'school-sixth-form',
      startDate: '2025-09-01',
      provider: 'Oak Hill Sixth Form',
    })
    leaverId = (
      await importStudents(db, test.schoolId, [
        { legalSurname: 'Reyes', legalForename: 'Lola', ncYear: '13' },
      ])
    )('Reyes')
    await markLeft(db, leaverId, '2026-07-17')
    const part = await addPlan(db, test.schoolId, leaverId)
    for (const due of ['2026-06-01', '2026-06-02', '2026-06-03']) {
      await db
        .insertInto('plan_actions')
        .values({
          ...part,
          what: `Arrange ${'a long visit '.repeat(40)}`,
          who: 'Tutor',
          due_on: due,
          status: 'not_started',
        })
        .execute()
    }
    const [empty] = await insertStudents(db, test.schoolId, 1, { nc_year: null })
    emptyId = empty ?? 0
    outsiderId = (await setUpOtherSchool(db, 'Z801200001009')).studentId
  })
  after(async () => {
    await test.close()
  })

  it('shows each part of the summary', async () => {
    const response = await test.app.inject({ url: `/students/${adaId}/summary` })

    assert.equal(response.statusCode, 200)
    const html = response.body
    assert.match(html, /<h1 class="govuk-heading-l">Summary: Ada Okafor<\/h1>/)
    assert.match(textOf(html, 'summary-about'), /^Year 11\./)
    assert.match(textOf(html, 'group'), /^Group (One|Two), .+\.$/)
    assert.match(
      textOf(html, 'targets'),
      /Supported internship: (Eligible|Check|Not eligible) on 1 September 2027/,
    )
    assert.equal(textOf(html, 'actions'), 'Visit the farm: Tutor, due 15 January 2027')
    assert.equal(textOf(html, 'review'), 'Latest review 2 November 2026. Next review 1 March 2027.')
    assert.match(textOf(html, 'benchmarks'), /^Benchmark 5: .+ \(1 activity\)$/)
    assert.equal(
      textOf(html, 'destination'),
      'School sixth form (actual) at Oak Hill Sixth Form, from 1 September 2025',
    )
  })

  it('leaver shows the leaving date', async () => {
    const response = await test.app.inject({ url: `/students/${leaverId}/summary` })

    assert.equal(response.statusCode, 200)
    assert.equal(textOf(response.body, 'summary-left'), 'Left on 17 July 2026.')
    assert.match(textOf(response.body, 'summary-about'), /^Year 13 at leaving\./)
  })

  it('long actions are shortened', async () => {
    const response = await test.app.inject({ url: `/students/${leaverId}/summary` })

    const items = [...response.body.matchAll(/<li>(Arrange[^<]*)<\/li>/g)].map((match) => match[1])
    assert.equal(items.length, 3)
    for (const item of items) {
      assert.match(item ?? '', /… \(full text in the plan\): Tutor, due/)
      assert.ok((item ?? '').length < SUMMARY_ACTION_LENGTH + 80, item)
    }
  })

  it('says what is missing for an empty record', async () => {
    const response = await test.app.inject({ url: `/students/${emptyId}/summary` })

    assert.equal(response.statusCode, 200)
    assert.match(textOf(response.body, 'summary-about'), /^Year not recorded\./)
    assert.equal(textOf(response.body, 'targets'), 'No target outcomes chosen.')
    assert.equal(textOf(response.body, 'actions'), 'No open actions.')
    assert.equal(textOf(response.body, 'review'), 'No review recorded.')
    assert.equal(textOf(response.body, 'benchmarks'), 'No careers activities recorded yet.')
    assert.equal(textOf(response.body, 'destination'), 'No destination recorded.')
  })

  it('prints on its own print layout', async () => {
    const response = await test.app.inject({ url: `/students/${adaId}/summary` })

    assert.match(response.body, /<body class="[^"]*app-print-page app-summary-page/)
    assert.doesNotMatch(response.body, /\sstyle="/)
  })

  it('records a view of the student', async () => {
    const viewsOf = () => countAuditEvents(test, 'student.view', adaId)
    const before = await viewsOf()

    await test.app.inject({ url: `/students/${adaId}/summary` })

    assert.equal(await viewsOf(), before + 1)
  })

  it('another school’s student is not found', async () => {
    for (const id of [String(outsiderId), '0x1', '99999999']) {
      const response = await test.app.inject({ url: `/students/${id}/summary` })

      assert.equal(response.statusCode, 404, id)
      assert.doesNotMatch(response.body, /Elsewhere/)
    }
  })

  it('student page links to it', async () => {
    const response = await test.app.inject({ url: `/students/${adaId}` })

    assert.ok(response.body.includes(`href="/students/${adaId}/summary"`))
  })
})

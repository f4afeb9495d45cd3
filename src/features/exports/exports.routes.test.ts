import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { addTestSchool, buildTestApp } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import { addSpell } from '../work-lists/work-lists.test-data.js'
import { EXPORT_FORMATS, EXPORT_KIND_INFO, EXPORT_KINDS } from './export.kinds.js'
import { insertStudents, setUpOtherSchool } from './export.test-data.js'

describe('export routes', () => {
  let test: TestApp
  let otherSchoolId: number
  let secondSchoolId: number
  let beechId: number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    const db = test.database.db
    await insertStudents(db, test.schoolId, 1, { upn: 'H801200001001', legal_surname: 'Okafor' })
    secondSchoolId = await addTestSchool(test, 'Beech School')
    ;[beechId = 0] = await insertStudents(db, secondSchoolId, 1, {
      upn: 'H801200001002',
      legal_surname: 'Beech',
    })
    // Paid employment fits several NCCIS codes, and none is chosen.
    await addSpell(db, secondSchoolId, beechId, {
      intent: 'actual',
      type: 'paid-employment',
      startDate: '2026-09-01',
    })
    otherSchoolId = (await setUpOtherSchool(db, 'Z801200001003')).schoolId
  })
  after(async () => {
    await test.close()
  })

  it('page lists every kind with both formats', async () => {
    const response = await test.app.inject({ url: '/exports' })

    assert.equal(response.statusCode, 200)
    for (const kind of EXPORT_KINDS) {
      assert.match(response.body, new RegExp(EXPORT_KIND_INFO[kind].title))
      assert.ok(response.body.includes(`href="/exports/${kind}.csv"`), kind)
      assert.ok(response.body.includes(`href="/exports/${kind}.xlsx"`), kind)
    }
    assert.match(response.body, /All my schools/)
    assert.match(response.body, /Downloads cover all 2 of your schools/)
  })

  it('page keeps the chosen school in the links', async () => {
    const response = await test.app.inject({ url: `/exports?school=${secondSchoolId}` })

    assert.equal(response.statusCode, 200)
    assert.ok(response.body.includes(`href="/exports/students.csv?school=${secondSchoolId}"`))
    assert.match(response.body, /Downloads cover Beech School/)
  })

  it('page links students missing an NCCIS code', async () => {
    const response = await test.app.inject({ url: '/exports' })

    assert.match(response.body, /1 student has\s+a current destination with no NCCIS activity code/)
    assert.ok(response.body.includes(`href="/students/${beechId}/destinations"`))

    const oneSchool = await test.app.inject({ url: `/exports?school=${test.schoolId}` })
    assert.doesNotMatch(oneSchool.body, /id="missing-nccis-codes"/)
  })

  it('csv download has safe headers', async () => {
    const response = await test.app.inject({ url: '/exports/students.csv' })

    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="send-careers-students-${todayInEngland()}.csv"`,
    )
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(response.body, /Okafor/)
    assert.match(response.body, /Beech/)
    assert.doesNotMatch(response.body, /Z801200001003/)
  })

  it('xlsx download is a workbook', async () => {
    const response = await test.app.inject({ url: '/exports/la-return.xlsx' })

    assert.equal(response.statusCode, 200)
    assert.equal(
      response.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    assert.equal(response.rawPayload.subarray(0, 2).toString('latin1'), 'PK')
  })

  it('school choice limits the download', async () => {
    const response = await test.app.inject({ url: `/exports/students.csv?school=${test.schoolId}` })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Okafor/)
    assert.doesNotMatch(response.body, /Beech/)
  })

  it('unknown kinds and formats are not found', async () => {
    for (const file of [
      'pupils.csv',
      'students.pdf',
      'students',
      'students.csv.xlsx',
      'STUDENTS.CSV',
    ]) {
      const response = await test.app.inject({ url: `/exports/${file}` })

      assert.equal(response.statusCode, 404, file)
    }
  })

  it('another school is not found', async () => {
    for (const school of [String(otherSchoolId), '0x1', 'abc', '99999']) {
      const download = await test.app.inject({ url: `/exports/students.csv?school=${school}` })
      const page = await test.app.inject({ url: `/exports?school=${school}` })

      assert.equal(download.statusCode, 404, school)
      assert.equal(page.statusCode, 404, school)
    }
  })

  it('download records an audit event', async () => {
    const before = await countExportEvents(test)

    await test.app.inject({ url: `/exports/destinations.xlsx?school=${secondSchoolId}` })

    const events = await test.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'data.export')
      .orderBy('id', 'desc')
      .execute()
    assert.equal(events.length, before + 1)
    assert.equal(events[0]?.school_id, secondSchoolId)
    assert.equal(events[0]?.actor, 'careers-leader@school.test')
    assert.deepEqual(JSON.parse(events[0]?.details ?? '{}'), {
      kind: 'destinations',
      format: 'xlsx',
      rows: 1,
      complete: true,
    })
  })
})

async function countExportEvents(test: TestApp): Promise<number> {
  const rows = await test.database.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', 'data.export')
    .execute()
  return rows.length
}

for (const role of ['staff', 'viewer'] as const) {
  describe(`export routes as ${role}`, () => {
    let test: TestApp

    before(async () => {
      test = await buildTestApp({}, false, { as: role })
      await insertStudents(test.database.db, test.schoolId, 1, { upn: 'H801200001004' })
    })
    after(async () => {
      await test.close()
    })

    it('every export route is refused', async () => {
      const urls = ['/exports']
      for (const kind of EXPORT_KINDS) {
        for (const format of EXPORT_FORMATS) urls.push(`/exports/${kind}.${format}`)
      }

      for (const url of urls) {
        const response = await test.app.inject({ url })

        assert.equal(response.statusCode, 403, url)
        assert.doesNotMatch(response.body, /H801200001004/, url)
      }
      assert.equal(await countExportEvents(test), 0)
    })

    it('home page has no exports link', async () => {
      const response = await test.app.inject({ url: '/' })

      assert.doesNotMatch(response.body, /href="\/exports"/)
    })
  })
}

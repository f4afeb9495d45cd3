import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'

import { upnCheckLetter } from '../../domain/upn.js'
import { buildTestApp, postForm, uploadRegister } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'

const HEADER = 'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need'

function upnFor(serial: number): string {
  const rest = `8014${String(serial).padStart(8, '0')}`
  return `${upnCheckLetter(rest)}${rest}`
}

function csvFile(lines: string[]) {
  return { name: 'register.csv', content: Buffer.from([HEADER, ...lines].join('\n') + '\n') }
}

function validRows(count: number, first = 1): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${upnFor(first + index)},Okafor,Ada,14/03/2010,10,E,ASD`,
  )
}

function badUpnRows(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `X${index},Ng,Ann,01/09/2010,9,K,ASD`)
}

/** Counts the table rows of the problems table on a preview page. */
function problemRowsOn(html: string): number {
  const table = html.slice(html.indexOf('id="messages"'), html.indexOf('</table>'))
  return (table.match(/<tr class="govuk-table__row">/g) ?? []).length - 1
}

describe('import pages for large files', () => {
  let test: TestApp
  let schoolName: string
  let counter = 0

  before(async () => {
    test = await buildTestApp({ maxUploadBytes: 4 * 1024 * 1024 })
  })

  after(async () => {
    await test.close()
  })

  /** Uploads lines into a new school, or into `schoolName` when given, and returns the preview. */
  async function upload(lines: string[], fields: Record<string, string> = {}) {
    counter += 1
    schoolName = `School ${counter}`
    const response = await uploadRegister(test.app, csvFile(lines), { schoolName, ...fields })
    assert.equal(response.statusCode, 303)
    return String(response.headers.location)
  }

  async function confirm(previewUrl: string) {
    const response = await postForm(test.app, previewUrl, previewUrl, {})
    assert.equal(response.statusCode, 303)
    return String(response.headers.location)
  }

  it('preview shows at most 500 problem rows', async () => {
    const previewUrl = await upload(badUpnRows(1200))

    const page = await test.app.inject({ url: previewUrl })

    assert.equal(page.statusCode, 200)
    assert.equal(problemRowsOn(page.body), 500)
    assert.match(page.body, /700 more rows have problems not shown here\./)
    assert.match(page.body, /1,200 rows of the file have errors or warnings/)
    assert.match(page.body, new RegExp(`href="${previewUrl}/problems.csv"`))
  })

  it('small file shows at most 500 problem rows', async () => {
    const previewUrl = await upload(badUpnRows(800))

    const page = await test.app.inject({ url: previewUrl })

    assert.equal(problemRowsOn(page.body), 500)
    assert.match(page.body, /300 more rows have problems not shown here\./)
  })

  it('problems CSV lists every problem', async () => {
    const previewUrl = await upload(badUpnRows(1200))

    const response = await test.app.inject({ url: `${previewUrl}/problems.csv` })

    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv/)
    assert.match(String(response.headers['content-disposition']), /attachment/)
    const records = parse(response.body, { bom: true }) as string[][]
    assert.deepEqual(records[0], ['Line', 'Status', 'Type', 'Column', 'Value', 'Message'])
    assert.equal(records.length, 1201)
    assert.deepEqual(records[1]?.slice(0, 5), ['2', 'Rejected', 'Error', 'UPN', 'X0'])
    assert.equal(records[1200]?.[0], '1201')
    const exports = await test.database.db
      .selectFrom('audit_events')
      .select(['actor', 'details'])
      .where('action', '=', 'data.export')
      .execute()
    assert.equal(exports.length, 1, 'the download is in the audit trail')
    assert.equal(exports[0]?.actor, 'admin@school.test')
  })

  it('problems CSV neutralises formulas', async () => {
    const lines = ['=1+2,Ng,Ann,01/09/2010,9,K,ASD', '@SUM(A1),Ng,Ann,01/09/2010,9,K,ASD']
    const previewUrl = await upload([...lines, '-5,Ng,Ann,01/09/2010,9,K,ASD'])

    const response = await test.app.inject({ url: `${previewUrl}/problems.csv` })

    const values = (parse(response.body, { bom: true }) as string[][]).map((row) => row[4])
    assert.deepEqual(values.slice(1), ["'=1+2", "'@SUM(A1)", "'-5"])
  })

  it('problems CSV of an unknown preview is 404', async () => {
    const response = await test.app.inject({ url: '/import/not-a-preview/problems.csv' })

    assert.equal(response.statusCode, 404)
  })

  it('preview lists at most 100 missing students', async () => {
    await confirm(await upload(validRows(120)))
    const name = schoolName
    const response = await uploadRegister(test.app, csvFile(validRows(1)), { schoolName: name })
    const page = await test.app.inject({ url: String(response.headers.location) })

    const listed = page.body.match(/<li><a class="govuk-link" href="\/students\/\d+">/g) ?? []
    assert.equal(listed.length, 100)
    assert.match(page.body, /119 students of School \d+ are not in\s+the file/)
    assert.match(page.body, /and 19 more students\./)
    assert.match(page.body, /Confirming writes 0 students\./)
  })

  it('preview says 1 student in the singular', async () => {
    const previewUrl = await upload(validRows(1, 500))

    const page = await test.app.inject({ url: previewUrl })

    assert.match(page.body, /Confirming writes 1 student\./)
  })
})

describe('import partial files and results', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp({ maxUploadBytes: 1024 * 1024 })
  })

  after(async () => {
    await test.close()
  })

  it('upload form offers full and partial files', async () => {
    const page = await test.app.inject({ url: '/import' })

    assert.match(page.body, /name="coverage" type="radio" value="all" checked/)
    assert.match(page.body, /This file lists every SEND student in the school/)
    assert.match(page.body, /This file lists only some students/)
  })

  it('partial file marks no one missing', async () => {
    const schoolName = 'Partial School'
    const first = await uploadRegister(test.app, csvFile(validRows(5, 700)), { schoolName })
    await postForm(test.app, String(first.headers.location), String(first.headers.location), {})

    const upload = await uploadRegister(test.app, csvFile(validRows(1, 800)), {
      schoolName,
      coverage: 'some',
    })
    const previewUrl = String(upload.headers.location)
    const page = await test.app.inject({ url: previewUrl })
    const confirm = await postForm(test.app, previewUrl, previewUrl, {})
    const result = await test.app.inject({ url: String(confirm.headers.location) })

    assert.match(page.body, /lists only some students, so no student of Partial School/)
    assert.doesNotMatch(page.body, /href="\/students\/\d+"/)
    assert.match(result.body, /1 student written/)
    assert.match(result.body, /listed only some students, so no one was marked/)
  })

  it('result page reads the import record', async () => {
    const upload = await uploadRegister(test.app, csvFile(validRows(2, 900)), {
      schoolName: 'Result School',
    })
    const previewUrl = String(upload.headers.location)
    const confirm = await postForm(test.app, previewUrl, previewUrl, {})
    const location = String(confirm.headers.location)

    const result = await test.app.inject({ url: `${location}?new=35` })

    assert.match(location, /^\/import\/complete\/\d+$/)
    assert.equal(result.statusCode, 200)
    assert.match(result.body, /2 students written/)
  })

  it('result page ignores counts in the query', async () => {
    const response = await test.app.inject({ url: '/import/complete?new=35' })

    assert.equal(response.statusCode, 404)
    assert.doesNotMatch(response.body, /35 students written/)
  })

  it('result page of an unknown import is 404', async () => {
    const unknown = await test.app.inject({ url: '/import/complete/999999' })
    const invalid = await test.app.inject({ url: '/import/complete/abc' })

    assert.equal(unknown.statusCode, 404)
    assert.equal(invalid.statusCode, 404)
  })
})

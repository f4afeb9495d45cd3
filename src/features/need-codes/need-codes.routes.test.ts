import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'

import { createServices } from '../../services.js'
import { buildTestApp, formSession } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { validateRegister } from '../import/validate-file.js'

const REGISTER =
  'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need\n' +
  'B801200005001,Quince,Ada,12/10/2010,11,E,DS\n' +
  'P207000016049,Rowan,Ben,01/02/2010,11,K,ASD\n'

async function importRegister(test: TestApp, csv: string) {
  const services = createServices(test.database)
  const school = await services.students.findOrCreateSchool('Oak Hill School')
  const file = await validateRegister(
    { fileName: 'register.csv', stream: Readable.from([csv]) },
    { maxBytes: 1024 * 1024 },
  )
  const preview = await services.imports.preview(school.id, file, 'register.csv')
  await services.imports.commit(preview.id)
  return school
}

describe('need code pages', () => {
  let test: TestApp
  let schoolId: number

  before(async () => {
    test = await buildTestApp()
    schoolId = (await importRegister(test, REGISTER)).id
  })

  after(async () => {
    await test.close()
  })

  it('lists a local code with its students', async () => {
    const response = await test.app.inject({ url: '/need-codes' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<strong>DS<\/strong>/)
    assert.doesNotMatch(response.body, /<strong>ASD<\/strong>/, 'census codes are not listed')
  })

  it('rejects a post without a CSRF token', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/need-codes',
      payload: { schoolId: String(schoolId), code: 'DS', area: 'cognition_learning' },
    })

    assert.equal(response.statusCode, 403)
  })

  it('shows an error when no area is chosen', async () => {
    const { token, cookie } = await formSession(test.app, '/need-codes')
    const response = await test.app.inject({
      method: 'POST',
      url: '/need-codes',
      headers: { cookie },
      payload: { _csrf: token, schoolId: String(schoolId), code: 'DS', area: '' },
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /Select the area of need for this code/)
  })

  it('rejects a code no student has', async () => {
    const { token, cookie } = await formSession(test.app, '/need-codes')
    const response = await test.app.inject({
      method: 'POST',
      url: '/need-codes',
      headers: { cookie },
      payload: { _csrf: token, schoolId: String(schoolId), code: 'XYZ', area: 'semh' },
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /No student in your schools has the need code &quot;XYZ&quot;/)
  })

  it('shows no banner for an edited address', async () => {
    const page = await test.app.inject({ url: '/need-codes?mapped=ZZZ&school=1' })

    assert.doesNotMatch(page.body, /is mapped to/)
  })

  it('maps a code and regroups its students', async () => {
    const { token, cookie } = await formSession(test.app, '/need-codes')
    const response = await test.app.inject({
      method: 'POST',
      url: '/need-codes',
      headers: { cookie },
      payload: { _csrf: token, schoolId: String(schoolId), code: 'DS', area: 'cognition_learning' },
    })
    const page = await test.app.inject({ url: response.headers.location as string })
    const students = await createServices(test.database).students.listStudents(
      { schoolIds: [schoolId] },
      { group: 'one' },
    )

    assert.equal(response.statusCode, 303)
    assert.match(page.body, /DS is mapped to Cognition and learning/)
    assert.deepEqual(
      students.students.map((student) => student.legalSurname),
      ['Quince', 'Rowan'],
    )
  })
})

import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'

import {
  buildTestApp,
  formSession,
  multipartBody,
  postForm,
  uploadRegister,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'

const fixture = (name: string) => readFile(`test/fixtures/${name}`)

describe('import pages', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp({ maxUploadBytes: 64 * 1024 })
  })

  after(async () => {
    await test.close()
  })

  it('upload page names the only school the user may import into', async () => {
    const response = await test.app.inject({ url: '/import' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /enctype="multipart\/form-data"/)
    assert.match(response.body, /imported into <strong>Oak Hill School/)
    assert.doesNotMatch(response.body, /name="schoolName"/)
    assert.match(response.body, /name="_csrf" value="[^"]+"/)
  })

  it('upload page links to the destinations import', async () => {
    const response = await test.app.inject({ url: '/import' })
    const destinations = await test.app.inject({ url: '/destinations/import' })

    assert.match(
      response.body,
      /<a class="govuk-link" href="\/destinations\/import">Import destinations instead<\/a>/,
    )
    assert.equal(destinations.statusCode, 200)
  })

  it('upload without a file lists every error', async () => {
    const response = await uploadRegister(test.app, { name: '', content: Buffer.alloc(0) })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /<title>Error: Import a register/)
    assert.match(response.body, /href="#file">Select a CSV or Excel file to import/)
  })

  it('upload without a CSRF token is rejected', async () => {
    const { cookie } = await formSession(test.app, '/import')
    const body = multipartBody(
      { schoolName: 'Oak Hill School' },
      {
        name: 'register.csv',
        content: await fixture('sims-style-register.csv'),
      },
    )

    const response = await test.app.inject({
      method: 'POST',
      url: '/import',
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    })

    assert.equal(response.statusCode, 403)
  })

  it('refused file shows its message on the upload page', async () => {
    const file = { name: 'notes.csv', content: Buffer.from('hello\nworld\n') }

    const response = await uploadRegister(test.app, file, { schoolName: 'Oak Hill School' })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /<a href="#file">/)
    assert.match(response.body, /imported into <strong>Oak Hill School/)
  })

  it('file over the size limit is refused on the upload page', async () => {
    const file = { name: 'big.csv', content: Buffer.alloc(70 * 1024, 'a') }

    const response = await uploadRegister(test.app, file, { schoolName: 'Oak Hill School' })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /<a href="#file">/)
  })

  it('preview lists counts and rejected lines, confirm writes', async () => {
    const file = { name: 'sims.csv', content: await fixture('sims-style-register.csv') }
    const upload = await uploadRegister(test.app, file, { schoolName: 'Oak Hill School' })
    const previewUrl = String(upload.headers.location)

    const preview = await test.app.inject({ url: previewUrl })

    assert.equal(upload.statusCode, 303)
    assert.match(
      preview.body,
      /New students\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*35/,
    )
    assert.match(
      preview.body,
      /Rows rejected\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*5/,
    )
    assert.match(preview.body, /<td class="govuk-table__cell">19<\/td>/)
    assert.match(preview.body, /&quot;31\/09\/2013&quot;/)
    assert.match(preview.body, /<li>Gender<\/li>/)

    const confirm = await postForm(test.app, previewUrl, previewUrl, {})
    assert.equal(confirm.statusCode, 303)
    const result = await test.app.inject({ url: String(confirm.headers.location) })
    assert.match(result.body, /Import complete/)
    assert.match(result.body, /35 students written/)
  })

  it('confirming twice says to upload again', async () => {
    const file = { name: 'sims.csv', content: await fixture('sims-style-register.csv') }
    const upload = await uploadRegister(test.app, file)
    const previewUrl = String(upload.headers.location)
    await postForm(test.app, previewUrl, previewUrl, {})

    const again = await postForm(test.app, '/import', previewUrl, {})

    assert.equal(again.statusCode, 400)
    assert.match(again.body, /Import preview not found/)
  })

  it('unknown preview gives 404', async () => {
    const response = await test.app.inject({ url: '/import/not-a-preview' })

    assert.equal(response.statusCode, 404)
  })
})

import assert from 'node:assert/strict'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'

import { buildTestApp } from './testing/test-app.js'
import type { TestApp } from './testing/test-app.js'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

// light-my-request tidies "../" out of a URL, so these tests send the path as written over HTTP.
function getRaw(port: number, path: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      )
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('error pages', () => {
  let test: TestApp
  let port: number

  before(async () => {
    test = await buildTestApp()
    await test.app.listen({ host: '127.0.0.1', port: 0 })
    port = (test.app.server.address() as AddressInfo).port
  })

  after(async () => {
    await test.close()
  })

  for (const path of ['/static/../x', '/static/%2e%2e/app.css', '/assets/images/../../x']) {
    it(`blocked path ${path} is not a form error`, async () => {
      const response = await getRaw(port, path)

      assert.equal(response.status, 403)
      assert.match(response.body, /<h1 class="govuk-heading-l">Page not available<\/h1>/)
      assert.doesNotMatch(response.body, /form has expired/)
    })
  }

  for (const path of ['/static/%c0%ae%c0%ae/x', '/%', '/students/%zz']) {
    it(`bad URL ${path} gives the error page`, async () => {
      const response = await getRaw(port, path)

      assert.equal(response.status, 400)
      assert.match(String(response.headers['content-type']), /^text\/html/)
      assert.match(String(response.headers['content-security-policy']), /default-src 'self'/)
      assert.equal(response.headers['x-content-type-options'], 'nosniff')
      assert.match(response.body, /The web address is not valid/)
      assert.doesNotMatch(response.body, /FST_ERR_BAD_URL/)
    })
  }

  it('bad URL in a POST skips the CSRF check', async () => {
    const response = await getRaw(port, '/students/%c0/override', 'POST')

    assert.equal(response.status, 400)
    assert.doesNotMatch(response.body, /form has expired/)
  })

  it('framework error path alone is 404', async () => {
    const response = await getRaw(port, '/__framework-error')

    assert.equal(response.status, 404)
  })

  const NOT_FOUND: [string, RegExp][] = [
    ['/outcomes/no-such-outcome', /No outcome has the id no-such-outcome/],
    ['/import/00000000-0000-4000-8000-000000000000', /Import preview not found/],
    ['/students/99999', /Student not found/],
    ['/no-such-page', /No page at \/no-such-page/],
  ]

  for (const [path, message] of NOT_FOUND) {
    it(`404 for ${path} names the resource`, async () => {
      const response = await test.app.inject({ url: path })

      assert.equal(response.statusCode, 404)
      assert.match(response.body, message)
    })
  }

  it('404 text is not about students only', async () => {
    const response = await test.app.inject({ url: '/outcomes/no-such-outcome' })

    assert.doesNotMatch(response.body, /link to a student/)
  })
})

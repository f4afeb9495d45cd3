import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { pino } from 'pino'

import { webLoggerOptions } from './logger.js'
import { buildTestApp, formSession } from './testing/test-app.js'
import type { TestApp } from './testing/test-app.js'

describe('web app', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp()
  })

  after(async () => {
    await test.close()
  })

  it('health answers ok', async () => {
    const response = await test.app.inject({ url: '/health' })

    assert.equal(response.statusCode, 200)
    assert.deepEqual(response.json(), { status: 'ok' })
  })

  it('CSP is strict', async () => {
    const response = await test.app.inject({ url: '/' })
    const policy = String(response.headers['content-security-policy'])

    assert.match(policy, /default-src 'self'/)
    assert.match(policy, /frame-ancestors 'none'/)
    assert.equal(response.headers['x-frame-options'], 'DENY')
    assert.match(policy, /style-src 'self'(;|$)/)
    assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/)
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|nonce-/)
    assert.equal(response.headers['x-content-type-options'], 'nosniff')
  })

  it('start page has no GOV.UK branding', async () => {
    const response = await test.app.inject({ url: '/' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /send-careers/)
    assert.doesNotMatch(response.body, /govuk-header__logo|Crown copyright|GOV\.UK/)
  })

  it('stylesheet uses Arial and no GDS Transport', async () => {
    const response = await test.app.inject({ url: '/static/app.css' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /font-family:arial,sans-serif/)
    assert.doesNotMatch(response.body, /GDS Transport|@font-face/)
  })

  it('unknown page gives the 404 page', async () => {
    const response = await test.app.inject({ url: '/no-such-page?name=Someone' })

    assert.equal(response.statusCode, 404)
    assert.match(response.body, /<title>Page not found/)
    assert.match(response.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/)
  })

  it('POST without a CSRF token is rejected', async () => {
    const { cookie } = await formSession(test.app, '/import')

    const response = await test.app.inject({
      method: 'POST',
      url: '/students/1/override',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'group=one&reason=Known+to+staff',
    })

    assert.equal(response.statusCode, 403)
    assert.match(response.body, /The form has expired/)
  })

  it('POST with a token from another secret is rejected', async () => {
    const first = await formSession(test.app, '/import')
    const second = await formSession(test.app, '/import')

    const response = await test.app.inject({
      method: 'POST',
      url: '/students/1/override',
      headers: { cookie: second.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(first.token)}&group=one&reason=x`,
    })

    assert.equal(response.statusCode, 403)
  })

  it('POST with the form token is accepted', async () => {
    const { token, cookie } = await formSession(test.app, '/import')

    const response = await test.app.inject({
      method: 'POST',
      url: '/students/999/override',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(token)}&group=one&reason=Known+to+staff`,
    })

    // The token passes, so the request reaches the route, which finds no such student.
    assert.equal(response.statusCode, 404)
  })

  it('CSRF cookie is signed and HTTP only', async () => {
    const { page } = await formSession(test.app, '/import')
    const cookie = page.cookies.find((candidate) => candidate.name === 'send-careers-csrf')

    assert.ok(cookie)
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.sameSite, 'Strict')
    assert.match(cookie.value, /\./)
  })
})

describe('page caching', () => {
  it('tells browsers to keep no copy of a page', async () => {
    const test = await buildTestApp()
    try {
      const page = await test.app.inject({ url: '/account' })
      const asset = await test.app.inject({ url: '/static/app.css' })

      assert.equal(page.headers['cache-control'], 'no-store')
      assert.notEqual(asset.headers['cache-control'], 'no-store')
    } finally {
      await test.close()
    }
  })
})

describe('web app in production', () => {
  it('error page shows no stack', async () => {
    const test = await buildTestApp({ nodeEnv: 'production' })
    test.app.get('/test-failure', { config: { access: 'public' } }, () => {
      throw new Error('secret internal detail')
    })

    const response = await test.app.inject({ url: '/test-failure' })
    await test.close()

    assert.equal(response.statusCode, 500)
    assert.doesNotMatch(response.body, /secret internal detail|at .*\.ts:\d+/)
    assert.match(response.body, /Sorry, there is a problem with the service/)
  })
})

describe('web app in development', () => {
  it('shows a stack for a server fault only', async () => {
    const test = await buildTestApp({ nodeEnv: 'development' }, undefined, { as: 'viewer' })
    test.app.get('/test-failure', { config: { access: 'public' } }, () => {
      throw new Error('internal detail')
    })

    const fault = await test.app.inject({ url: '/test-failure' })
    const refused = await test.app.inject({ url: '/import' })
    await test.close()

    assert.equal(fault.statusCode, 500)
    assert.match(fault.body, /Details for developers/)
    assert.equal(refused.statusCode, 403)
    assert.doesNotMatch(refused.body, /Details for developers|at .*\.ts:\d+/)
  })
})

describe('request logs', () => {
  it('leave out the query and cookies', async () => {
    const lines: string[] = []
    const destination = { write: (line: string) => lines.push(line) }
    const logger = pino(webLoggerOptions('info'), destination)
    const test = await buildTestApp({}, logger)

    await test.app.inject({
      url: '/students?q=Ashworth',
      headers: { cookie: 'send-careers-csrf=secret-value' },
    })
    await test.close()

    const output = lines.join('')
    assert.match(output, /"url":"\/students\?\[query removed\]"/)
    assert.doesNotMatch(output, /Ashworth|secret-value/)
  })
})

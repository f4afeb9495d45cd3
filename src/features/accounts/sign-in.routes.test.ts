import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { LightMyRequestResponse } from 'fastify'

import { SESSION_COOKIE } from '../../web/plugins/session.js'
import { buildTestApp, createTestUser, csrfTokenFrom } from '../../web/testing/test-app.js'
import type { TestApp, TestUser } from '../../web/testing/test-app.js'
import { currentTotpCode } from './totp.js'

/** Creates a one-user browser that keeps each response's cookies and sends them with the next request. */
function browserFor(test: TestApp) {
  const jar = new Map<string, string>()
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  function keep(response: LightMyRequestResponse) {
    for (const set of response.cookies) {
      if (set.value === '' || (set.expires && set.expires.getTime() < Date.now()))
        jar.delete(set.name)
      else jar.set(set.name, set.value)
    }
    return response
  }
  // A header naming the session cookie, even empty, stops the test app adding its own user's.
  const headers = () => ({ cookie: cookie() || `${SESSION_COOKIE}=` })
  return {
    jar,
    async get(url: string) {
      return keep(await test.app.inject({ method: 'GET', url, headers: headers() }))
    },
    async post(pageUrl: string, action: string, fields: Record<string, string>) {
      const page = await this.get(pageUrl)
      const token = csrfTokenFrom(page.body)
      return keep(
        await test.app.inject({
          method: 'POST',
          url: action,
          headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
        }),
      )
    },
    async signIn(user: TestUser, password = user.password) {
      return this.post('/sign-in', '/sign-in', { email: user.email, password })
    },
    async passCode(user: TestUser) {
      const code = currentTotpCode(user.totpSecret ?? '')
      return this.post('/sign-in/second-factor', '/sign-in/second-factor', { code })
    },
  }
}

describe('sign-in pages', () => {
  let test: TestApp
  let staff: TestUser
  let leader: TestUser

  before(async () => {
    test = await buildTestApp({ signInPostsPerMinute: 1000 }, false, { as: null })
    staff = await createTestUser(test.services, { role: 'staff', schoolId: test.schoolId })
    leader = await createTestUser(test.services, {
      role: 'careers_leader',
      schoolId: test.schoolId,
    })
  })

  after(async () => {
    await test.close()
  })

  it('sends a signed-out visitor to sign in and back', async () => {
    const browser = browserFor(test)
    const page = await browser.get('/students?q=ab')

    assert.equal(page.statusCode, 303)
    assert.equal(page.headers.location, '/sign-in?next=%2Fstudents%3Fq%3Dab')
    const signIn = await browser.get(String(page.headers.location))
    assert.match(signIn.body, /name="next" value="\/students\?q=ab"/)
    const response = await browser.post('/sign-in', '/sign-in', {
      email: staff.email,
      password: staff.password,
      next: '/students?q=ab',
    })
    assert.equal(response.headers.location, '/students?q=ab')
  })

  it('never sends the user to another site after sign-in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const browser = browserFor(test)
      const response = await browser.post('/sign-in', '/sign-in', {
        email: staff.email,
        password: staff.password,
        next,
      })
      assert.equal(response.headers.location, '/', next)
    }
  })

  it('gives one message for a wrong password and an unknown email', async () => {
    const wrong = await browserFor(test).signIn(staff, 'not the right password')
    const unknown = await browserFor(test).signIn({ ...staff, email: 'nobody@school.test' })

    assert.equal(wrong.statusCode, 400)
    assert.equal(unknown.statusCode, 400)
    const message = (body: string) =>
      /<div class="govuk-error-summary__body">[\s\S]*?<\/div>/.exec(body)?.[0]
    assert.equal(message(wrong.body), message(unknown.body))
    assert.match(wrong.body, /Enter a correct email address and password/)
    assert.match(wrong.body, new RegExp(`value="${staff.email}"`), 'the email is kept')
  })

  it('refuses a sign-in without a CSRF token', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: {
        cookie: `${SESSION_COOKIE}=`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ email: staff.email, password: staff.password }).toString(),
    })
    assert.equal(response.statusCode, 403)
    assert.equal(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '', '')
  })

  it('starts a new session on sign-in, so a planted cookie is useless', async () => {
    const planted = 'a-value-an-attacker-chose-for-the-victim'
    const victim = browserFor(test)
    victim.jar.set(SESSION_COOKIE, planted)
    const page = await victim.get('/sign-in')
    assert.equal(page.statusCode, 200, 'an unknown token is no session')
    await victim.signIn(staff)
    const fresh = victim.jar.get(SESSION_COOKIE)

    assert.ok(fresh)
    assert.notEqual(fresh, planted)
    const withPlanted = await test.app.inject({
      url: '/students',
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    })
    assert.equal(withPlanted.statusCode, 303)
  })

  it('refuses a form token made for another session', async () => {
    const attacker = browserFor(test)
    const victim = browserFor(test)
    await attacker.signIn(staff)
    await victim.signIn(staff)
    const page = await attacker.get('/account')
    const token = csrfTokenFrom(page.body)
    const csrfCookie = [...attacker.jar].find(([name]) => name !== SESSION_COOKIE)

    const response = await test.app.inject({
      method: 'POST',
      url: '/account/sign-out-everywhere',
      headers: {
        cookie: `${csrfCookie?.join('=')}; ${SESSION_COOKIE}=${victim.jar.get(SESSION_COOKIE)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: token }).toString(),
    })

    assert.equal(response.statusCode, 403)
    assert.equal((await victim.get('/students')).statusCode, 200, 'the victim is still signed in')
  })

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const response = await browserFor(test).signIn(staff)
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)

    assert.equal(cookie?.httpOnly, true)
    assert.equal(cookie?.sameSite, 'Lax')
    assert.equal(cookie?.path, '/')
  })

  it('signs out, and the old cookie no longer works', async () => {
    const browser = browserFor(test)
    await browser.signIn(staff)
    const token = browser.jar.get(SESSION_COOKIE)
    const out = await browser.post('/students', '/sign-out', {})

    assert.equal(out.headers.location, '/sign-in?signedOut=1')
    const again = await test.app.inject({
      url: '/students',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    })
    assert.equal(again.statusCode, 303)
  })

  it('signs out on every device', async () => {
    const laptop = browserFor(test)
    const phone = browserFor(test)
    await laptop.signIn(staff)
    await phone.signIn(staff)

    await laptop.post('/account', '/account/sign-out-everywhere', {})

    assert.equal((await phone.get('/students')).statusCode, 303)
    assert.equal((await laptop.get('/students')).statusCode, 303)
  })

  it('ends the sessions of a disabled user at once', async () => {
    const user = await createTestUser(test.services, {
      role: 'staff',
      schoolId: test.schoolId,
      email: 'leaver@school.test',
    })
    const browser = browserFor(test)
    await browser.signIn(user)
    assert.equal((await browser.get('/students')).statusCode, 200)

    await test.services.accounts.disableUser(user.id, 'admin@school.test')

    assert.equal((await browser.get('/students')).statusCode, 303)
  })

  it('asks a careers leader for a code before any student page', async () => {
    const browser = browserFor(test)
    const signedIn = await browser.signIn(leader)
    assert.equal(signedIn.headers.location, '/sign-in/second-factor?next=%2F')

    assert.equal((await browser.get('/students')).headers.location, '/sign-in/second-factor')
    const wrong = await browser.post('/sign-in/second-factor', '/sign-in/second-factor', {
      code: '000000',
    })
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.body, /Enter the 6-digit code/)
    const before = browser.jar.get(SESSION_COOKIE)
    const passed = await browser.passCode(leader)

    assert.equal(passed.headers.location, '/')
    assert.notEqual(browser.jar.get(SESSION_COOKIE), before, 'a new session id after the code')
    assert.equal((await browser.get('/students')).statusCode, 200)
  })

  it('makes a careers leader without a second factor set one up first', async () => {
    const user = await createTestUser(test.services, {
      role: 'senco',
      schoolId: test.schoolId,
      email: 'new-senco@school.test',
      mfa: false,
    })
    const browser = browserFor(test)
    const signedIn = await browser.signIn(user)
    assert.equal(signedIn.headers.location, '/account/multi-factor')
    assert.equal((await browser.get('/students')).headers.location, '/account/multi-factor')

    const setup = await browser.get('/account/multi-factor')
    assert.match(setup.body, /<svg[^>]*>/)
    const secret = /id="secret">([A-Z2-7 ]+)</.exec(setup.body)?.[1]?.replace(/ /g, '') ?? ''
    const done = await browser.post('/account/multi-factor', '/account/multi-factor', {
      code: currentTotpCode(secret),
    })

    assert.equal(done.statusCode, 200)
    const codes = done.body.match(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g) ?? []
    assert.equal(codes.length, 10)
    assert.equal(done.headers['cache-control'], 'no-store')
    assert.equal((await browser.get('/students')).statusCode, 200)

    // Signed in again with a recovery code in place of the app.
    const next = browserFor(test)
    await next.signIn(user)
    const recovery = codes[0]?.replace(/<\/?code>/g, '') ?? ''
    const used = await next.post('/sign-in/second-factor', '/sign-in/second-factor', {
      code: recovery,
    })
    assert.equal(used.statusCode, 303)
    assert.equal((await next.get('/students')).statusCode, 200)
  })

  it('makes new recovery codes after a code from the app', async () => {
    const user = await createTestUser(test.services, {
      role: 'staff',
      schoolId: test.schoolId,
      email: 'renewer@school.test',
      mfa: true,
    })
    const browser = browserFor(test)
    await browser.signIn(user)
    await browser.passCode(user)
    const account = await browser.get('/account')
    assert.match(account.body, /Make new recovery codes/)

    const wrong = await browser.post('/account', '/account/recovery-codes', { code: '000000' })
    assert.equal(wrong.statusCode, 400)
    assert.match(wrong.body, /Enter the 6-digit code/)

    // The sign-in used the current step, so the next accepted code is the next step's.
    const next = currentTotpCode(user.totpSecret ?? '', Date.now() + 30_000)
    const renewed = await browser.post('/account', '/account/recovery-codes', { code: next })
    assert.equal(renewed.statusCode, 200)
    assert.equal(renewed.headers['cache-control'], 'no-store')
    assert.match(renewed.body, /Your old recovery codes no longer work/)
    assert.equal((renewed.body.match(/<code>[a-z2-9]{5}-[a-z2-9]{5}<\/code>/g) ?? []).length, 10)
    assert.equal(await test.services.accounts.unusedRecoveryCodes(user.id), 10)
  })

  it('lets a new user choose a password from the link', async () => {
    const { token } = await test.services.accounts.createUser(
      { email: 'newcomer@school.test', displayName: 'New Comer', role: 'staff' },
      { schoolId: test.schoolId },
      'admin@school.test',
    )
    const browser = browserFor(test)
    const page = await browser.get(`/set-password?token=${token}`)
    assert.match(page.body, /newcomer@school\.test/)

    const mismatch = await browser.post(`/set-password?token=${token}`, '/set-password', {
      token,
      password: 'lantern meadow copper',
      confirm: 'lantern meadow cooper',
    })
    assert.match(mismatch.body, /Enter the same password in both boxes/)
    const common = await browser.post(`/set-password?token=${token}`, '/set-password', {
      token,
      password: 'password1234',
      confirm: 'password1234',
    })
    assert.match(common.body, /too common/)
    const saved = await browser.post(`/set-password?token=${token}`, '/set-password', {
      token,
      password: 'lantern meadow copper',
      confirm: 'lantern meadow copper',
    })
    assert.equal(saved.headers.location, '/sign-in?passwordSet=1')

    const used = await browser.get(`/set-password?token=${token}`)
    assert.equal(used.statusCode, 410)
    assert.match(used.body, /This link has expired/)
  })
})

describe('sign-in limits', () => {
  let test: TestApp
  let staff: TestUser

  before(async () => {
    test = await buildTestApp({}, false, { as: null })
    staff = await createTestUser(test.services, { role: 'staff', schoolId: test.schoolId })
  })

  after(async () => {
    await test.close()
  })

  it('locks the account after 5 wrong passwords, with the same message', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await browserFor(test).signIn(staff, 'a wrong guess at it')
    }
    const locked = await browserFor(test).signIn(staff)

    assert.equal(locked.statusCode, 400)
    assert.match(locked.body, /Enter a correct email address and password/)
  })

  it('answers 429 after 10 sign-in posts a minute from one address', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push((await browserFor(test).signIn(staff, 'another wrong guess')).statusCode)
    }
    assert.equal(statuses.at(-1), 429)
  })
})

describe('sign-in in production', () => {
  it('marks the session cookie Secure and sends HSTS', async () => {
    const test = await buildTestApp({ nodeEnv: 'production' }, false, { as: null })
    try {
      const staff = await createTestUser(test.services, { role: 'staff', schoolId: test.schoolId })
      const response = await browserFor(test).signIn(staff)
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)

      assert.equal(response.statusCode, 303)
      assert.equal(cookie?.secure, true)
      assert.match(String(response.headers['strict-transport-security']), /max-age=\d+/)
    } finally {
      await test.close()
    }
  })
})

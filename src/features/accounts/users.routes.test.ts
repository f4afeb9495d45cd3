import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'

import { SESSION_COOKIE } from '../../web/plugins/session.js'
import {
  buildTestApp,
  createTestUser,
  postForm,
  sessionCookieFor,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import type { Role } from './permissions.js'

function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@school.test`
}

function errorSummary(body: string): string {
  return /<div class="govuk-error-summary__body">[\s\S]*?<\/div>/.exec(body)?.[0] ?? ''
}

describe('users pages', () => {
  let test: TestApp
  let otherSchoolId: number

  before(async () => {
    test = await buildTestApp()
    otherSchoolId = (await test.services.students.findOrCreateSchool('Elm Park School')).id
  })

  after(async () => {
    await test.close()
  })

  async function addUser(role: Role, schoolId = test.schoolId, mfa = false) {
    const email = uniqueEmail(role)
    return createTestUser(test.services, { role, schoolId, email, mfa })
  }

  const userPage = (id: number) => `/admin/users/${id}`
  const post = (id: number, action: string, fields: Record<string, string> = {}) =>
    postForm(test.app, userPage(id), `/admin/users/${id}/${action}`, fields)

  it('lists users of the admin’s schools only', async () => {
    const ours = await addUser('staff')
    const theirs = await addUser('staff', otherSchoolId)
    const { account } = await test.services.accounts.createUser(
      { email: uniqueEmail('new'), displayName: 'New Person', role: 'viewer' },
      { schoolId: test.schoolId },
      'test setup',
    )

    const response = await test.app.inject('/admin/users')

    assert.equal(response.statusCode, 200)
    assert.ok(response.body.includes(ours.email))
    assert.ok(!response.body.includes(theirs.email), 'a user of another school is not listed')
    assert.ok(response.body.includes(account.email))
    assert.match(response.body, /No password yet/)
    assert.match(response.body, new RegExp(`href="/admin/users/${account.id}"`))
  })

  it('adds a user and shows a one-time link', async () => {
    const email = uniqueEmail('added')

    const response = await postForm(test.app, '/admin/users', '/admin/users', {
      email: `  ${email.toUpperCase()} `,
      displayName: 'Added Person',
      role: 'senco',
      schoolId: String(test.schoolId),
    })

    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(response.body, /works once, for 72 hours/)
    const link = /http:\/\/localhost(:\d+)?\/set-password\?token=([A-Za-z0-9_-]+)/.exec(
      response.body,
    )
    assert.ok(link, 'the page shows an absolute link')
    const setPassword = await test.app.inject(`/set-password?token=${link[2]}`)
    assert.equal(setPassword.statusCode, 200)
    assert.ok(setPassword.body.includes(email), 'the email was stored in lower case')
    const account = await test.services.accounts.findAccount(email)
    assert.equal(account?.roles[0]?.role, 'senco')
  })

  it('add form names each error and keeps values', async () => {
    const response = await postForm(test.app, '/admin/users', '/admin/users', {
      email: 'not-an-email',
      displayName: '  ',
      role: 'wizard',
      schoolId: String(test.schoolId),
    })

    assert.equal(response.statusCode, 400)
    const summary = errorSummary(response.body)
    assert.match(summary, /&quot;not-an-email&quot; is not an email address/)
    assert.match(summary, /Enter the person’s name/)
    assert.match(summary, /&quot;wizard&quot; is not a role/)
    assert.match(response.body, /<title>Error: Users/)
    assert.match(response.body, /id="email" name="email" type="email"[^>]* value="not-an-email"/)
  })

  it('add form rejects another school', async () => {
    const response = await postForm(test.app, '/admin/users', '/admin/users', {
      email: uniqueEmail('elsewhere'),
      displayName: 'Elsewhere',
      role: 'staff',
      schoolId: String(otherSchoolId),
    })

    assert.equal(response.statusCode, 400)
    assert.match(errorSummary(response.body), /Select one of your schools/)
  })

  it('add form rejects someone already at the school', async () => {
    const existing = await addUser('staff')

    const response = await postForm(test.app, '/admin/users', '/admin/users', {
      email: existing.email,
      displayName: 'Twice',
      role: 'staff',
      schoolId: String(test.schoolId),
    })

    assert.equal(response.statusCode, 400)
    assert.match(errorSummary(response.body), /already has a role at this school/)
    assert.match(response.body, /value="Twice"/)
  })

  it('add form gives a role to someone from another school', async () => {
    const elsewhere = await addUser('senco', otherSchoolId)

    const response = await postForm(test.app, '/admin/users', '/admin/users', {
      email: elsewhere.email,
      displayName: 'Another Name',
      role: 'staff',
      schoolId: String(test.schoolId),
    })
    const page = await test.app.inject(String(response.headers.location))

    assert.equal(response.statusCode, 303)
    assert.match(page.body, /already had an account/)
    const roles = await test.services.accounts.schoolRolesOf(elsewhere.id)
    assert.equal(roles.get(test.schoolId), 'staff')
    assert.equal(roles.get(otherSchoolId), 'senco')
  })

  it('rejects a post without a CSRF token', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/admin/users',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        email: uniqueEmail('forged'),
        displayName: 'Forged',
        role: 'admin',
        schoolId: String(test.schoolId),
      }).toString(),
    })

    assert.equal(response.statusCode, 403)
    assert.match(response.body, /The form has expired/)
  })

  it('a user of another school is not found', async () => {
    const theirs = await addUser('staff', otherSchoolId)

    const page = await test.app.inject(userPage(theirs.id))
    const disable = await postForm(
      test.app,
      '/admin/users',
      `/admin/users/${theirs.id}/disable`,
      {},
    )
    const unknown = await test.app.inject('/admin/users/not-a-number')

    assert.equal(page.statusCode, 404)
    assert.equal(disable.statusCode, 404)
    assert.equal(unknown.statusCode, 404)
    const account = await test.services.accounts.getAccount(theirs.id)
    assert.equal(account?.disabled, false)
  })

  it('changes a role, then removes it', async () => {
    const user = await addUser('staff')

    const changed = await post(user.id, 'role', { schoolId: String(test.schoolId), role: 'senco' })
    const roles = await test.services.accounts.schoolRolesOf(user.id)
    const removed = await post(user.id, 'role', { schoolId: String(test.schoolId), role: 'none' })

    assert.equal(changed.statusCode, 303)
    assert.equal(changed.headers.location, `/admin/users/${user.id}?done=role`)
    assert.equal(roles.get(test.schoolId), 'senco')
    assert.equal(removed.statusCode, 303)
    assert.equal(removed.headers.location, '/admin/users?done=removed', 'the user page is gone')
    assert.equal((await test.services.accounts.schoolRolesOf(user.id)).size, 0)
  })

  it('role form names an invalid role', async () => {
    const user = await addUser('staff')

    const response = await post(user.id, 'role', { schoolId: String(test.schoolId), role: 'root' })

    assert.equal(response.statusCode, 400)
    assert.match(errorSummary(response.body), /&quot;root&quot; is not a role/)
    assert.equal((await test.services.accounts.schoolRolesOf(user.id)).get(test.schoolId), 'staff')
  })

  it('admin cannot reset their own second factor or password', async () => {
    const self = test.user?.id ?? 0

    const mfa = await post(self, 'reset-mfa')
    const link = await post(self, 'password-link')

    assert.equal(mfa.statusCode, 400)
    assert.match(errorSummary(mfa.body), /You cannot reset your own multi-factor sign-in/)
    assert.equal(link.statusCode, 400)
    assert.match(errorSummary(link.body), /You cannot send a password link to yourself/)
    assert.equal((await test.services.accounts.getAccount(self))?.mfaEnabled, true)
  })

  it('admin cannot disable their own account', async () => {
    const self = test.user?.id ?? 0

    const response = await post(self, 'disable')

    assert.equal(response.statusCode, 400)
    assert.match(errorSummary(response.body), /You cannot disable your own account/)
    assert.equal((await test.services.accounts.getAccount(self))?.disabled, false)
  })

  it('admin keeps their last admin role', async () => {
    const self = test.user?.id ?? 0

    const demote = await post(self, 'role', { schoolId: String(test.schoolId), role: 'staff' })
    const remove = await post(self, 'role', { schoolId: String(test.schoolId), role: 'none' })

    assert.equal(demote.statusCode, 400)
    assert.match(errorSummary(demote.body), /your last one/)
    assert.equal(remove.statusCode, 400)
    assert.equal((await test.services.accounts.schoolRolesOf(self)).get(test.schoolId), 'admin')
  })

  it('disables a user and ends their sessions', async () => {
    const user = await addUser('staff')
    const cookie = await sessionCookieFor(test.services, user)

    const disabled = await post(user.id, 'disable')
    const afterDisable = await test.app.inject({ url: '/students', headers: { cookie } })
    const enabled = await post(user.id, 'enable')

    assert.equal(disabled.statusCode, 303)
    assert.equal(disabled.headers.location, `/admin/users/${user.id}?done=disabled`)
    assert.equal(afterDisable.statusCode, 303)
    assert.match(String(afterDisable.headers.location), /^\/sign-in/)
    assert.equal(enabled.statusCode, 303)
    assert.equal((await test.services.accounts.getAccount(user.id))?.disabled, false)
  })

  it('sends a new password link', async () => {
    const user = await addUser('staff')

    const response = await post(user.id, 'password-link')

    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(response.body, /\/set-password\?token=[A-Za-z0-9_-]+/)
    assert.match(response.body, /works once, for 72 hours/)
  })

  it('refuses a password link for a disabled user', async () => {
    const user = await addUser('staff')
    await test.services.accounts.disableUser(user.id, 'test setup')

    const response = await post(user.id, 'password-link')

    assert.equal(response.statusCode, 400)
    assert.match(errorSummary(response.body), /is disabled, so a link would not work/)
  })

  it('resets multi-factor sign-in', async () => {
    const user = await addUser('senco', test.schoolId, true)
    const withoutMfa = await addUser('staff')

    const reset = await post(user.id, 'reset-mfa')
    const nothing = await post(withoutMfa.id, 'reset-mfa')

    assert.equal(reset.statusCode, 303)
    assert.equal(reset.headers.location, `/admin/users/${user.id}?done=mfa`)
    assert.equal((await test.services.accounts.getAccount(user.id))?.mfaEnabled, false)
    assert.equal(nothing.statusCode, 400)
    assert.match(errorSummary(nothing.body), /has not set up multi-factor sign-in/)
  })

  it('account changes need every school', async () => {
    const user = await addUser('staff')
    await test.services.accounts.grantRole(user.id, 'staff', { schoolId: otherSchoolId }, 'setup')

    const disable = await post(user.id, 'disable')
    const link = await post(user.id, 'password-link')
    const role = await post(user.id, 'role', { schoolId: String(test.schoolId), role: 'viewer' })

    assert.equal(disable.statusCode, 400)
    assert.match(errorSummary(disable.body), /where you are not an admin/)
    assert.equal(link.statusCode, 400)
    assert.equal((await test.services.accounts.getAccount(user.id))?.disabled, false)
    assert.equal(role.statusCode, 303, 'the role at the admin’s own school can change')
  })

  it('renders hostile names as text', async () => {
    const hostile = '<script>alert(1)</script> {{ 7*7 }}'
    const email = uniqueEmail('hostile')
    const added = await postForm(test.app, '/admin/users', '/admin/users', {
      email,
      displayName: hostile,
      role: 'staff',
      schoolId: String(test.schoolId),
    })
    const account = await test.services.accounts.findAccount(email)

    const list = await test.app.inject('/admin/users')
    const page = await test.app.inject(userPage(account?.id ?? 0))

    for (const response of [added, list, page]) {
      assert.ok(!response.body.includes('<script>alert(1)'), 'no script element')
      assert.ok(response.body.includes('&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}'))
      assert.ok(!response.body.includes('</script> 49'), 'the braces are not evaluated')
    }
  })
})

describe('users pages for other roles', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
  })

  after(async () => {
    await test.close()
  })

  it('careers leader is refused', async () => {
    const list = await test.app.inject('/admin/users')
    const user = await test.app.inject(`/admin/users/${test.user?.id ?? 0}`)

    assert.equal(list.statusCode, 403)
    assert.equal(user.statusCode, 403)
  })

  it('signed-out visitor is sent to sign in', async () => {
    const response = await test.app.inject({
      url: '/admin/users',
      headers: { cookie: `${SESSION_COOKIE}=` },
    })

    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/sign-in?next=%2Fadmin%2Fusers')
  })
})

describe('users pages with PUBLIC_URL', () => {
  it('builds the one-time link from PUBLIC_URL', async () => {
    const test = await buildTestApp({ configuredPublicUrl: 'https://careers.example.org' })
    try {
      const response = await postForm(test.app, '/admin/users', '/admin/users', {
        email: uniqueEmail('linked'),
        displayName: 'Linked Person',
        role: 'staff',
        schoolId: String(test.schoolId),
      })

      assert.equal(response.statusCode, 200)
      assert.match(response.body, /https:\/\/careers\.example\.org\/set-password\?token=[\w-]+/)
    } finally {
      await test.close()
    }
  })
})

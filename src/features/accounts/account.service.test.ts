import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import { createStudentService } from '../students/student.service.js'
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, createAccountService } from './account.service.js'
import { currentTotpCode } from './totp.js'

const PASSWORD = 'violet kettle harbour'

forEachEngine('account service', (getDatabase) => {
  async function setUp(sessions = { idleMinutes: 30, maxHours: 12 }) {
    const { db } = getDatabase()
    let now = new Date('2026-12-04T09:00:00Z')
    const clock = {
      advanceMinutes(minutes: number) {
        now = new Date(now.getTime() + minutes * 60_000)
      },
    }
    const accounts = createAccountService(db, { now: () => now, sessions })
    const students = createStudentService(db)
    const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const email = `user-${randomUUID()}@school.test`
    async function addUser(role: 'admin' | 'staff' | 'viewer' = 'staff', schoolId = school.id) {
      const address = `${role}-${randomUUID()}@school.test`
      const { account, token } = await accounts.createUser(
        { email: address, displayName: 'A Person', role },
        { schoolId },
        'setup',
      )
      return { id: account.id, email: address, token }
    }
    return { db, accounts, students, school, email, clock, addUser, now: () => now }
  }

  test('a new user chooses a password through a one-time link', async () => {
    const { accounts, addUser } = await setUp()
    const user = await addUser()

    assert.equal(await accounts.passwordLinkEmail(user.token), user.email)
    const weak = await accounts.setPasswordWithLink(user.token, 'password1234')
    assert.deepEqual(weak.ok, false)
    const set = await accounts.setPasswordWithLink(user.token, PASSWORD)
    assert.equal(set.ok, true)
    const again = await accounts.setPasswordWithLink(user.token, 'another long passphrase')

    assert.equal(again.ok, false, 'a link works once')
    assert.equal(await accounts.passwordLinkEmail(user.token), null)
    assert.deepEqual(await accounts.signIn(user.email.toUpperCase(), PASSWORD), {
      ok: true,
      userId: user.id,
      needsSecondFactor: false,
      mustEnrol: false,
    })
  })

  test('a password link expires after 72 hours', async () => {
    const { accounts, addUser, clock } = await setUp()
    const user = await addUser()
    clock.advanceMinutes(72 * 60 + 1)

    assert.equal(await accounts.passwordLinkEmail(user.token), null)
    assert.equal((await accounts.setPasswordWithLink(user.token, PASSWORD)).ok, false)
  })

  test('emails are unique and checked', async () => {
    const { accounts, addUser, school } = await setUp()
    const user = await addUser()
    const place = { schoolId: school.id }

    await assert.rejects(
      accounts.createUser({ email: user.email, displayName: 'B', role: 'staff' }, place, 'x'),
      /already exists/,
    )
    await assert.rejects(
      accounts.createUser({ email: 'not an email', displayName: 'B', role: 'staff' }, place, 'x'),
      /right format/,
    )
    await assert.rejects(
      accounts.createUser({ email: 'b@school.test', displayName: 'B', role: 'owner' }, place, 'x'),
      /Choose a role/,
    )
    for (const displayName of ['Sam\r\nAdmin: yes', 'Sam \u202eretsis', 'Tab\there']) {
      await assert.rejects(
        accounts.createUser({ email: 'c@school.test', displayName, role: 'staff' }, place, 'x'),
        /without line breaks, tabs or invisible formatting characters/,
        JSON.stringify(displayName),
      )
    }
  })

  test('a wrong password, an unknown email and a locked account give the same answer', async () => {
    const { accounts, addUser, clock } = await setUp()
    const user = await addUser()
    await accounts.setPassword(user.id, PASSWORD, 'setup')

    assert.deepEqual(await accounts.signIn('nobody@school.test', PASSWORD), { ok: false })
    for (let attempt = 1; attempt <= MAX_FAILED_ATTEMPTS; attempt += 1) {
      assert.deepEqual(await accounts.signIn(user.email, 'wrong password here'), { ok: false })
    }
    assert.deepEqual(await accounts.signIn(user.email, PASSWORD), { ok: false }, 'locked')
    assert.equal((await accounts.getAccount(user.id))?.locked, true)

    clock.advanceMinutes(LOCKOUT_MINUTES + 1)
    assert.equal((await accounts.signIn(user.email, PASSWORD)).ok, true)
  })

  test('wrong passwords sent at once all count', async () => {
    const { accounts, addUser } = await setUp()
    const user = await addUser()
    await accounts.setPassword(user.id, PASSWORD, 'setup')

    const attempts = Array.from({ length: MAX_FAILED_ATTEMPTS + 1 }, () =>
      accounts.signIn(user.email, 'a wrong password here'),
    )
    await Promise.all(attempts)

    assert.equal((await accounts.getAccount(user.id))?.locked, true)
    assert.deepEqual(await accounts.signIn(user.email, PASSWORD), { ok: false })
  })

  test('a correct password keeps wrong codes counted', async () => {
    const { accounts, addUser, now } = await setUp()
    const user = await addUser('admin')
    await accounts.setPassword(user.id, PASSWORD, 'setup')
    const secret = await accounts.startMfaEnrolment(user.id)
    await accounts.confirmMfaEnrolment(user.id, currentTotpCode(secret, now().getTime() - 30_000))

    for (let round = 0; round < MAX_FAILED_ATTEMPTS; round += 1) {
      assert.equal((await accounts.signIn(user.email, PASSWORD)).ok, true, `round ${round}`)
      assert.equal(await accounts.verifySecondFactor(user.id, '000000'), false)
    }

    assert.equal((await accounts.getAccount(user.id))?.locked, true)
    assert.deepEqual(await accounts.signIn(user.email, PASSWORD), { ok: false })
  })

  test('a new password link ends the earlier one', async () => {
    const { accounts, addUser } = await setUp()
    const user = await addUser()
    const second = await accounts.issuePasswordLink(user.id, 'admin@school.test')

    assert.equal(await accounts.passwordLinkEmail(user.token), null)
    assert.equal((await accounts.setPasswordWithLink(user.token, PASSWORD)).ok, false)
    assert.equal((await accounts.setPasswordWithLink(second, PASSWORD)).ok, true)
  })

  test('a disabled user cannot sign in and loses every session at once', async () => {
    const { accounts, addUser } = await setUp()
    const user = await addUser()
    await accounts.setPassword(user.id, PASSWORD, 'setup')
    const token = await accounts.createSession(user.id, true)
    assert.ok(await accounts.loadSession(token))

    await accounts.disableUser(user.id, 'admin@school.test')

    assert.equal(await accounts.loadSession(token), null)
    assert.deepEqual(await accounts.signIn(user.email, PASSWORD), { ok: false })
    await accounts.enableUser(user.id, 'admin@school.test')
    assert.equal((await accounts.signIn(user.email, PASSWORD)).ok, true)
    assert.equal(await accounts.loadSession(token), null, 'enabling does not bring sessions back')
  })

  test('sessions end after the idle time and the absolute lifetime', async () => {
    const { accounts, addUser, clock } = await setUp({ idleMinutes: 20, maxHours: 1 })
    const user = await addUser()
    const idle = await accounts.createSession(user.id, true)
    const busy = await accounts.createSession(user.id, true)

    for (let step = 0; step < 5; step += 1) {
      clock.advanceMinutes(11)
      assert.ok(await accounts.loadSession(busy), `busy session alive at step ${step}`)
    }
    assert.equal(await accounts.loadSession(idle), null, 'idle for 55 minutes')
    clock.advanceMinutes(6)
    assert.equal(await accounts.loadSession(busy), null, 'past one hour')
  })

  test('signing out everywhere ends every session of that user only', async () => {
    const { accounts, addUser } = await setUp()
    const one = await addUser()
    const other = await addUser()
    const first = await accounts.createSession(one.id, true)
    const second = await accounts.createSession(one.id, false)
    const others = await accounts.createSession(other.id, true)

    await accounts.endAllSessions(one.id, one.email)

    assert.equal(await accounts.loadSession(first), null)
    assert.equal(await accounts.loadSession(second), null)
    assert.ok(await accounts.loadSession(others))
  })

  test('TOTP enrolment, codes that work once, and recovery codes', async () => {
    const { accounts, addUser, now } = await setUp()
    const user = await addUser('admin')
    await accounts.setPassword(user.id, PASSWORD, 'setup')
    assert.equal((await accounts.signIn(user.email, PASSWORD)).ok, true)
    assert.deepEqual(await accounts.signIn(user.email, PASSWORD), {
      ok: true,
      userId: user.id,
      needsSecondFactor: false,
      mustEnrol: true,
    })

    const secret = await accounts.startMfaEnrolment(user.id)
    assert.equal(await accounts.confirmMfaEnrolment(user.id, '000000'), null)
    const earlier = currentTotpCode(secret, now().getTime() - 30_000)
    const codes = await accounts.confirmMfaEnrolment(user.id, earlier)
    assert.equal(codes?.length, 10)
    assert.match(codes?.[0] ?? '', /^[a-z2-9]{5}-[a-z2-9]{5}$/)

    const code = currentTotpCode(secret, now().getTime())
    assert.equal(await accounts.verifySecondFactor(user.id, code), true)
    assert.equal(await accounts.verifySecondFactor(user.id, code), false, 'a code works once')
    const recovery = codes?.[3] ?? ''
    assert.equal(await accounts.verifySecondFactor(user.id, recovery.toUpperCase()), true)
    assert.equal(await accounts.verifySecondFactor(user.id, recovery), false)
    assert.equal(await accounts.unusedRecoveryCodes(user.id), 9)
    assert.equal((await accounts.signIn(user.email, PASSWORD)).ok, true)
    const result = await accounts.signIn(user.email, PASSWORD)
    assert.equal(result.ok && result.needsSecondFactor, true)

    await accounts.resetMfa(user.id, 'other admin')
    assert.equal((await accounts.getAccount(user.id))?.mfaEnabled, false)
    assert.equal(await accounts.unusedRecoveryCodes(user.id), 0)
  })

  test('an organisation role reaches its schools, and a school role wins there', async () => {
    const { accounts, students, addUser, school } = await setUp()
    const second = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const outside = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const trust = await accounts.findOrCreateOrganisation(`Trust ${randomUUID()}`, 'trust')
    await accounts.addSchoolToOrganisation(school.id, trust.id, 'setup')
    await accounts.addSchoolToOrganisation(second.id, trust.id, 'setup')
    const user = await addUser('staff', second.id)
    await accounts.grantRole(user.id, 'viewer', { organisationId: trust.id }, 'setup')

    const roles = await accounts.schoolRolesOf(user.id)

    assert.equal(roles.get(school.id), 'viewer')
    assert.equal(roles.get(second.id), 'staff')
    assert.equal(roles.has(outside.id), false)
    const listed = await accounts.listAccounts([school.id])
    assert.deepEqual(
      listed.map((account) => account.email),
      [user.email],
    )
  })

  test('role changes are replaced, removed and audited', async () => {
    const { accounts, addUser, school, db } = await setUp()
    const user = await addUser('staff')
    await accounts.grantRole(user.id, 'senco', { schoolId: school.id }, 'head@school.test')
    assert.equal((await accounts.schoolRolesOf(user.id)).get(school.id), 'senco')
    await accounts.removeRole(user.id, { schoolId: school.id }, 'head@school.test')
    assert.equal((await accounts.schoolRolesOf(user.id)).size, 0)

    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('school_id', '=', school.id)
      .where('action', 'in', ['user.role.grant', 'user.role.remove'])
      .orderBy('id')
      .execute()
    assert.deepEqual(
      events.map((event) => [event.action, JSON.parse(event.details).role]),
      [
        ['user.role.grant', { from: null, to: 'staff' }],
        ['user.role.grant', { from: 'staff', to: 'senco' }],
        ['user.role.remove', { from: 'senco', to: null }],
      ],
    )
  })
})

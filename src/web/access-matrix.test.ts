import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Command } from 'commander'

import { COMMAND_ACCESS } from '../cli/command-access.js'
import { schoolsForCommand } from '../cli/context.js'
import { buildProgram } from '../cli/program.js'
import { PERMISSIONS, ROLES } from '../features/accounts/permissions.js'
import type { Role } from '../features/accounts/permissions.js'
import {
  buildTestApp,
  cookieHeaderFrom,
  createTestUser,
  csrfTokenFrom,
  sessionCookieFor,
} from './testing/test-app.js'
import type { TestApp } from './testing/test-app.js'

// Who may use what, written out by hand. A route or command added without a line here, or whose
// permission in the code gives other roles than this line, fails the suite.
const ADMIN: Role = 'admin'
const LEADER: Role = 'careers_leader'
const SENCO: Role = 'senco'
const STAFF: Role = 'staff'
const VIEWER: Role = 'viewer'
const EVERYONE = [ADMIN, LEADER, SENCO, STAFF, VIEWER]
const STUDENT_STAFF = [ADMIN, LEADER, SENCO, STAFF]
const LEADS = [ADMIN, LEADER, SENCO]

type Expected = 'public' | 'account' | 'operator' | Role[]

const ROUTES: Record<string, Expected> = {
  'GET /health': 'public',
  'GET /static/*': 'public',
  'GET /assets/images/*': 'public',
  'GET /static/govuk-frontend.min.js': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'GET /sign-in/second-factor': 'public',
  'POST /sign-in/second-factor': 'public',
  'POST /sign-out': 'public',
  'GET /set-password': 'public',
  'POST /set-password': 'public',
  'GET /glossary': 'public',
  'GET /accessibility': 'public',
  'GET /account': 'account',
  'POST /account/sign-out-everywhere': 'account',
  'GET /account/multi-factor': 'account',
  'POST /account/multi-factor': 'account',
  'POST /account/recovery-codes': 'account',
  'GET /': EVERYONE,
  'GET /outcomes': EVERYONE,
  'GET /outcomes/:id': EVERYONE,
  'GET /students': STUDENT_STAFF,
  'GET /students/:id': STUDENT_STAFF,
  'POST /students/:id/pathway': LEADS,
  'POST /students/:id/override': LEADS,
  'POST /students/:id/override/clear': LEADS,
  'GET /students/:id/left': LEADS,
  'POST /students/:id/left': LEADS,
  'POST /students/:id/left/clear': LEADS,
  'GET /students/:id/subject-access': [ADMIN],
  'GET /students/:id/subject-access.json': [ADMIN],
  'GET /students/:id/erase': [ADMIN],
  'POST /students/:id/erase': [ADMIN],
  'GET /need-codes': LEADS,
  'POST /need-codes': LEADS,
  'GET /import': LEADS,
  'POST /import': LEADS,
  'GET /import/complete/:importId': LEADS,
  'GET /import/:previewId/problems.csv': LEADS,
  'GET /import/:previewId': LEADS,
  'POST /import/:previewId': LEADS,
  'GET /admin/users': [ADMIN],
  'POST /admin/users': [ADMIN],
  'GET /admin/users/:id': [ADMIN],
  'POST /admin/users/:id/role': [ADMIN],
  'POST /admin/users/:id/disable': [ADMIN],
  'POST /admin/users/:id/enable': [ADMIN],
  'POST /admin/users/:id/password-link': [ADMIN],
  'POST /admin/users/:id/reset-mfa': [ADMIN],
  'GET /admin/audit': [ADMIN],
  'GET /work-lists': STUDENT_STAFF,
  'GET /work-lists/:list': STUDENT_STAFF,
  'GET /students/:id/hand-over': STUDENT_STAFF,
  'GET /students/:id/hand-over.pdf': STUDENT_STAFF,
  'GET /activities': STUDENT_STAFF,
  'GET /activities/new': STUDENT_STAFF,
  'POST /activities': STUDENT_STAFF,
  'GET /activities/:id': STUDENT_STAFF,
  'GET /activities/:id/edit': STUDENT_STAFF,
  'POST /activities/:id': STUDENT_STAFF,
  'POST /activities/:id/students': STUDENT_STAFF,
  'GET /activities/:id/students/:studentId': STUDENT_STAFF,
  'POST /activities/:id/students/:studentId': STUDENT_STAFF,
  'GET /activities/:id/students/:studentId/remove': STUDENT_STAFF,
  'POST /activities/:id/students/:studentId/remove': STUDENT_STAFF,
  'GET /activities/:id/delete': STUDENT_STAFF,
  'POST /activities/:id/delete': STUDENT_STAFF,
  'GET /students/:id/activities': STUDENT_STAFF,
  'GET /students/:id/plan': STUDENT_STAFF,
  'GET /students/:id/plan/targets': STUDENT_STAFF,
  'POST /students/:id/plan/targets': STUDENT_STAFF,
  'GET /students/:id/plan/aspirations/new': STUDENT_STAFF,
  'POST /students/:id/plan/aspirations': STUDENT_STAFF,
  'GET /students/:id/plan/aspirations/:partId': STUDENT_STAFF,
  'POST /students/:id/plan/aspirations/:partId': STUDENT_STAFF,
  'GET /students/:id/plan/aspirations/:partId/remove': STUDENT_STAFF,
  'POST /students/:id/plan/aspirations/:partId/remove': STUDENT_STAFF,
  'GET /students/:id/plan/goals/new': STUDENT_STAFF,
  'POST /students/:id/plan/goals': STUDENT_STAFF,
  'GET /students/:id/plan/goals/:partId': STUDENT_STAFF,
  'POST /students/:id/plan/goals/:partId': STUDENT_STAFF,
  'GET /students/:id/plan/goals/:partId/remove': STUDENT_STAFF,
  'POST /students/:id/plan/goals/:partId/remove': STUDENT_STAFF,
  'GET /students/:id/plan/actions/new': STUDENT_STAFF,
  'POST /students/:id/plan/actions': STUDENT_STAFF,
  'GET /students/:id/plan/actions/:partId': STUDENT_STAFF,
  'POST /students/:id/plan/actions/:partId': STUDENT_STAFF,
  'GET /students/:id/plan/actions/:partId/remove': STUDENT_STAFF,
  'POST /students/:id/plan/actions/:partId/remove': STUDENT_STAFF,
  'GET /students/:id/plan/reviews/new': STUDENT_STAFF,
  'POST /students/:id/plan/reviews': STUDENT_STAFF,
  'GET /students/:id/plan/reviews/:partId': STUDENT_STAFF,
  'POST /students/:id/plan/reviews/:partId': STUDENT_STAFF,
  'GET /students/:id/plan/reviews/:partId/remove': STUDENT_STAFF,
  'POST /students/:id/plan/reviews/:partId/remove': STUDENT_STAFF,
  'GET /students/:id/destinations': STUDENT_STAFF,
  'GET /students/:id/destinations/new': STUDENT_STAFF,
  'POST /students/:id/destinations': STUDENT_STAFF,
  'GET /students/:id/destinations/:spellId/edit': STUDENT_STAFF,
  'POST /students/:id/destinations/:spellId': STUDENT_STAFF,
  'GET /students/:id/destinations/:spellId/remove': STUDENT_STAFF,
  'POST /students/:id/destinations/:spellId/remove': STUDENT_STAFF,
  'POST /students/:id/destinations/consent': STUDENT_STAFF,
  'GET /destinations/import': LEADS,
  'POST /destinations/import': LEADS,
  'GET /destinations/import/:previewId': LEADS,
  'POST /destinations/import/:previewId/commit': LEADS,
  'POST /destinations/import/:previewId/cancel': LEADS,
  'GET /exports': LEADS,
  'GET /exports/:file': LEADS,
  'GET /students/:id/summary': STUDENT_STAFF,
  'GET /students/:id/my-future': STUDENT_STAFF,
  'GET /students/:id/my-future/edit': STUDENT_STAFF,
  'POST /students/:id/my-future/edit': STUDENT_STAFF,
  'GET /reports': EVERYONE,
  'GET /reports/organisations/:id': EVERYONE,
}

const COMMANDS: Record<string, Expected> = {
  import: LEADS,
  students: STUDENT_STAFF,
  'students left': LEADS,
  'subject-access': [ADMIN],
  erase: [ADMIN],
  retention: [ADMIN],
  eligibility: STUDENT_STAFF,
  'need-codes map': LEADS,
  'need-codes list': LEADS,
  audit: [ADMIN],
  'user add': [ADMIN],
  'user list': [ADMIN],
  'user role': [ADMIN],
  'user disable': [ADMIN],
  'user enable': [ADMIN],
  'user reset': [ADMIN],
  'school add': 'operator',
  demo: 'operator',
  serve: 'operator',
  migrate: 'operator',
  'plan show': STUDENT_STAFF,
  'destinations import': LEADS,
  export: LEADS,
  report: EVERYONE,
}

// The router sends malformed addresses here on every method; it shows an error page and no data.
const FRAMEWORK_ERROR_PATH = '/__framework-error'

function rolesOf(access: string): Expected {
  if (access === 'public' || access === 'account' || access === 'operator') return access
  return [...PERMISSIONS[access as keyof typeof PERMISSIONS]]
}

function concrete(url: string): string {
  return url
    .replace(':previewId', '00000000-0000-4000-8000-000000000000')
    .replace(/:[a-zA-Z]+/g, '999999')
}

describe('route-by-role matrix', () => {
  let test: TestApp
  const cookies = new Map<Role, string>()

  before(async () => {
    test = await buildTestApp({}, false, { as: null })
    for (const role of ROLES) {
      const user = await createTestUser(test.services, {
        role,
        schoolId: test.schoolId,
        email: `matrix-${role}@school.test`,
      })
      cookies.set(role, await sessionCookieFor(test.services, user))
    }
    await test.app.ready()
  })

  after(async () => {
    await test.close()
  })

  const routes = () =>
    test.app.routeAccess.filter(
      (route) => route.method !== 'HEAD' && route.url !== FRAMEWORK_ERROR_PATH,
    )

  it('every route is in the table, with the roles its permission gives', () => {
    const registered = routes().map((route) => `${route.method} ${route.url}`)
    assert.deepEqual(registered.sort(), Object.keys(ROUTES).sort())
    for (const route of routes()) {
      assert.deepEqual(rolesOf(route.access), ROUTES[`${route.method} ${route.url}`], route.url)
    }
    const errorRoutes = test.app.routeAccess.filter((route) => route.url === FRAMEWORK_ERROR_PATH)
    assert.ok(errorRoutes.every((route) => route.access === 'public'))
  })

  it('a signed-out visitor reaches only public routes', async () => {
    for (const route of routes()) {
      if (route.access === 'public') continue
      const response = await test.app.inject({
        method: route.method as 'GET' | 'POST',
        url: concrete(route.url),
        headers: { cookie: 'send-careers-session=' },
      })
      if (route.method === 'GET') {
        assert.equal(response.statusCode, 303, route.url)
        assert.match(String(response.headers.location), /^\/sign-in/, route.url)
      } else {
        assert.equal(response.statusCode, 401, route.url)
      }
    }
  })

  for (const role of ROLES) {
    it(`${role} is allowed or refused as the table says`, async () => {
      const session = cookies.get(role) ?? ''
      const account = await test.app.inject({ url: '/account', headers: { cookie: session } })
      const csrf = { token: csrfTokenFrom(account.body), cookie: cookieHeaderFrom(account) }

      for (const route of routes()) {
        const expected = ROUTES[`${route.method} ${route.url}`]
        if (!Array.isArray(expected)) continue
        const post = route.method === 'POST'
        const response = await test.app.inject({
          method: route.method as 'GET' | 'POST',
          url: concrete(route.url),
          headers: {
            cookie: post ? `${csrf.cookie}; ${session}` : session,
            ...(post ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          payload: post ? new URLSearchParams({ _csrf: csrf.token }).toString() : undefined,
        })
        const refused =
          response.statusCode === 403 && /Your role does not give you access/.test(response.body)
        const label = `${role} ${route.method} ${route.url} answered ${response.statusCode}`
        assert.equal(refused, !expected.includes(role), label)
        if (!refused) assert.notEqual(response.statusCode, 403, label)
      }
    })
  }
})

// Commander keeps a command's action in a private field. A command with one runs itself, even
// when it also has subcommands (`students` and `students left`); one without is only a group.
function hasAction(command: Command): boolean {
  return (command as unknown as { _actionHandler: unknown })._actionHandler != null
}

function runnableCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((child) => {
    const path = [...prefix, child.name()]
    const own = hasAction(child) ? [path.join(' ')] : []
    return [...own, ...runnableCommands(child, path)]
  })
}

describe('command-by-role matrix', () => {
  const commands = runnableCommands(buildProgram())

  it('every command is in the access table and in this test', () => {
    assert.deepEqual([...commands].sort(), Object.keys(COMMAND_ACCESS).sort())
    assert.deepEqual([...commands].sort(), Object.keys(COMMANDS).sort())
  })

  for (const command of commands) {
    it(`${command} allows the roles the table says`, () => {
      const access = COMMAND_ACCESS[command] ?? 'operator'
      const expected = COMMANDS[command]
      assert.deepEqual(rolesOf(access), expected)
      if (access === 'operator' || !Array.isArray(expected)) return
      for (const role of ROLES) {
        const allowed: boolean = schoolsForCommand(access, new Map([[7, role]])).length > 0
        assert.equal(allowed, expected.includes(role), `${role} ${command}`)
      }
    })
  }
})

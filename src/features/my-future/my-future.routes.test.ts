import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import Fastify from 'fastify'
import type { RouteOptions } from 'fastify'

import '../../web/access.js'
import {
  buildTestApp,
  cookieHeaderFrom,
  createTestUser,
  csrfTokenFrom,
  sessionCookieFor,
  countAuditEvents,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { setUpOtherSchool } from '../exports/export.test-data.js'
import { aGoal, anAction, anAspiration, aReview } from '../plans/plan.test-data.js'
import { importStudents } from '../work-lists/work-lists.test-data.js'
import { registerMyFutureRoutes } from './my-future.routes.js'
import type { MyFutureService } from './my-future.service.js'

const UPN = 'K801200001233'
const STAFF_NOTE = 'Staff note about funding'
const REVIEW_SUMMARY = 'Review summary for staff'

/** Returns the text of the element with this id, tags removed and spaces collapsed. */
function textOf(html: string, id: string): string {
  const match = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)
  return (match?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function versionIn(html: string): string {
  const match = /name="version" value="(\d+)"/.exec(html)
  assert.ok(match?.[1], 'the form has no version field')
  return match[1]
}

/** Reads every hidden `listed-<kind>` field of the form, so a post lists what the form listed. */
function listedFields(html: string): [string, string][] {
  return [...html.matchAll(/name="(listed-\w+)" value="([^"]*)"/g)].map((match) => [
    match[1] ?? '',
    match[2] ?? '',
  ])
}

describe('my future routes', () => {
  let test: TestApp
  let adaId: number
  let outsiderId: number
  const ids = { aspiration: 0, goal: 0, openAction: 0, doneAction: 0, droppedAction: 0 }

  const pageUrl = () => `/students/${adaId}/my-future`
  const editUrl = () => `/students/${adaId}/my-future/edit`

  /** Opens the form, then posts its listed items with `fields`, the token and its version. */
  async function postEdit(fields: [string, string][], url = editUrl()) {
    const form = await test.app.inject({ url: editUrl() })
    const payload = new URLSearchParams([...listedFields(form.body), ...fields])
    payload.set('_csrf', csrfTokenFrom(form.body))
    if (!payload.has('version')) payload.set('version', versionIn(form.body))
    return test.app.inject({
      method: 'POST',
      url,
      headers: {
        cookie: cookieHeaderFrom(form),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: payload.toString(),
    })
  }

  before(async () => {
    test = await buildTestApp({}, false, { as: 'staff' })
    const db = test.database.db
    const idOf = await importStudents(db, test.schoolId, [
      { legalSurname: 'Okafor', legalForename: 'Ada', ncYear: '10', upn: UPN },
    ])
    adaId = idOf('Okafor')
    outsiderId = (await setUpOtherSchool(db, 'Z801200001009')).studentId

    const plans = test.services.plans
    const scope = { schoolIds: [test.schoolId] }
    let version = 0
    async function add(result: ReturnType<typeof plans.addPart>) {
      const done = await result
      assert.ok(done.ok, JSON.stringify(done))
      version = done.value.version
      return done.value.partId ?? 0
    }
    ids.aspiration = await add(
      plans.addPart(scope, adaId, 'aspiration', version, anAspiration(), 'setup'),
    )
    ids.goal = await add(plans.addPart(scope, adaId, 'goal', version, aGoal(), 'setup'))
    ids.openAction = await add(plans.addPart(scope, adaId, 'action', version, anAction(), 'setup'))
    ids.doneAction = await add(
      plans.addPart(
        scope,
        adaId,
        'action',
        version,
        anAction({ what: 'Fill in the college form', status: 'done' }),
        'setup',
      ),
    )
    ids.droppedAction = await add(
      plans.addPart(
        scope,
        adaId,
        'action',
        version,
        anAction({ what: 'Visit the bakery', status: 'dropped' }),
        'setup',
      ),
    )
    await add(
      plans.addPart(scope, adaId, 'review', version, aReview({ summary: REVIEW_SUMMARY }), 'setup'),
    )
    const targets = await plans.setTargets(
      scope,
      adaId,
      version,
      [{ outcomeId: 'supported-internship', plannedStart: '', note: STAFF_NOTE }],
      'setup',
    )
    assert.ok(targets.ok)
  })

  after(async () => {
    await test.close()
  })

  it('name a permission on every route', async () => {
    const app = Fastify({ logger: false })
    const routes: RouteOptions[] = []
    app.addHook('onRoute', (route) => {
      routes.push(route)
    })

    await registerMyFutureRoutes(app, { myFuture: {} as MyFutureService })

    const access = routes.map((route) => `${route.method} ${route.url} ${route.config?.access}`)
    assert.deepEqual(access, [
      'GET /students/:id/my-future students.view',
      'HEAD /students/:id/my-future students.view',
      'GET /students/:id/my-future/edit plans.edit',
      'HEAD /students/:id/my-future/edit plans.edit',
      'POST /students/:id/my-future/edit plans.edit',
    ])
  })

  it('shows each section by default', async () => {
    const response = await test.app.inject({ url: pageUrl() })

    assert.equal(response.statusCode, 200)
    const html = response.body
    assert.match(textOf(html, 'about-me'), /My name is Ada Okafor\./)
    assert.match(textOf(html, 'about-me'), /We will write this together soon\./)
    assert.match(textOf(html, 'wants'), /I want to work with animals/)
    assert.match(textOf(html, 'wants'), /Work and learning Try a week of work at a farm/)
    assert.match(textOf(html, 'options'), /I want to try this/)
    const steps = textOf(html, 'next-steps')
    assert.match(steps, /Book a visit to the farm Careers leader will do this\./)
    assert.match(steps, /We will do this by 15 January 2027\./)
    assert.match(steps, /We have not started this yet\./)
    assert.match(steps, /Things I have done .*Fill in the college form This is done\./)
    assert.doesNotMatch(steps, /Visit the bakery/)
    assert.match(textOf(html, 'helpers'), /We will write who helps me\./)
  })

  it('lists the targets first', async () => {
    const response = await test.app.inject({ url: pageUrl() })

    const options = /id="options"[\s\S]*?<\/section>/.exec(response.body)?.[0] ?? ''
    const cards = [...options.matchAll(/class="app-my-future__card([^"]*)"/g)]
    assert.ok(cards.length > 1, 'the page lists fewer than two options')
    const optionCards = cards.map((match) => match[1]?.includes('--wanted') ?? false)
    assert.equal(optionCards.indexOf(true), 0)
    assert.equal(optionCards.lastIndexOf(true), 0)
  })

  it('leaves out staff-only data', async () => {
    const response = await test.app.inject({ url: pageUrl() })

    const html = response.body
    for (const staffOnly of [
      UPN,
      STAFF_NOTE,
      REVIEW_SUMMARY,
      '14 March 2010',
      '2010-03-14',
      'Career SEND',
      'Group One',
      'Group Two',
      'EHC plan',
      'Year 10',
    ]) {
      assert.ok(!html.includes(staffOnly), staffOnly)
    }
  })

  it('prints on its own print layout', async () => {
    const response = await test.app.inject({ url: pageUrl() })

    assert.match(response.body, /<body class="[^"]*app-print-page app-my-future-page/)
    assert.match(response.body, /press Control and P/)
    assert.match(response.body, /<button [^>]*data-app-print hidden>/)
    assert.doesNotMatch(response.body, /\sstyle="/)
  })

  it('records a view of the student', async () => {
    const viewsOf = () => countAuditEvents(test, 'student.view', adaId)
    const before = await viewsOf()

    await test.app.inject({ url: pageUrl() })

    assert.equal(await viewsOf(), before + 1)
  })

  it('saves choices and text', async () => {
    const response = await postEdit([
      ['about-me', 'I am 15.\n\nI live with my mum.'],
      ['likes', 'I like drawing.'],
      ['helper-1-name', 'Ms Shah'],
      ['helper-1-role', 'She helps me find a job.'],
      ['show-goal', String(ids.goal)],
      ['show-target', 'supported-internship'],
      ['show-action', String(ids.openAction)],
      ['show-action', String(ids.droppedAction)],
    ])

    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, `${pageUrl()}?saved=1`)
    const page = (await test.app.inject({ url: `${pageUrl()}?saved=1` })).body
    assert.match(page, /Your choices for this page are saved/)
    assert.match(textOf(page, 'about-me'), /I am 15\. .*I live with my mum\. .*I like drawing\./)
    assert.doesNotMatch(textOf(page, 'wants'), /work with animals/)
    assert.match(textOf(page, 'wants'), /We will talk about what I want to do\./)
    const steps = textOf(page, 'next-steps')
    assert.match(steps, /Visit the bakery .*We stopped this step\./)
    assert.doesNotMatch(steps, /Fill in the college form/)
    assert.match(textOf(page, 'helpers'), /Ms Shah She helps me find a job\./)
  })

  it('audits a save with its changes', async () => {
    const rows = await test.database.db
      .selectFrom('audit_events')
      .select(['details', 'actor'])
      .where('action', '=', 'plan.my_future.set')
      .where('student_id', '=', adaId)
      .execute()

    assert.ok(rows.length >= 1)
    const details = JSON.parse(rows[0]?.details ?? '{}') as Record<string, { to: unknown }>
    assert.equal(details.likes?.to, 'I like drawing.')
    assert.deepEqual(details.version, { from: 0, to: 1 })
  })

  it('new plan items keep their default', async () => {
    const form = await test.app.inject({ url: editUrl() })
    const scope = { schoolIds: [test.schoolId] }
    const plan = await test.services.plans.getPlan(scope, adaId)
    const added = await test.services.plans.addPart(
      scope,
      adaId,
      'action',
      plan?.plan.version ?? 0,
      anAction({ what: 'Ring the college' }),
      'setup',
    )
    assert.ok(added.ok)

    const payload = new URLSearchParams([
      ...listedFields(form.body),
      ['_csrf', csrfTokenFrom(form.body)],
      ['version', versionIn(form.body)],
      ['show-action', String(ids.openAction)],
    ])
    const response = await test.app.inject({
      method: 'POST',
      url: editUrl(),
      headers: {
        cookie: cookieHeaderFrom(form),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: payload.toString(),
    })

    assert.equal(response.statusCode, 303)
    const page = (await test.app.inject({ url: pageUrl() })).body
    assert.match(textOf(page, 'next-steps'), /Ring the college/)
  })

  it('form starts with the stored choices', async () => {
    const form = (await test.app.inject({ url: editUrl() })).body

    assert.match(form, /name="show-action" type="checkbox" value="\d+" checked/)
    assert.doesNotMatch(
      form,
      new RegExp(`name="show-aspiration" type="checkbox" value="${ids.aspiration}" checked`),
    )
    assert.match(form, /name="_csrf" value="[^"]+"/)
  })

  it('text errors are listed', async () => {
    const response = await postEdit([
      ['about-me', 'I am \u202Efifteen.'],
      ['likes', 'x'.repeat(1001)],
      ['helper-2-name', 'Mr Green'],
      ['helper-3-role', 'He drives the bus.'],
    ])

    assert.equal(response.statusCode, 400)
    const html = response.body
    assert.match(html, /<title>Error: /)
    assert.match(html, /There is a problem/)
    assert.match(html, /href="#about-me">Who I am contains a control or text-direction character/)
    assert.match(html, /href="#likes">What I like must be 1,000 characters or fewer/)
    assert.match(html, /href="#helper-2-role">Enter how helper 2 helps/)
    assert.match(html, /href="#helper-3-name">Enter the name of helper 3/)
    assert.match(html, /Mr Green/)
  })

  it('long sentence is an error', async () => {
    const sentence =
      'I am a student who likes drawing and painting and also going to the park with my friends.'

    const response = await postEdit([['about-me', sentence]])

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /href="#about-me">Who I am: /)
    assert.ok(response.body.includes(sentence))
  })

  it('rejects a post without a CSRF token', async () => {
    const form = await test.app.inject({ url: editUrl() })
    const response = await test.app.inject({
      method: 'POST',
      url: editUrl(),
      headers: {
        cookie: cookieHeaderFrom(form),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ version: versionIn(form.body), likes: 'Forged' }).toString(),
    })

    assert.equal(response.statusCode, 403)
    assert.doesNotMatch((await test.app.inject({ url: pageUrl() })).body, /Forged/)
  })

  it('stale version is a conflict', async () => {
    const response = await postEdit([
      ['version', '0'],
      ['likes', 'I like swimming.'],
    ])

    assert.equal(response.statusCode, 409)
    assert.match(response.body, /href="#current-values">Someone else saved this page’s choices/)
    assert.match(response.body, /id="current-values"[\s\S]*What the page says now/)
    assert.match(response.body, /I like swimming\./)
    assert.doesNotMatch(response.body, /name="version" value="0"/)
  })

  it('another school’s student is not found', async () => {
    for (const id of [String(outsiderId), '0x1', '99999999']) {
      for (const path of ['my-future', 'my-future/edit']) {
        const response = await test.app.inject({ url: `/students/${id}/${path}` })

        assert.equal(response.statusCode, 404, `${id} ${path}`)
        assert.doesNotMatch(response.body, /Elsewhere/)
      }
    }
    const posted = await postEdit(
      [['likes', 'I like maps.']],
      `/students/${outsiderId}/my-future/edit`,
    )
    assert.equal(posted.statusCode, 404)
    const stored = await test.database.db
      .selectFrom('my_future_views')
      .select('likes')
      .where('student_id', '=', outsiderId)
      .executeTakeFirst()
    assert.notEqual(stored?.likes, 'I like maps.')
  })

  it('viewer rejected, staff may edit', async () => {
    const viewer = await createTestUser(test.services, { role: 'viewer', schoolId: test.schoolId })
    const cookie = await sessionCookieFor(test.services, viewer)

    const refused = await test.app.inject({ url: pageUrl(), headers: { cookie } })
    const page = await test.app.inject({ url: pageUrl() })

    assert.equal(refused.statusCode, 403)
    assert.match(page.body, /id="edit-link"/)
  })

  it('plan and student pages link to it', async () => {
    for (const url of [`/students/${adaId}`, `/students/${adaId}/plan`]) {
      const response = await test.app.inject({ url })

      assert.ok(response.body.includes(`href="${pageUrl()}"`), url)
    }
  })
})

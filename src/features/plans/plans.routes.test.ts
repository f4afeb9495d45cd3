import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import Fastify from 'fastify'
import type { RouteOptions } from 'fastify'

import '../../web/access.js'
import { addDays } from '../../domain/calendar.js'
import { formatLongDate } from '../../domain/format.js'
import {
  buildTestApp,
  createTestUser,
  formSession,
  importFixture,
  postForm,
  sessionCookieFor,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import { csvSource } from '../import/import.test-data.js'
import type { PlanRouteServices } from './plan.route-helpers.js'
import { createPlanService, planServiceMessages } from './plan.service.js'
import { planMessages } from './plan.validation.js'
import { registerPlanRoutes } from './plans.routes.js'

// The fixture's rows used here: Alfie Ashworth (student 1, EHC plan, Year 7, born 24 November
// 2013) and Caleb Cartwright (student 3, EHC plan, Year 9).
const ALFIE = '/students/1/plan'
const CALEB = '/students/3/plan'
const TODAY = todayInEngland()
const YESTERDAY = addDays(TODAY, -1)

function dateFields(prefix: string, date: string): Record<string, string> {
  const [year = '', month = '', day = ''] = date.split('-')
  return {
    [`${prefix}-day`]: String(Number(day)),
    [`${prefix}-month`]: String(Number(month)),
    [`${prefix}-year`]: year,
  }
}

function versionIn(html: string): string {
  const match = /name="version" value="(\d+)"/.exec(html)
  assert.ok(match?.[1], 'the form has no version field')
  return match[1]
}

function aspirationFields(overrides: Record<string, string> = {}) {
  return {
    words: 'I want to be a vet',
    'gathered-how': 'own_words',
    ...dateFields('recorded-on', YESTERDAY),
    ...overrides,
  }
}

function reviewFields(overrides: Record<string, string> = {}) {
  return {
    ...dateFields('held-on', YESTERDAY),
    kind: 'ehcp_annual',
    participants: 'Caleb, his father, the SENCO',
    summary: 'Caleb wants to work with animals',
    ...dateFields('next-review-on', addDays(YESTERDAY, 365)),
    ...overrides,
  }
}

/** Posts a form with the token of the page and the plan version that page carries. */
async function postWithVersion(
  test: TestApp,
  pageUrl: string,
  action: string,
  fields: Record<string, string> | URLSearchParams,
) {
  const { token, cookie, page } = await formSession(test.app, pageUrl)
  const payload = new URLSearchParams(fields)
  payload.set('_csrf', token)
  if (!payload.has('version')) payload.set('version', versionIn(page.body))
  return test.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: payload.toString(),
  })
}

/** Reads the ids of one kind of plan part, in the order the plan page lists them. */
async function partIds(test: TestApp, planUrl: string, slug: string): Promise<string[]> {
  const page = await test.app.inject({ url: planUrl })
  const pattern = new RegExp(`href="${planUrl}/${slug}/(\\d+)"`, 'g')
  return [...new Set([...page.body.matchAll(pattern)].map((match) => match[1] ?? ''))]
}

describe('plan routes', () => {
  let test: TestApp
  let otherPlan: string

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
    const other = await test.services.students.findOrCreateSchool('Elm Grove School')
    const preview = await test.services.imports.previewFile(
      other.id,
      csvSource('UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need', [
        'H839999112301,Bellamy,Bella,15/04/2010,10,E,SEMH',
      ]),
      'register.csv',
      { maxBytes: 1024 * 1024 },
    )
    await test.services.imports.commit(preview.id)
    const row = await test.database.db
      .selectFrom('students')
      .select('id')
      .where('school_id', '=', other.id)
      .executeTakeFirstOrThrow()
    otherPlan = `/students/${row.id}/plan`
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

    await registerPlanRoutes(app, {} as PlanRouteServices)
    await app.ready()

    const access = routes
      .filter((route) => route.method !== 'HEAD')
      .map((route) => [`${String(route.method)} ${route.url}`, route.config?.access])
    assert.equal(access.length, 27)
    for (const [route, permission] of access) {
      const expected = route === 'GET /students/:id/plan' ? 'students.view' : 'plans.edit'
      assert.equal(permission, expected, route)
    }
  })

  it('shows an empty plan', async () => {
    const page = await test.app.inject({ url: ALFIE })

    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<h1 class="govuk-heading-l">Career plan<\/h1>/)
    assert.match(page.body, /Alfie Ashworth/)
    assert.match(page.body, /No aspirations recorded yet\./)
    assert.equal(page.body.match(/No goal in this area yet\./g)?.length, 4)
    assert.match(page.body, /No target outcomes chosen yet\./)
    assert.match(page.body, /No actions recorded yet\./)
    assert.match(page.body, /No reviews recorded yet\./)
    assert.doesNotMatch(page.body, /id="pfa-prompt"/, 'Alfie is in Year 7')
  })

  it('prompts for the four areas from Year 9', async () => {
    const page = await test.app.inject({ url: CALEB })

    assert.match(page.body, /id="pfa-prompt"/)
    const missing =
      /<ul class="govuk-list govuk-list--bullet" id="areas-without-goal">([\s\S]*?)<\/ul>/.exec(
        page.body,
      )
    assert.match(
      missing?.[1] ?? '',
      /Employment and higher education[\s\S]*Independent living[\s\S]*Friends, relationships and community[\s\S]*Good health/,
    )
  })

  it('adds, changes and removes an aspiration', async () => {
    const added = await postWithVersion(
      test,
      `${ALFIE}/aspirations/new`,
      `${ALFIE}/aspirations`,
      aspirationFields(),
    )
    const afterAdd = await test.app.inject({ url: String(added.headers.location) })
    const [id] = await partIds(test, ALFIE, 'aspirations')
    const edit = await test.app.inject({ url: `${ALFIE}/aspirations/${id}` })
    const changed = await postWithVersion(
      test,
      `${ALFIE}/aspirations/${id}`,
      `${ALFIE}/aspirations/${id}`,
      aspirationFields({ words: 'I want to be a nurse', 'gathered-how': 'with_support' }),
    )
    const afterChange = await test.app.inject({ url: ALFIE })
    const confirm = await test.app.inject({ url: `${ALFIE}/aspirations/${id}/remove` })
    const removed = await postWithVersion(
      test,
      `${ALFIE}/aspirations/${id}/remove`,
      `${ALFIE}/aspirations/${id}/remove`,
      {},
    )
    const afterRemove = await test.app.inject({ url: ALFIE })

    assert.equal(added.statusCode, 303)
    assert.equal(added.headers.location, `${ALFIE}?saved=aspiration-added#aspirations`)
    assert.match(afterAdd.body, /Aspiration added\./)
    assert.match(afterAdd.body, /I want to be a vet/)
    assert.match(afterAdd.body, /In the student’s own words/)
    assert.match(afterAdd.body, new RegExp(formatLongDate(YESTERDAY)))
    assert.match(edit.body, /I want to be a vet<\/textarea>/)
    assert.match(edit.body, /value="own_words" checked/)
    assert.equal(changed.statusCode, 303)
    assert.match(afterChange.body, /I want to be a nurse/)
    assert.match(afterChange.body, /With support from an adult/)
    assert.match(confirm.body, /Yes, remove this aspiration/)
    assert.match(confirm.body, /I want to be a nurse/)
    assert.equal(removed.statusCode, 303)
    assert.equal(removed.headers.location, `${ALFIE}?saved=aspiration-removed#aspirations`)
    assert.match(afterRemove.body, /No aspirations recorded yet\./)
  })

  it('review form starts on today', async () => {
    const form = await test.app.inject({ url: `${ALFIE}/reviews/new` })
    const [year, month, day] = TODAY.split('-').map(Number)

    assert.equal(form.statusCode, 200)
    assert.match(form.body, new RegExp(`name="held-on-day" type="text" value="${day}"`))
    assert.match(form.body, new RegExp(`name="held-on-month" type="text" value="${month}"`))
    assert.match(form.body, new RegExp(`name="held-on-year" type="text" value="${year}"`))
    assert.match(form.body, /name="next-review-on-day" type="text" value=""/)
  })

  it('aspiration errors keep the answers', async () => {
    const response = await postWithVersion(
      test,
      `${ALFIE}/aspirations/new`,
      `${ALFIE}/aspirations`,
      {
        words: '<b>Work</b> outdoors',
        'gathered-how': '',
        'recorded-on-day': '31',
        'recorded-on-month': '2',
        'recorded-on-year': '2026',
      },
    )

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /<title>Error: Add an aspiration/)
    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /href="#gathered-how">Select how the aspiration was gathered/)
    assert.match(
      response.body,
      /href="#recorded-on-day">Date recorded must be a real date, and 31\/2\/2026 is not one/,
    )
    assert.match(response.body, /&lt;b&gt;Work&lt;\/b&gt; outdoors<\/textarea>/)
    assert.match(response.body, /name="recorded-on-day" type="text" value="31"/)
    assert.match(response.body, /name="recorded-on-month" type="text" value="2"/)
  })

  it('goals grouped under their areas', async () => {
    const added = await postWithVersion(test, `${CALEB}/goals/new`, `${CALEB}/goals`, {
      area: 'community',
      goal: 'Join the youth club on Fridays',
      status: 'active',
    })
    const page = await test.app.inject({ url: CALEB })

    assert.equal(added.statusCode, 303)
    const community = page.body.indexOf('id="goals-community"')
    const health = page.body.indexOf('id="goals-health"')
    const goal = page.body.indexOf('Join the youth club on Fridays')
    assert.ok(community < goal, 'the goal follows its area heading')
    assert.ok(goal < health, 'the goal comes before the next area')
    assert.equal(page.body.match(/No goal in this area yet\./g)?.length, 3)
    const missing = /id="areas-without-goal">([\s\S]*?)<\/ul>/.exec(page.body)?.[1] ?? ''
    assert.doesNotMatch(missing, /Friends, relationships and community/)
    assert.match(missing, /Good health/)
  })

  it('goal errors', async () => {
    const response = await postWithVersion(test, `${CALEB}/goals/new`, `${CALEB}/goals`, {
      area: 'hobbies',
      goal: 'x'.repeat(2001),
      status: 'active',
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, new RegExp(planMessages.area))
    assert.match(response.body, /Goal must be 2,000 characters or fewer/)
  })

  it('actions say when they are overdue', async () => {
    const added = await postWithVersion(test, `${ALFIE}/actions/new`, `${ALFIE}/actions`, {
      what: 'Visit the college open day',
      who: 'Careers adviser',
      ...dateFields('due-on', YESTERDAY),
      status: 'not_started',
    })
    const undated = await postWithVersion(test, `${ALFIE}/actions/new`, `${ALFIE}/actions`, {
      what: 'Talk to the family about travel',
      who: 'SENCO',
      status: 'in_progress',
    })
    const page = await test.app.inject({ url: ALFIE })

    assert.equal(added.statusCode, 303)
    assert.equal(undated.statusCode, 303)
    assert.match(page.body, new RegExp(`Overdue: this was due on ${formatLongDate(YESTERDAY)}`))
    assert.match(page.body, /No date set/)
    assert.match(page.body, /Careers adviser/)
    assert.match(page.body, /In progress/)
  })

  it('action errors', async () => {
    const response = await postWithVersion(test, `${ALFIE}/actions/new`, `${ALFIE}/actions`, {
      what: '',
      who: '',
      'due-on-day': '1',
      status: 'finished',
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, new RegExp(planMessages.whatMissing))
    assert.match(response.body, new RegExp(planMessages.whoMissing))
    assert.match(response.body, /href="#due-on-month">Date due must include a month and year/)
    assert.match(response.body, new RegExp(planMessages.actionStatus))
  })

  it('annual review from Year 9 needs all areas', async () => {
    const rejected = await postWithVersion(
      test,
      `${CALEB}/reviews/new`,
      `${CALEB}/reviews`,
      reviewFields(),
    )
    const oneArea = new URLSearchParams(reviewFields())
    oneArea.append('pfa-areas', 'employment')
    const rejectedOne = await postWithVersion(
      test,
      `${CALEB}/reviews/new`,
      `${CALEB}/reviews`,
      oneArea,
    )
    const form = await test.app.inject({ url: `${CALEB}/reviews/new` })

    assert.equal(rejected.statusCode, 400)
    assert.match(
      rejected.body,
      /href="#pfa-areas">An EHC plan annual review from Year 9 must cover all four Preparing for Adulthood areas, and this one does not cover: Employment and higher education; Independent living; Friends, relationships and community; Good health\. Tick each area/,
    )
    assert.match(rejected.body, /Caleb wants to work with animals<\/textarea>/)
    assert.equal(rejectedOne.statusCode, 400)
    assert.match(
      rejectedOne.body,
      /does not cover: Independent living; Friends, relationships and community; Good health\./,
    )
    assert.match(rejectedOne.body, /name="pfa-areas" type="checkbox" value="employment" checked/)
    assert.match(form.body, /id="pfa-prompt"/)
    assert.match(form.body, /name="pfa-areas" type="checkbox" value="independent_living"/)
    assert.match(form.body, /name="pfa-reason" type="text"/)
    const page = await test.app.inject({ url: CALEB })
    assert.match(page.body, /No reviews recorded yet\./)
  })

  it('annual review with a reason warns', async () => {
    const fields = new URLSearchParams(
      reviewFields({ 'pfa-reason': 'Not covered: friends and community, because <b>time</b>' }),
    )
    fields.append('pfa-areas', 'employment')
    fields.append('pfa-areas', 'health')
    const saved = await postWithVersion(test, `${CALEB}/reviews/new`, `${CALEB}/reviews`, fields)
    const page = await test.app.inject({ url: CALEB })

    assert.equal(saved.statusCode, 303)
    const reviews = page.body.slice(page.body.indexOf('id="reviews"'))
    assert.match(reviews, /EHC plan annual review/)
    assert.match(reviews, /<li>Employment and higher education<\/li><li>Good health<\/li>/)
    assert.match(
      reviews,
      /govuk-warning-text[\s\S]*?This review did not cover: Independent living; Friends, relationships and community\./,
    )
    assert.match(reviews, /Why an area was not covered/)
    assert.match(reviews, /because &lt;b&gt;time&lt;\/b&gt;/)
    assert.match(reviews, new RegExp(formatLongDate(addDays(YESTERDAY, 365))))
    assert.match(
      page.body,
      new RegExp(
        `id="latest-review-missed"[\\s\\S]*?The latest annual review \\(EHC plan annual review, ${formatLongDate(YESTERDAY)}\\) did not cover: Independent living; Friends, relationships and community\\.`,
      ),
    )
  })

  it('reason with all four areas rejected', async () => {
    const fields = new URLSearchParams(reviewFields({ 'pfa-reason': 'Nothing left out' }))
    for (const area of ['employment', 'independent_living', 'community', 'health'])
      fields.append('pfa-areas', area)
    const response = await postWithVersion(test, `${CALEB}/reviews/new`, `${CALEB}/reviews`, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, new RegExp(`href="#pfa-reason">${planMessages.pfaReasonNotNeeded}`))
    assert.match(response.body, /name="pfa-reason" type="text" value="Nothing left out"/)
  })

  it('other review kinds warn of nothing', async () => {
    const fields = new URLSearchParams(
      reviewFields({ ...dateFields('held-on', TODAY), kind: 'careers_guidance' }),
    )
    fields.append('pfa-areas', 'health')
    const saved = await postWithVersion(test, `${CALEB}/reviews/new`, `${CALEB}/reviews`, fields)
    const alfie = await postWithVersion(
      test,
      `${ALFIE}/reviews/new`,
      `${ALFIE}/reviews`,
      reviewFields({ kind: 'careers_guidance', summary: 'Alfie, Year 7' }),
    )
    const page = await test.app.inject({ url: CALEB })
    const alfiePage = await test.app.inject({ url: ALFIE })

    assert.equal(saved.statusCode, 303)
    assert.doesNotMatch(page.body, /Careers guidance, [^)]*\) did not cover/)
    assert.match(
      page.body,
      /The latest annual review \(EHC plan annual review, [^)]*\) did not cover/,
    )
    assert.equal(page.body.match(/This review did not cover:/g)?.length, 1)
    assert.equal(alfie.statusCode, 303)
    assert.doesNotMatch(alfiePage.body, /did not cover/, 'Alfie is in Year 7')
  })

  it('post after sign-out says nothing was saved', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: `${CALEB}/aspirations/new`,
      headers: { cookie: 'send-careers-session=' },
      payload: { words: 'Typed text' },
    })

    assert.equal(response.statusCode, 401)
    assert.match(response.body, /the change you sent was not saved/)
  })

  it('review errors', async () => {
    const response = await postWithVersion(
      test,
      `${ALFIE}/reviews/new`,
      `${ALFIE}/reviews`,
      reviewFields({
        ...dateFields('next-review-on', addDays(YESTERDAY, -1)),
        kind: '',
        participants: '',
        summary: '',
      }),
    )

    assert.equal(response.statusCode, 400)
    assert.match(response.body, new RegExp(planMessages.kind))
    assert.match(response.body, new RegExp(planMessages.participantsMissing))
    assert.match(response.body, new RegExp(planMessages.summaryMissing))
    assert.match(
      response.body,
      /Date of the next review must be on or after the date this review was held/,
    )
  })

  it('reviews listed newest first', async () => {
    const older = addDays(YESTERDAY, -400)
    const fields = reviewFields({
      ...dateFields('held-on', older),
      kind: 'careers_guidance',
      summary: 'An older review',
    })
    await postWithVersion(
      test,
      `${ALFIE}/reviews/new`,
      `${ALFIE}/reviews`,
      reviewFields({ kind: 'transition', summary: 'The newer review' }),
    )
    await postWithVersion(test, `${ALFIE}/reviews/new`, `${ALFIE}/reviews`, fields)
    const page = await test.app.inject({ url: ALFIE })

    assert.ok(page.body.indexOf('The newer review') < page.body.indexOf('An older review'))
  })

  it('targets show their eligibility', async () => {
    const start = `${Number(TODAY.slice(0, 4)) + 1}-09-01`
    const saved = await postWithVersion(test, `${ALFIE}/targets`, `${ALFIE}/targets`, {
      'target-1-outcome': 'supported-internship',
      ...dateFields('target-1-start', start),
      'target-1-note': 'At the hospital',
      'target-2-outcome': '',
      'target-3-outcome': 'supported-volunteering',
    })
    const page = await test.app.inject({ url: ALFIE })
    const targets = page.body.slice(
      page.body.indexOf('id="targets"'),
      page.body.indexOf('id="actions"'),
    )

    assert.equal(saved.statusCode, 303)
    assert.match(targets, /Choice 1: Supported internship/)
    assert.match(targets, /Choice 2: Supported volunteering/)
    assert.match(targets, new RegExp(`${formatLongDate(start)} \\(the planned start date\\)`))
    assert.match(targets, /31 August \d{4} \(31 August before the academic year \d{4}\/\d{2}\)/)
    assert.match(targets, /govuk-tag--red">\s*Not eligible/)
    assert.match(targets, /This target is not open to the student on this date\./)
    assert.match(targets, /supported internships are for ages 16 to 24|ages 16 to 24/i)
    assert.match(targets, /At the hospital/)
  })

  it('target errors keep the choices', async () => {
    const response = await postWithVersion(test, `${ALFIE}/targets`, `${ALFIE}/targets`, {
      'target-1-outcome': 'apprenticeship',
      'target-2-outcome': 'apprenticeship',
      'target-3-outcome': 'astronaut',
      'target-3-start-day': '30',
      'target-3-start-month': '2',
      'target-3-start-year': '2027',
    })

    assert.equal(response.statusCode, 400)
    assert.match(
      response.body,
      /href="#target-2-outcome">Choice 2 repeats choice 1, Apprenticeship/,
    )
    assert.match(
      response.body,
      /href="#target-3-outcome">Choice 3 is &quot;astronaut&quot;, which is not an outcome/,
    )
    assert.match(
      response.body,
      /href="#target-3-start-day">Planned start of choice 3 must be a real date/,
    )
    assert.match(response.body, /<option value="apprenticeship" selected>/)
    assert.match(response.body, /name="target-3-start-day" type="text" value="30"/)
  })

  it('a fourth target is an error', async () => {
    const before = await test.app.inject({ url: ALFIE })
    const response = await postWithVersion(test, `${ALFIE}/targets`, `${ALFIE}/targets`, {
      'target-1-outcome': 'apprenticeship',
      'target-1-note': 'First',
      'target-2-outcome': 'supported-employment',
      'target-3-outcome': 'paid-employment',
      'target-4-outcome': 'traineeship',
    })
    const after = await test.app.inject({ url: ALFIE })

    assert.equal(response.statusCode, 400)
    assert.match(
      response.body,
      new RegExp(
        `href="#target-1-outcome">${planMessages.tooManyTargets(['choice 4 (Traineeship)']).replace(/[()]/g, '\\$&')}`,
      ),
    )
    assert.match(response.body, /<option value="apprenticeship" selected>/)
    assert.match(response.body, /<option value="paid-employment" selected>/)
    assert.match(response.body, />First<\/textarea>/)
    const section = (html: string) =>
      html.slice(html.indexOf('id="targets"'), html.indexOf('id="actions"'))
    assert.equal(section(after.body), section(before.body))
  })

  it('a past planned start is rejected', async () => {
    const response = await postWithVersion(test, `${ALFIE}/targets`, `${ALFIE}/targets`, {
      'target-1-outcome': 'apprenticeship',
      ...dateFields('target-1-start', '2020-02-01'),
    })

    assert.equal(response.statusCode, 400)
    assert.match(
      response.body,
      /href="#target-1-start-day">Planned start of choice 1 is 1 February 2020, but it must be today or later, because a target that started already belongs in the destinations/,
    )
    assert.match(response.body, /name="target-1-start-year" type="text" value="2020"/)
  })

  it('a stored past start stays valid', async () => {
    const darcy = '/students/4/plan'
    const passed = addDays(TODAY, -10)
    const earlier = createPlanService(test.database.db, { today: () => addDays(TODAY, -30) })
    const stored = await earlier.setTargets(
      { schoolIds: [1] },
      4,
      0,
      [{ outcomeId: 'further-education-college', plannedStart: passed, note: '' }],
      'earlier@school.test',
    )
    assert.ok(stored.ok, JSON.stringify(stored))
    const page = await test.app.inject({ url: darcy })
    const form = await test.app.inject({ url: `${darcy}/targets` })

    assert.match(page.body, /Darcy Dempsey/)
    assert.match(
      page.body,
      new RegExp(
        `${formatLongDate(passed)}<br><strong class="govuk-tag govuk-tag--yellow">Planned start has passed`,
      ),
    )
    const again = await postWithVersion(test, `${darcy}/targets`, `${darcy}/targets`, {
      'target-1-outcome': 'further-education-college',
      ...dateFields('target-1-start', passed),
      'target-1-note': 'Started on time',
    })
    const moved = await postWithVersion(test, `${darcy}/targets`, `${darcy}/targets`, {
      'target-1-outcome': 'further-education-college',
      ...dateFields('target-1-start', addDays(passed, 1)),
    })

    assert.match(
      form.body,
      new RegExp(`name="target-1-start-day" type="text" value="${Number(passed.slice(8))}"`),
    )
    assert.equal(again.statusCode, 303)
    assert.equal(moved.statusCode, 400)
    assert.match(moved.body, /href="#target-1-start-day">Planned start of choice 1 is/)
  })

  it('rejects a post without a CSRF token', async () => {
    const { cookie } = await formSession(test.app, `${ALFIE}/goals/new`)
    for (const action of [`${ALFIE}/goals`, `${ALFIE}/targets`]) {
      const response = await test.app.inject({
        method: 'POST',
        url: action,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          version: '0',
          area: 'health',
          goal: 'x',
          status: 'active',
        }).toString(),
      })
      assert.equal(response.statusCode, 403, action)
    }
    const page = await test.app.inject({ url: ALFIE })
    assert.doesNotMatch(page.body, /Goal 1/)
  })

  it('another school’s student is not found', async () => {
    const gets = ['', '/aspirations/new', '/goals/new', '/actions/new', '/reviews/new', '/targets']
    for (const path of gets) {
      const response = await test.app.inject({ url: `${otherPlan}${path}` })
      assert.equal(response.statusCode, 404, path)
    }
    for (const path of ['/aspirations', '/goals', '/actions', '/reviews', '/targets']) {
      const response = await postForm(test.app, `${ALFIE}/goals/new`, `${otherPlan}${path}`, {
        version: '0',
        ...aspirationFields(),
      })
      assert.equal(response.statusCode, 404, path)
    }
  })

  it('a part of another plan is not found', async () => {
    await postWithVersion(test, `${CALEB}/actions/new`, `${CALEB}/actions`, {
      what: 'Caleb’s action',
      who: 'SENCO',
      status: 'not_started',
    })
    const [calebsAction] = await partIds(test, CALEB, 'actions')

    const pages = [
      `/actions/${calebsAction}`,
      `/actions/${calebsAction}/remove`,
      '/actions/abc',
      '/goals/0',
    ]
    for (const path of pages) {
      const response = await test.app.inject({ url: `${ALFIE}${path}` })
      assert.equal(response.statusCode, 404, path)
    }
    const removed = await postWithVersion(
      test,
      ALFIE + '/actions/new',
      `${ALFIE}/actions/${calebsAction}/remove`,
      {},
    )
    assert.equal(removed.statusCode, 404)
    assert.match((await test.app.inject({ url: CALEB })).body, /Caleb’s action/)
  })

  it('viewer rejected, staff may edit', async () => {
    const viewer = await createTestUser(test.services, { role: 'viewer', schoolId: test.schoolId })
    const staff = await createTestUser(test.services, { role: 'staff', schoolId: test.schoolId })
    const viewerCookie = await sessionCookieFor(test.services, viewer)
    const staffCookie = await sessionCookieFor(test.services, staff)

    const refused = await test.app.inject({ url: ALFIE, headers: { cookie: viewerCookie } })
    const staffPage = await test.app.inject({ url: ALFIE, headers: { cookie: staffCookie } })

    assert.equal(refused.statusCode, 403)
    assert.match(refused.body, /Your role does not give you access/)
    assert.equal(staffPage.statusCode, 200)
    assert.match(staffPage.body, /Add an aspiration/)
  })

  it('conflict keeps the typed answers', async () => {
    const { token, cookie, page } = await formSession(test.app, `${CALEB}/aspirations/new`)
    const openedAt = versionIn(page.body)
    await postWithVersion(
      test,
      `${CALEB}/aspirations/new`,
      `${CALEB}/aspirations`,
      aspirationFields({ words: 'Saved by someone else' }),
    )
    const typed = aspirationFields({ words: 'Typed by me', 'gathered-how': 'family_view' })

    const refused = await test.app.inject({
      method: 'POST',
      url: `${CALEB}/aspirations`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, version: openedAt, ...typed }).toString(),
    })
    const again = await postForm(test.app, `${CALEB}/aspirations/new`, `${CALEB}/aspirations`, {
      ...typed,
      version: versionIn(refused.body),
    })
    const plan = await test.app.inject({ url: CALEB })

    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /<title>Error: /)
    assert.match(refused.body, new RegExp(`href="#current-values">${planServiceMessages.conflict}`))
    assert.match(refused.body, /Typed by me<\/textarea>/)
    assert.match(refused.body, /value="family_view" checked/)
    const current = refused.body.slice(
      refused.body.indexOf('id="current-values"'),
      refused.body.indexOf(`action="${CALEB}/aspirations"`),
    )
    assert.match(current, /Saved by someone else/)
    assert.notEqual(versionIn(refused.body), openedAt)
    assert.equal(again.statusCode, 303)
    assert.match(plan.body, /Saved by someone else[\s\S]*Typed by me/)
  })

  it('conflict on a change shows the stored part', async () => {
    await postWithVersion(test, `${CALEB}/goals/new`, `${CALEB}/goals`, {
      area: 'health',
      goal: 'Walk to school',
      status: 'active',
    })
    const ids = await partIds(test, CALEB, 'goals')
    const id = ids.at(-1)
    const opened = await formSession(test.app, `${CALEB}/goals/${id}`)
    await postWithVersion(test, `${CALEB}/goals/${id}`, `${CALEB}/goals/${id}`, {
      area: 'health',
      goal: 'Walk to school with a friend',
      status: 'active',
    })

    const refused = await test.app.inject({
      method: 'POST',
      url: `${CALEB}/goals/${id}`,
      headers: { cookie: opened.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: opened.token,
        version: versionIn(opened.page.body),
        area: 'health',
        goal: 'Walk to school alone',
        status: 'achieved',
      }).toString(),
    })

    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /Walk to school alone<\/textarea>/)
    assert.match(
      refused.body,
      /id="current-values"[\s\S]*Area[\s\S]*Good health[\s\S]*Walk to school with a friend[\s\S]*<form method="post"/,
    )
  })

  it('conflict on a removed part says it is gone', async () => {
    await postWithVersion(test, `${CALEB}/goals/new`, `${CALEB}/goals`, {
      area: 'employment',
      goal: 'Short-lived goal',
      status: 'active',
    })
    const id = (await partIds(test, CALEB, 'goals')).at(-1)
    const opened = await formSession(test.app, `${CALEB}/goals/${id}`)
    await postWithVersion(test, `${CALEB}/goals/${id}/remove`, `${CALEB}/goals/${id}/remove`, {})

    const refused = await test.app.inject({
      method: 'POST',
      url: `${CALEB}/goals/${id}`,
      headers: { cookie: opened.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: opened.token,
        version: versionIn(opened.page.body),
        area: 'employment',
        goal: 'Changed',
        status: 'active',
      }).toString(),
    })

    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /id="part-gone"/)
    assert.doesNotMatch(refused.body, /Save changes/)
  })

  it('conflict on remove and on targets', async () => {
    await postWithVersion(test, `${CALEB}/actions/new`, `${CALEB}/actions`, {
      what: 'To remove',
      who: 'SENCO',
      status: 'not_started',
    })
    const id = (await partIds(test, CALEB, 'actions')).at(-1)
    const removePage = await formSession(test.app, `${CALEB}/actions/${id}/remove`)
    const targetsPage = await formSession(test.app, `${CALEB}/targets`)
    await postWithVersion(test, `${CALEB}/goals/new`, `${CALEB}/goals`, {
      area: 'health',
      goal: 'Another goal',
      status: 'active',
    })

    const remove = await test.app.inject({
      method: 'POST',
      url: `${CALEB}/actions/${id}/remove`,
      headers: { cookie: removePage.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: removePage.token,
        version: versionIn(removePage.page.body),
      }).toString(),
    })
    const targets = await test.app.inject({
      method: 'POST',
      url: `${CALEB}/targets`,
      headers: { cookie: targetsPage.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: targetsPage.token,
        version: versionIn(targetsPage.page.body),
        'target-1-outcome': 'apprenticeship',
      }).toString(),
    })

    assert.equal(remove.statusCode, 409)
    assert.match(remove.body, /Yes, remove this action/)
    assert.equal(targets.statusCode, 409)
    assert.match(targets.body, /<option value="apprenticeship" selected>/)
    assert.match(targets.body, /The plan has no target outcomes now\./)
    assert.match((await test.app.inject({ url: CALEB })).body, /To remove/)
  })

  it('missing version reads as a conflict', async () => {
    const { token, cookie } = await formSession(test.app, `${ALFIE}/goals/new`)

    const response = await test.app.inject({
      method: 'POST',
      url: `${ALFIE}/goals`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: token,
        area: 'health',
        goal: 'No version',
        status: 'active',
      }).toString(),
    })

    assert.equal(response.statusCode, 409)
    assert.match(response.body, /No version<\/textarea>/)
  })

  it('renders hostile text as text', async () => {
    const hostile = '<script>alert(1)</script>{{ 7*7 }}'
    await postWithVersion(test, `${ALFIE}/goals/new`, `${ALFIE}/goals`, {
      area: 'health',
      goal: hostile,
      status: 'active',
    })
    const page = await test.app.inject({ url: ALFIE })

    assert.doesNotMatch(page.body, /<script>alert/)
    assert.doesNotMatch(page.body, />49</)
    assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;\{\{ 7\*7 \}\}/)
  })

  it('an invalid planning year is reported', async () => {
    const page = await test.app.inject({ url: `${ALFIE}?year=1999/00` })

    assert.equal(page.statusCode, 200)
    assert.match(
      page.body,
      /href="#year">Planning year &quot;1999\/00&quot; is outside the accepted range/,
    )
  })
})

import assert from 'node:assert/strict'
import { test } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import { aGoal, anAction, anAspiration, setUpPlanSchool, TODAY } from '../plans/plan.test-data.js'
import type { PlanWriteResult } from '../plans/plan.service.js'
import { readAnswers, storedAnswers, validateAnswers } from './my-future.forms.js'
import type { MyFutureAnswers } from './my-future.forms.js'
import { saveSettings } from './my-future.repository.js'
import { createMyFutureService } from './my-future.service.js'
import { emptySettings } from './my-future.types.js'

function versionOf(result: PlanWriteResult): number {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.error))
  return result.value.version
}

forEachEngine('my future service', (getDatabase) => {
  async function setUp() {
    const { db } = getDatabase()
    const school = await setUpPlanSchool(db)
    const { plans, scope, adaId } = school
    let version = versionOf(await plans.addPart(scope, adaId, 'aspiration', 0, anAspiration(), 'x'))
    const goal = aGoal({ goal: 'Get an EHCP review done.', status: 'stopped' })
    version = versionOf(await plans.addPart(scope, adaId, 'goal', version, goal, 'x'))
    const dropped = anAction({ what: 'Visit the bakery.', status: 'dropped' })
    version = versionOf(await plans.addPart(scope, adaId, 'action', version, dropped, 'x'))
    const open = anAction({ what: 'Ask about the college course.' })
    versionOf(await plans.addPart(scope, adaId, 'action', version, open, 'x'))
    const now = () => new Date(`${TODAY}T10:00:00.000Z`)
    return { ...school, db, service: createMyFutureService(db, { now }) }
  }

  test('hides text failing the check', async () => {
    const { service, plans, scope, adaId } = await setUp()
    const before = await service.getSettings(scope, adaId)
    assert.ok(before)
    const gp = anAction({ what: 'Go to the GP with support.' })
    await plans.addPart(scope, adaId, 'action', before.detail.plan.version, gp, 'x')

    const opened = await service.openPage(scope, adaId, 'leader')
    const found = await service.getSettings(scope, adaId)
    assert.ok(opened)
    assert.ok(found)
    const answers = storedAnswers(found.settings, found.detail)
    const gpId = found.detail.plan.actions.find((action) => action.what === gp.what)?.id
    const ticked = await service.saveSettings(
      scope,
      adaId,
      0,
      { ...answers, shown: { ...answers.shown, action: [...answers.shown.action, String(gpId)] } },
      'leader',
    )

    assert.deepEqual(
      opened.page.steps.map((step) => step.what),
      ['Ask about the college course.'],
    )
    assert.equal(opened.page.hiddenForEasyRead, 1)
    assert.ok(!answers.shown.action.includes(String(gpId)))
    assert.deepEqual(await service.saveSettings(scope, adaId, 0, answers, 'leader'), {
      ok: true,
      version: 1,
    })
    assert.equal(ticked.ok, false)
  })

  test('hides dropped and stopped by default', async () => {
    const { service, scope, adaId } = await setUp()

    const opened = await service.openPage(scope, adaId, 'leader')

    assert.ok(opened)
    assert.deepEqual(opened.page.aspirations, ['I want to work with animals'])
    assert.deepEqual(opened.page.goals, [])
    assert.deepEqual(
      opened.page.steps.map((step) => step.what),
      ['Ask about the college course.'],
    )
  })

  test('save raises the version', async () => {
    const { service, scope, adaId } = await setUp()
    const found = await service.getSettings(scope, adaId)
    assert.ok(found)
    const answers: MyFutureAnswers = {
      ...storedAnswers(found.settings, found.detail),
      likes: 'I like maps.',
    }
    answers.shown.action = []

    const first = await service.saveSettings(scope, adaId, 0, answers, 'leader')
    const stale = await service.saveSettings(scope, adaId, 0, answers, 'leader')
    const again = await service.saveSettings(scope, adaId, 1, answers, 'leader')

    assert.deepEqual(first, { ok: true, version: 1 })
    assert.equal(stale.ok, false)
    assert.equal(!stale.ok && stale.code, 'conflict')
    assert.equal(!stale.ok && stale.code === 'conflict' && stale.version, 1)
    assert.deepEqual(again, { ok: true, version: 2 })
    const opened = await service.openPage(scope, adaId, 'leader')
    assert.deepEqual(opened?.page.likes, [['I like maps.']])
    assert.deepEqual(opened?.page.steps, [])
  })

  test('action dropped after a save is hidden', async () => {
    const { service, plans, scope, adaId } = await setUp()
    const found = await service.getSettings(scope, adaId)
    assert.ok(found)
    const saved = await service.saveSettings(
      scope,
      adaId,
      0,
      storedAnswers(found.settings, found.detail),
      'leader',
    )
    assert.ok(saved.ok, JSON.stringify(saved))
    const open = found.detail.plan.actions.find((action) => action.status === 'not_started')
    assert.ok(open)

    const dropped = await plans.editPart(
      scope,
      adaId,
      'action',
      open.id,
      found.detail.plan.version,
      anAction({ what: open.what, status: 'dropped' }),
      'leader',
    )

    assert.ok(dropped.ok)
    const opened = await service.openPage(scope, adaId, 'leader')
    assert.deepEqual(opened?.page.steps, [])
  })

  test('second first save is rejected', async () => {
    const { db, schoolId, adaId } = await setUp()
    const owner = { schoolId, studentId: adaId }
    const settings = { ...emptySettings(), likes: 'I like maps.' }
    const stamp = { by: 'leader', now: `${TODAY}T10:00:00.000Z` }

    const first = await saveSettings(db, owner, 0, settings, stamp)
    const second = await saveSettings(db, owner, 0, settings, stamp)

    assert.equal(first, true)
    assert.equal(second, false)
  })

  test('another school’s student is not found', async () => {
    const { service, adaId } = await setUp()
    const otherScope = { schoolIds: [] }
    const answers = readAnswers({ likes: 'I like maps.' })

    assert.equal(await service.openPage(otherScope, adaId, 'leader'), null)
    assert.equal(await service.getSettings(otherScope, adaId), null)
    assert.deepEqual(await service.saveSettings(otherScope, adaId, 0, answers, 'leader'), {
      ok: false,
      code: 'not_found',
    })
  })

  test('easy-read problems name the sentence', async () => {
    const { service, scope, adaId } = await setUp()
    const found = await service.getSettings(scope, adaId)
    assert.ok(found)
    const answers = storedAnswers(found.settings, found.detail)
    answers.aboutMe = 'I am Ada. I have an EHCP.'
    answers.helpers[0] = { name: 'Ms Shah', role: 'She checks my EHCP.' }
    const goalId = String(found.detail.plan.goals[0]?.id)
    answers.shown.goal = [goalId]

    const result = validateAnswers(answers, found.detail, emptySettings())

    assert.equal(result.ok, false)
    const list = !result.ok ? result.errors.list : []
    const fix =
      "'EHCP' is an acronym. Write the words out, such as 'a plan from the council that says what help you get'."
    assert.deepEqual(list, [
      { href: '#about-me', text: `Who I am: ${fix}` },
      { href: '#helper-1-role', text: `How helper 1 helps: ${fix}` },
      {
        href: '#show-goal',
        text: `Goal “Get an EHCP review done.”: ${fix} Change the goal in the plan, or untick it.`,
      },
    ])
  })
})

test('answers read from a tampered body', () => {
  const answers = readAnswers({
    'about-me': ['First', 'Second'],
    'show-action': ['1', '2'],
    'listed-action': '1',
    'helper-9-name': 'Ignored',
  })

  assert.equal(answers.aboutMe, 'First')
  assert.deepEqual(answers.shown.action, ['1', '2'])
  assert.deepEqual(answers.listed.action, ['1'])
  assert.equal(answers.helpers.length, 4)
  assert.ok(answers.helpers.every((helper) => helper.name === ''))
})

import assert from 'node:assert/strict'
import { test } from 'node:test'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { forEachEngine } from '../../db/test-database.js'
import { createPlanService } from './plan.service.js'
import type { PlanWriteResult } from './plan.service.js'
import {
  aGoal,
  anAction,
  anAspiration,
  aReview,
  aTargetChoice,
  setUpPlanSchool,
} from './plan.test-data.js'
import { planMessages } from './plan.validation.js'

function versionOf(result: PlanWriteResult): number {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.error))
  return result.value.version
}

/** Returns `ok`, or the code of the error, so one assert checks the outcome of a write. */
function outcomeOf(result: PlanWriteResult): string {
  return result.ok ? 'ok' : result.error.code
}

function errorsOf(result: PlanWriteResult): Record<string, string> {
  assert.equal(outcomeOf(result), 'invalid', JSON.stringify(result))
  assert.ok(!result.ok && result.error.code === 'invalid')
  return Object.fromEntries(result.error.errors.map((error) => [error.field, error.message]))
}

async function auditOf(db: Kysely<Tables>, studentId: number, action: string) {
  const rows = await db
    .selectFrom('audit_events')
    .select(['actor', 'details'])
    .where('student_id', '=', studentId)
    .where('action', '=', action)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ actor: row.actor, details: JSON.parse(row.details) as unknown }))
}

forEachEngine('plan service writes', (getDatabase) => {
  test('first save creates the plan', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const before = await plans.getPlan(scope, adaId)
    const saved = await plans.addPart(scope, adaId, 'aspiration', 0, anAspiration(), 'leader')
    const after = await plans.getPlan(scope, adaId)

    assert.equal(before?.plan.version, 0)
    assert.equal(before?.plan.id, null)
    assert.equal(versionOf(saved), 1)
    assert.equal(after?.plan.version, 1)
    assert.equal(after?.plan.aspirations.length, 1)
    assert.equal(after?.plan.aspirations[0]?.words, 'I want to work with animals')
    assert.equal(after?.plan.aspirations[0]?.createdBy, 'leader')
    const events = await auditOf(db, adaId, 'plan.aspiration.add')
    assert.deepEqual(events, [
      {
        actor: 'leader',
        details: {
          aspiration_id: { from: null, to: saved.ok ? saved.value.partId : -1 },
          words: { from: null, to: 'I want to work with animals' },
          gathered_how: { from: null, to: 'own_words' },
          recorded_on: { from: null, to: '2026-11-20' },
          plan_version: { from: 0, to: 1 },
        },
      },
    ])
  })

  test('each write raises the version', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const first = versionOf(await plans.addPart(scope, adaId, 'goal', 0, aGoal(), 'a'))
    const second = versionOf(await plans.addPart(scope, adaId, 'action', first, anAction(), 'a'))
    const third = versionOf(await plans.addPart(scope, adaId, 'review', second, aReview(), 'a'))
    const fourth = versionOf(await plans.setTargets(scope, adaId, third, [aTargetChoice()], 'a'))

    assert.deepEqual([first, second, third, fourth], [1, 2, 3, 4])
    const plan = (await plans.getPlan(scope, adaId))?.plan
    assert.equal(plan?.version, 4)
    assert.equal(plan?.goals.length, 1)
    assert.equal(plan?.actions.length, 1)
    assert.equal(plan?.reviews.length, 1)
    assert.deepEqual(plan?.reviews[0]?.pfaAreas, [
      'employment',
      'independent_living',
      'community',
      'health',
    ])
    assert.equal(plan?.targets[0]?.outcomeId, 'supported-internship')
  })

  test('stale version is a conflict', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    await plans.addPart(scope, adaId, 'goal', 0, aGoal(), 'first person')

    const stale = await plans.addPart(scope, adaId, 'goal', 0, aGoal({ goal: 'Mine' }), 'second')

    assert.ok(!stale.ok)
    assert.equal(stale.error.code, 'conflict')
    assert.ok(stale.error.code === 'conflict')
    assert.equal(stale.error.current.plan.version, 1)
    assert.equal(stale.error.current.plan.goals[0]?.goal, 'Try a week of work at a farm')
    const plan = (await plans.getPlan(scope, adaId))?.plan
    assert.equal(plan?.goals.length, 1)
    assert.equal(plan?.version, 1)
    assert.equal((await auditOf(db, adaId, 'plan.goal.add')).length, 1)
  })

  test('newer version than stored is a conflict', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(scope, adaId, 'goal', 5, aGoal(), 'a')

    assert.equal(outcomeOf(result), 'conflict')
    assert.equal((await plans.getPlan(scope, adaId))?.plan.id, null)
  })

  test('conflict checked for every kind of write', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const added = await plans.addPart(scope, adaId, 'action', 0, anAction(), 'a')
    const partId = added.ok ? (added.value.partId ?? 0) : 0
    await plans.addPart(scope, adaId, 'goal', 1, aGoal(), 'b')

    const results = [
      await plans.editPart(scope, adaId, 'action', partId, 1, anAction({ who: 'SENCO' }), 'a'),
      await plans.removePart(scope, adaId, 'action', partId, 1, 'a'),
      await plans.setTargets(scope, adaId, 1, [aTargetChoice()], 'a'),
    ]

    for (const result of results) {
      assert.equal(outcomeOf(result), 'conflict', JSON.stringify(result))
    }
    const plan = (await plans.getPlan(scope, adaId))?.plan
    assert.equal(plan?.actions[0]?.who, 'Careers leader')
    assert.equal(plan?.targets.length, 0)
  })

  test('two first saves at once', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const results = await Promise.all([
      plans.addPart(scope, adaId, 'goal', 0, aGoal({ goal: 'One' }), 'a'),
      plans.addPart(scope, adaId, 'goal', 0, aGoal({ goal: 'Two' }), 'b'),
    ])

    const saved = results.filter((result) => result.ok)
    const refused = results.filter((result) => !result.ok && result.error.code === 'conflict')
    assert.equal(saved.length, 1)
    assert.equal(refused.length, 1)
    assert.equal((await plans.getPlan(scope, adaId))?.plan.goals.length, 1)
  })

  test('two edits from one version at once', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    await plans.addPart(scope, adaId, 'goal', 0, aGoal(), 'a')

    const results = await Promise.all([
      plans.addPart(scope, adaId, 'goal', 1, aGoal({ goal: 'One' }), 'a'),
      plans.addPart(scope, adaId, 'goal', 1, aGoal({ goal: 'Two' }), 'b'),
    ])

    assert.equal(results.filter((result) => result.ok).length, 1)
    const plan = (await plans.getPlan(scope, adaId))?.plan
    assert.equal(plan?.goals.length, 2)
    assert.equal(plan?.version, 2)
  })

  test('edit records old and new values', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const added = await plans.addPart(scope, adaId, 'action', 0, anAction(), 'a')
    const partId = added.ok ? (added.value.partId ?? 0) : 0

    const edited = await plans.editPart(
      scope,
      adaId,
      'action',
      partId,
      1,
      anAction({ status: 'done', dueOn: '' }),
      'b',
    )

    assert.equal(versionOf(edited), 2)
    const action = (await plans.getPlan(scope, adaId))?.plan.actions[0]
    assert.equal(action?.status, 'done')
    assert.equal(action?.dueOn, null)
    assert.equal(action?.updatedBy, 'b')
    assert.deepEqual(await auditOf(db, adaId, 'plan.action.edit'), [
      {
        actor: 'b',
        details: {
          action_id: { from: partId, to: partId },
          due_on: { from: '2027-01-15', to: null },
          status: { from: 'not_started', to: 'done' },
          plan_version: { from: 1, to: 2 },
        },
      },
    ])
  })

  test('edit changing nothing keeps the version', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const added = await plans.addPart(scope, adaId, 'goal', 0, aGoal(), 'a')
    const partId = added.ok ? (added.value.partId ?? 0) : 0

    const edited = await plans.editPart(scope, adaId, 'goal', partId, 1, aGoal(), 'b')

    assert.equal(versionOf(edited), 1)
    assert.equal((await auditOf(db, adaId, 'plan.goal.edit')).length, 0)
  })

  test('remove deletes and audits', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const added = await plans.addPart(scope, adaId, 'review', 0, aReview(), 'a')
    const partId = added.ok ? (added.value.partId ?? 0) : 0

    const removed = await plans.removePart(scope, adaId, 'review', partId, 1, 'b')

    assert.equal(versionOf(removed), 2)
    assert.equal((await plans.getPlan(scope, adaId))?.plan.reviews.length, 0)
    const [event] = await auditOf(db, adaId, 'plan.review.remove')
    const details = event?.details as Record<string, unknown>
    assert.deepEqual(details.review_id, { from: partId, to: null })
    assert.deepEqual(details.summary, { from: 'Ada wants to work outdoors', to: null })
    assert.deepEqual(details.plan_version, { from: 1, to: 2 })
  })

  test('part of another plan not found', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId, yanId } = await setUpPlanSchool(db)
    const added = await plans.addPart(scope, yanId, 'goal', 0, aGoal(), 'a')
    const yansGoal = added.ok ? (added.value.partId ?? 0) : 0
    await plans.addPart(scope, adaId, 'goal', 0, aGoal(), 'a')

    const edit = await plans.editPart(scope, adaId, 'goal', yansGoal, 1, aGoal(), 'a')
    const remove = await plans.removePart(scope, adaId, 'goal', yansGoal, 1, 'a')
    const wrongKind = await plans.removePart(scope, yanId, 'action', yansGoal, 1, 'a')

    for (const result of [edit, remove, wrongKind]) {
      assert.equal(outcomeOf(result), 'not_found', JSON.stringify(result))
    }
    assert.equal((await plans.getPlan(scope, yanId))?.plan.goals.length, 1)
  })

  test('student of another school not found', async () => {
    const { db } = getDatabase()
    const first = await setUpPlanSchool(db)
    const second = await setUpPlanSchool(db)

    const read = await first.plans.getPlan(first.scope, second.adaId)
    const write = await first.plans.addPart(first.scope, second.adaId, 'goal', 0, aGoal(), 'a')
    const targets = await first.plans.setTargets(first.scope, second.adaId, 0, [], 'a')

    assert.equal(read, null)
    assert.equal(outcomeOf(write), 'not_found')
    assert.equal(outcomeOf(targets), 'not_found')
    assert.equal((await second.plans.getPlan(second.scope, second.adaId))?.plan.id, null)
  })

  test('no schools in scope finds nothing', async () => {
    const { db } = getDatabase()
    const { plans, adaId } = await setUpPlanSchool(db)

    assert.equal(await plans.getPlan({ schoolIds: [] }, adaId), null)
  })

  test('view is audited', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    await plans.viewPlan(scope, adaId, 'viewer person')

    const events = await auditOf(db, adaId, 'student.view')
    assert.deepEqual(events.at(-1), { actor: 'viewer person', details: {} })
  })

  test('reviews newest first, actions by due date', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    let version = 0
    const add = async (result: Promise<PlanWriteResult>) => {
      version = versionOf(await result)
    }
    await add(
      plans.addPart(
        scope,
        adaId,
        'review',
        version,
        aReview({ heldOn: '2025-11-01', nextReviewOn: '' }),
        'a',
      ),
    )
    await add(
      plans.addPart(scope, adaId, 'review', version, aReview({ heldOn: '2026-11-01' }), 'a'),
    )
    await add(plans.addPart(scope, adaId, 'action', version, anAction({ dueOn: '' }), 'a'))
    await add(
      plans.addPart(scope, adaId, 'action', version, anAction({ dueOn: '2027-03-01' }), 'a'),
    )
    await add(
      plans.addPart(scope, adaId, 'action', version, anAction({ dueOn: '2027-02-01' }), 'a'),
    )

    const plan = (await plans.getPlan(scope, adaId))?.plan
    assert.deepEqual(
      plan?.reviews.map((review) => review.heldOn),
      ['2026-11-01', '2025-11-01'],
    )
    assert.deepEqual(
      plan?.actions.map((action) => action.dueOn),
      ['2027-02-01', '2027-03-01', null],
    )
  })
})

forEachEngine('plan service targets', (getDatabase) => {
  test('ranked in row order without gaps', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      [
        aTargetChoice({ outcomeId: 'apprenticeship', plannedStart: '2027-09-01', note: 'Vet' }),
        aTargetChoice({ outcomeId: '' }),
        aTargetChoice({ outcomeId: 'supported-internship' }),
      ],
      'a',
    )

    assert.equal(versionOf(result), 1)
    const targets = (await plans.getPlan(scope, adaId))?.plan.targets
    assert.deepEqual(
      targets?.map((target) => [target.rank, target.outcomeId, target.plannedStart, target.note]),
      [
        [1, 'apprenticeship', '2027-09-01', 'Vet'],
        [2, 'supported-internship', null, null],
      ],
    )
    const [event] = await auditOf(db, adaId, 'plan.targets.set')
    assert.deepEqual((event?.details as Record<string, unknown>).targets, {
      from: [],
      to: [
        { rank: 1, outcome_id: 'apprenticeship', planned_start: '2027-09-01', note: 'Vet' },
        { rank: 2, outcome_id: 'supported-internship', planned_start: null, note: null },
      ],
    })
  })

  test('replaced and cleared', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    await plans.setTargets(
      scope,
      adaId,
      0,
      [aTargetChoice(), aTargetChoice({ outcomeId: 'apprenticeship' })],
      'a',
    )

    const swapped = await plans.setTargets(
      scope,
      adaId,
      1,
      [aTargetChoice({ outcomeId: 'apprenticeship' }), aTargetChoice()],
      'a',
    )
    const swappedTargets = (await plans.getPlan(scope, adaId))?.plan.targets
    const cleared = await plans.setTargets(scope, adaId, 2, [aTargetChoice({ outcomeId: '' })], 'a')

    assert.equal(versionOf(swapped), 2)
    assert.deepEqual(
      swappedTargets?.map((target) => target.outcomeId),
      ['apprenticeship', 'supported-internship'],
    )
    assert.equal(versionOf(cleared), 3)
    assert.deepEqual((await plans.getPlan(scope, adaId))?.plan.targets, [])
  })

  test('same targets again keep the version', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    await plans.setTargets(scope, adaId, 0, [aTargetChoice()], 'a')

    const again = await plans.setTargets(scope, adaId, 1, [aTargetChoice()], 'a')

    assert.equal(versionOf(again), 1)
  })

  test('every target error at once', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      [
        aTargetChoice({ outcomeId: 'supported-internship', plannedStart: '2040-01-01' }),
        aTargetChoice({ outcomeId: 'supported-internship' }),
        aTargetChoice({ outcomeId: 'astronaut', note: 'x'.repeat(2001) }),
      ],
      'a',
    )

    assert.deepEqual(errorsOf(result), {
      'target-1-start':
        'Planned start of choice 1 must be on or before 4 December 2031, 5 years from today',
      'target-2-outcome': planMessages.repeatedOutcome(2, 1, 'Supported internship'),
      'target-3-outcome': planMessages.unknownOutcome(3, 'astronaut'),
      'target-3-note': 'Note on choice 3 must be 2,000 characters or fewer',
    })
    assert.equal((await plans.getPlan(scope, adaId))?.plan.id, null)
  })

  test('more than three rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const ids = ['apprenticeship', 'supported-internship', 'paid-employment', 'traineeship']

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      ids.map((outcomeId) => aTargetChoice({ outcomeId })),
      'a',
    )

    assert.deepEqual(errorsOf(result), {
      'target-1-outcome': planMessages.tooManyTargets(['choice 4 (Traineeship)']),
    })
    assert.equal((await plans.getPlan(scope, adaId))?.plan.id, null)
  })

  test('blank rows beyond three ignored', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      [aTargetChoice(), aTargetChoice({ outcomeId: '' }), aTargetChoice({ outcomeId: '' })].concat(
        aTargetChoice({ outcomeId: '', plannedStart: { day: ' ', month: '', year: '' } }),
      ),
      'a',
    )

    assert.equal(versionOf(result), 1)
  })

  test('extra row with only a note rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const blank = aTargetChoice({ outcomeId: '' })

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      [aTargetChoice(), blank, blank, blank, aTargetChoice({ outcomeId: '', note: 'Later' })],
      'a',
    )

    assert.deepEqual(errorsOf(result), {
      'target-1-outcome': planMessages.tooManyTargets(['choice 5']),
    })
  })

  test('planned start before today rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      [
        aTargetChoice({ plannedStart: { day: '1', month: '2', year: '2020' } }),
        aTargetChoice({ outcomeId: 'apprenticeship', plannedStart: '2026-12-03' }),
        aTargetChoice({ outcomeId: 'traineeship', plannedStart: '2026-12-04' }),
      ],
      'a',
    )

    assert.deepEqual(errorsOf(result), {
      'target-1-start': planMessages.plannedStartPassed(1, '1 February 2020'),
      'target-2-start': planMessages.plannedStartPassed(2, '3 December 2026'),
    })
  })

  test('stored past start kept, changed one rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    // A start that was in the future when saved: the plan service of 1 September 2026 took it.
    const earlier = createPlanService(db, { today: () => '2026-09-01' })
    await earlier.setTargets(
      scope,
      adaId,
      0,
      [
        aTargetChoice({ plannedStart: '2026-09-01' }),
        aTargetChoice({ outcomeId: 'apprenticeship' }),
      ],
      'a',
    )

    const reordered = await plans.setTargets(
      scope,
      adaId,
      1,
      [
        aTargetChoice({ outcomeId: 'apprenticeship' }),
        aTargetChoice({ plannedStart: '2026-09-01', note: 'Started late' }),
      ],
      'a',
    )
    const moved = await plans.setTargets(
      scope,
      adaId,
      2,
      [aTargetChoice({ plannedStart: '2026-09-02' })],
      'a',
    )
    const swappedOutcome = await plans.setTargets(
      scope,
      adaId,
      2,
      [aTargetChoice({ outcomeId: 'traineeship', plannedStart: '2026-09-01' })],
      'a',
    )

    assert.equal(versionOf(reordered), 2)
    assert.deepEqual(errorsOf(moved), {
      'target-1-start': planMessages.plannedStartPassed(1, '2 September 2026'),
    })
    assert.deepEqual(errorsOf(swappedOutcome), {
      'target-1-start': planMessages.plannedStartPassed(1, '1 September 2026'),
    })
    const stored = (await plans.getPlan(scope, adaId))?.plan.targets
    assert.deepEqual(
      stored?.map((target) => [target.outcomeId, target.plannedStart]),
      [
        ['apprenticeship', null],
        ['supported-internship', '2026-09-01'],
      ],
    )
  })

  test('start without an outcome rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.setTargets(
      scope,
      adaId,
      0,
      [aTargetChoice({ outcomeId: '', plannedStart: { day: '1', month: '9', year: '2027' } })],
      'a',
    )

    assert.deepEqual(errorsOf(result), { 'target-1-outcome': planMessages.targetMissing(1) })
  })
})

forEachEngine('plan service validation', (getDatabase) => {
  test('aspiration errors all at once', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const blank = await plans.addPart(
      scope,
      adaId,
      'aspiration',
      0,
      { words: '  ', gatheredHow: '', recordedOn: '' },
      'a',
    )
    const wrong = await plans.addPart(
      scope,
      adaId,
      'aspiration',
      0,
      anAspiration({ words: 'x'.repeat(2001), gatheredHow: 'guess', recordedOn: '2026-12-05' }),
      'a',
    )

    assert.deepEqual(errorsOf(blank), {
      words: planMessages.wordsMissing,
      'gathered-how': planMessages.gatheredHow,
      'recorded-on': planMessages.recordedOnMissing,
    })
    assert.deepEqual(errorsOf(wrong), {
      words: 'Aspiration must be 2,000 characters or fewer',
      'gathered-how': planMessages.gatheredHow,
      'recorded-on': 'Date recorded must be today or in the past',
    })
    assert.equal((await plans.getPlan(scope, adaId))?.plan.id, null)
  })

  test('text at the limit accepted', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(
      scope,
      adaId,
      'aspiration',
      0,
      anAspiration({ words: `  ${'é'.repeat(2000)}  ` }),
      'a',
    )

    assert.equal(versionOf(result), 1)
    assert.equal((await plans.getPlan(scope, adaId))?.plan.aspirations[0]?.words.length, 2000)
  })

  test('date boxes checked', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const cases: [Record<string, string>, string, string][] = [
      [
        { day: '31', month: '2', year: '2026' },
        'Date recorded must be a real date, and 31/2/2026 is not one',
        'day',
      ],
      [{ day: '1', month: '', year: '' }, 'Date recorded must include a month and year', 'month'],
      [
        { day: '1', month: '2', year: '26' },
        'Date recorded must have a year of 4 numbers, such as 2026',
        'year',
      ],
      [
        { day: 'x', month: '2', year: '2026' },
        'Date recorded must be a real date, and x/2/2026 is not one',
        'day',
      ],
      [
        { day: '31', month: '12', year: '1999' },
        'Date recorded must be on or after 1 January 2000',
        'year',
      ],
    ]

    for (const [parts, message, part] of cases) {
      const recordedOn = { day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '' }
      const result = await plans.addPart(
        scope,
        adaId,
        'aspiration',
        0,
        anAspiration({ recordedOn }),
        'a',
      )
      assert.equal(outcomeOf(result), 'invalid', message)
      assert.deepEqual(!result.ok && result.error.code === 'invalid' && result.error.errors, [
        { field: 'recorded-on', message, part },
      ])
    }
  })

  test('date boxes accepted', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const recordedOn = { day: ' 1 ', month: '01', year: '2000' }

    const result = await plans.addPart(
      scope,
      adaId,
      'aspiration',
      0,
      anAspiration({ recordedOn }),
      'a',
    )

    assert.equal(versionOf(result), 1)
    assert.equal((await plans.getPlan(scope, adaId))?.plan.aspirations[0]?.recordedOn, '2000-01-01')
  })

  test('ISO date text checked', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(
      scope,
      adaId,
      'aspiration',
      0,
      anAspiration({ recordedOn: '2026-02-30' }),
      'a',
    )

    assert.deepEqual(errorsOf(result), {
      'recorded-on': 'Date recorded must be a real date, written yyyy-mm-dd, not "2026-02-30"',
    })
  })

  test('goal errors', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(
      scope,
      adaId,
      'goal',
      0,
      { area: 'hobbies', goal: '', status: 'maybe' },
      'a',
    )
    const tooLong = await plans.addPart(
      scope,
      adaId,
      'goal',
      0,
      aGoal({ goal: 'x'.repeat(2001) }),
      'a',
    )

    assert.deepEqual(errorsOf(result), {
      area: planMessages.area,
      goal: planMessages.goalMissing,
      status: planMessages.goalStatus,
    })
    assert.deepEqual(errorsOf(tooLong), { goal: 'Goal must be 2,000 characters or fewer' })
  })

  test('action errors', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const blank = await plans.addPart(
      scope,
      adaId,
      'action',
      0,
      { what: '', who: '', dueOn: '', status: '' },
      'a',
    )
    const wrong = await plans.addPart(
      scope,
      adaId,
      'action',
      0,
      anAction({ what: 'x'.repeat(2001), who: 'y'.repeat(501), dueOn: '2031-12-05' }),
      'a',
    )

    assert.deepEqual(errorsOf(blank), {
      what: planMessages.whatMissing,
      who: planMessages.whoMissing,
      status: planMessages.actionStatus,
    })
    assert.deepEqual(errorsOf(wrong), {
      what: 'What is to be done must be 2,000 characters or fewer',
      who: 'Who will do it must be 500 characters or fewer',
      'due-on': 'Date due must be on or before 4 December 2031, 5 years from today',
    })
  })

  test('action due five years ahead accepted', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(
      scope,
      adaId,
      'action',
      0,
      anAction({ dueOn: '2031-12-04' }),
      'a',
    )

    assert.equal(versionOf(result), 1)
  })

  test('review errors', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const blank = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      { heldOn: '', kind: '', participants: '', summary: '', nextReviewOn: '', pfaAreas: [] },
      'a',
    )
    const wrong = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({
        heldOn: '2026-11-25',
        nextReviewOn: '2026-11-24',
        participants: 'p'.repeat(501),
        summary: 's'.repeat(2001),
        pfaAreas: ['employment', 'hobbies'],
      }),
      'a',
    )

    assert.deepEqual(errorsOf(blank), {
      'held-on': planMessages.heldOnMissing,
      kind: planMessages.kind,
      participants: planMessages.participantsMissing,
      summary: planMessages.summaryMissing,
    })
    assert.deepEqual(errorsOf(wrong), {
      participants: 'Who took part must be 500 characters or fewer',
      summary: 'Summary must be 2,000 characters or fewer',
      'next-review-on': planMessages.nextBeforeHeld('25 November 2026'),
      'pfa-areas': planMessages.pfaArea,
    })
  })

  test('review held in the future rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({ heldOn: '2026-12-05' }),
      'a',
    )

    assert.deepEqual(errorsOf(result), { 'held-on': 'Date held must be today or in the past' })
  })

  test('annual review from Year 9 needs all areas', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId, yanId } = await setUpPlanSchool(db)

    const none = await plans.addPart(scope, adaId, 'review', 0, aReview({ pfaAreas: [] }), 'a')
    const oneArea = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({ pfaAreas: ['employment'] }),
      'a',
    )
    const yan = await plans.addPart(scope, yanId, 'review', 0, aReview({ pfaAreas: [] }), 'a')

    assert.deepEqual(errorsOf(none), {
      'pfa-areas': planMessages.pfaAreasMissing([
        'employment',
        'independent_living',
        'community',
        'health',
      ]),
    })
    assert.deepEqual(errorsOf(oneArea), {
      'pfa-areas': planMessages.pfaAreasMissing(['independent_living', 'community', 'health']),
    })
    assert.match(
      planMessages.pfaAreasMissing(['community']),
      /does not cover: Friends, relationships and community\. Tick each area/,
    )
    assert.equal((await plans.getPlan(scope, adaId))?.plan.id, null)
    assert.equal(versionOf(yan), 1)
    assert.equal((await plans.getPlan(scope, yanId))?.plan.reviews[0]?.pfaAreas.length, 0)
  })

  test('annual review with a reason saved', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const reason = 'Not covered: friends and community, because Ada asked to leave it to March'

    const result = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({
        pfaAreas: ['employment', 'independent_living', 'health'],
        pfaReason: ` ${reason} `,
      }),
      'a',
    )

    assert.equal(versionOf(result), 1)
    const review = (await plans.getPlan(scope, adaId))?.plan.reviews[0]
    assert.equal(review?.pfaReason, reason)
    assert.deepEqual(review?.pfaAreas, ['employment', 'independent_living', 'health'])
    const [event] = await auditOf(db, adaId, 'plan.review.add')
    assert.deepEqual((event?.details as Record<string, unknown>).pfa_reason, {
      from: null,
      to: reason,
    })
  })

  test('reason edited and audited', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)
    const first = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({ pfaAreas: ['health'], pfaReason: 'Ran out of time' }),
      'a',
    )
    const reviewId = first.ok ? (first.value.partId ?? 0) : 0

    const ticked = await plans.editPart(
      scope,
      adaId,
      'review',
      reviewId,
      1,
      aReview({ pfaReason: '' }),
      'b',
    )

    assert.equal(versionOf(ticked), 2)
    assert.equal((await plans.getPlan(scope, adaId))?.plan.reviews[0]?.pfaReason, null)
    const [edit] = await auditOf(db, adaId, 'plan.review.edit')
    assert.deepEqual((edit?.details as Record<string, unknown>).pfa_reason, {
      from: 'Ran out of time',
      to: null,
    })
  })

  test('reason with all areas rejected', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const result = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({ pfaReason: 'All done' }),
      'a',
    )
    const tooLong = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({ pfaAreas: [], pfaReason: 'r'.repeat(501) }),
      'a',
    )

    assert.deepEqual(errorsOf(result), { 'pfa-reason': planMessages.pfaReasonNotNeeded })
    assert.deepEqual(errorsOf(tooLong), {
      'pfa-reason': 'Which area was not covered and why must be 500 characters or fewer',
    })
  })

  test('other review kinds may miss areas', async () => {
    const { db } = getDatabase()
    const { plans, scope, adaId } = await setUpPlanSchool(db)

    const guidance = await plans.addPart(
      scope,
      adaId,
      'review',
      0,
      aReview({ kind: 'careers_guidance', pfaAreas: [] }),
      'a',
    )
    const transition = await plans.addPart(
      scope,
      adaId,
      'review',
      1,
      aReview({ kind: 'transition', pfaAreas: ['health'] }),
      'a',
    )

    assert.equal(versionOf(guidance), 1)
    assert.equal(versionOf(transition), 2)
  })

  test('year X student uses academic age on the review date', async () => {
    const { db } = getDatabase()
    // Born 1 September 2012: academic age 12 in 2025/26 and 13 in 2026/27.
    const setUp = await setUpPlanSchool(db, [{ ncYear: 'X', dateOfBirth: '2012-09-01' }])
    const { plans, scope } = setUp
    const studentId = setUp.ids[2] ?? 0

    const before = await plans.addPart(
      scope,
      studentId,
      'review',
      0,
      aReview({ heldOn: '2026-08-31', pfaAreas: [] }),
      'a',
    )
    const after = await plans.addPart(
      scope,
      studentId,
      'review',
      1,
      aReview({ heldOn: '2026-09-01', pfaAreas: [] }),
      'a',
    )

    assert.equal(versionOf(before), 1)
    assert.deepEqual(errorsOf(after), {
      'pfa-areas': planMessages.pfaAreasMissing([
        'employment',
        'independent_living',
        'community',
        'health',
      ]),
    })
  })
})

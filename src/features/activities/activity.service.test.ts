import assert from 'node:assert/strict'
import { test } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import { activityMessages } from '../../domain/careers-activities.js'
import { partsStamp } from './activity.js'
import { activityServiceMessages } from './activity.service.js'
import { anActivityInput, setUpActivitySchool } from './activity.test-data.js'
import { choiceMessages } from './student-choice.js'

forEachEngine('activity service', (getDatabase) => {
  async function auditRows(action: string) {
    return getDatabase()
      .db.selectFrom('audit_events')
      .select(['student_id', 'details', 'actor'])
      .where('action', '=', action)
      .orderBy('id')
      .execute()
  }

  test('records for a year group at once', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)

    const result = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')

    assert.equal(result.ok, true)
    if (!result.ok) return
    assert.equal(result.value.count, 3)
    const detail = await activities.getActivity(scope, result.value.id)
    assert.deepEqual(
      detail?.participants.map((participant) => participant.id).sort((a, b) => a - b),
      [ids.ava, ids.ben, ids.cal].sort((a, b) => a - b),
    )
    assert.equal(detail?.activity.benchmark, 5)
    assert.equal(detail?.activity.version, 1)
    const events = (await auditRows('activity.record')).filter((event) =>
      [ids.ava, ids.ben, ids.cal].includes(event.student_id ?? 0),
    )
    assert.equal(events.length, 3)
    const details = JSON.parse(String(events[0]?.details)) as Record<string, unknown>
    assert.equal(details.activity_id, result.value.id)
    assert.deepEqual(details.title, { from: null, to: 'Visit from the fire service' })
    assert.deepEqual(details.benchmark, { from: null, to: 5 })
  })

  test('records for a Career SEND group', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, { choice: { by: 'group', group: 'two' } })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.ok(result.ok)
    const detail = await activities.getActivity(scope, result.value.id)
    assert.deepEqual(
      detail?.participants.map((participant) => participant.id),
      [ids.cal],
    )
  })

  test('records for ticked students with a chosen benchmark', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, {
      kind: 'guidance_interview',
      benchmark: 3,
      choice: { by: 'students', studentIds: [ids.dee] },
    })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.ok(result.ok)
    const detail = await activities.getActivity(scope, result.value.id)
    assert.equal(detail?.activity.benchmark, 3)
    assert.deepEqual(
      detail?.participants.map((participant) => participant.name),
      ['Dee Dale'],
    )
  })

  test('left student is never chosen by year', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)

    const result = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')

    assert.ok(result.ok)
    const detail = await activities.getActivity(scope, result.value.id)
    assert.ok(!detail?.participants.some((participant) => participant.id === ids.eve))
  })

  test('ticked left student rejected', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, {
      choice: { by: 'students', studentIds: [ids.ava, ids.eve] },
    })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.deepEqual(result, {
      ok: false,
      error: {
        code: 'invalid',
        problems: [{ field: 'students', message: choiceMessages.left('Eve Evans') }],
      },
    })
  })

  test('nothing written when one check fails', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, { title: '   ', heldOn: '1999-12-31' })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.ok(!result.ok)
    assert.equal(result.error.code, 'invalid')
    if (result.error.code !== 'invalid') return
    assert.deepEqual(result.error.problems, [
      { field: 'title', message: activityMessages.titleMissing },
      { field: 'heldOn', message: activityMessages.dateTooEarly },
    ])
    const listed = await activities.listActivities(scope, { schoolId: school.id })
    assert.equal(listed.total, 0)
  })

  test('empty year group rejected', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, { choice: { by: 'year', yearGroup: '7' } })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.deepEqual(result, {
      ok: false,
      error: {
        code: 'invalid',
        problems: [{ field: 'students', message: choiceMessages.emptyYear('7') }],
      },
    })
  })

  test('no ticked students rejected', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, { choice: { by: 'students', studentIds: [] } })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.ok(!result.ok)
    assert.equal(result.error.code, 'invalid')
    if (result.error.code !== 'invalid') return
    assert.deepEqual(result.error.problems, [
      { field: 'students', message: choiceMessages.noneTicked },
    ])
  })

  test('other school student rejected', async () => {
    const { db } = getDatabase()
    const first = await setUpActivitySchool(db)
    const second = await setUpActivitySchool(db)
    const bothSchools = { schoolIds: [first.school.id, second.school.id] }
    const input = anActivityInput(first.school.id, {
      choice: { by: 'students', studentIds: [first.ids.ava, second.ids.ben] },
    })

    const outOfScope = await first.activities.recordActivity(first.scope, input, 'leader')
    const wrongSchool = await first.activities.recordActivity(bothSchools, input, 'leader')

    assert.ok(!outOfScope.ok)
    assert.equal(outOfScope.error.code, 'invalid')
    if (outOfScope.error.code !== 'invalid') return
    assert.deepEqual(outOfScope.error.problems, [
      { field: 'students', message: choiceMessages.unknown(second.ids.ben) },
    ])
    assert.ok(!wrongSchool.ok)
    assert.equal(wrongSchool.error.code, 'invalid')
    if (wrongSchool.error.code !== 'invalid') return
    assert.deepEqual(wrongSchool.error.problems, [
      { field: 'students', message: choiceMessages.otherSchool('Ben Bishop') },
    ])
  })

  test('school outside scope rejected', async () => {
    const { db } = getDatabase()
    const first = await setUpActivitySchool(db)
    const second = await setUpActivitySchool(db)

    const result = await first.activities.recordActivity(
      first.scope,
      anActivityInput(second.school.id),
      'leader',
    )

    assert.ok(!result.ok)
    assert.equal(result.error.code, 'invalid')
    if (result.error.code !== 'invalid') return
    assert.equal(result.error.problems[0]?.field, 'school')
  })

  test('change audited for each student', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)

    const changed = await activities.changeActivity(
      scope,
      recorded.value.id,
      1,
      { ...anActivityInput(school.id), title: 'Fire station visit' },
      'senco',
    )

    assert.ok(changed.ok)
    assert.equal(changed.value.version, 2)
    const events = (await auditRows('activity.change')).filter(
      (event) => event.student_id === ids.ava,
    )
    assert.equal(events.length, 1)
    assert.deepEqual(JSON.parse(String(events[0]?.details)), {
      activity_id: recorded.value.id,
      title: { from: 'Visit from the fire service', to: 'Fire station visit' },
    })
  })

  test('old version refused as a conflict', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const first = { ...anActivityInput(school.id), title: 'First edit' }
    const second = { ...anActivityInput(school.id), title: 'Second edit' }

    await activities.changeActivity(scope, id, 1, first, 'leader')
    const late = await activities.changeActivity(scope, id, 1, second, 'senco')

    assert.ok(!late.ok)
    assert.equal(late.error.code, 'conflict')
    if (late.error.code !== 'conflict') return
    assert.equal(late.error.message, activityServiceMessages.conflict)
    assert.equal(late.error.current.title, 'First edit')
    assert.equal(late.error.current.version, 2)
    const stored = await activities.getActivity(scope, id)
    assert.equal(stored?.activity.title, 'First edit')
  })

  test('invalid change keeps the stored activity', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)

    const result = await activities.changeActivity(
      scope,
      recorded.value.id,
      1,
      { ...anActivityInput(school.id), benchmark: 9 },
      'leader',
    )

    assert.ok(!result.ok)
    assert.equal(result.error.code, 'invalid')
    if (result.error.code !== 'invalid') return
    assert.equal(result.error.problems[0]?.field, 'benchmark')
    assert.equal((await activities.getActivity(scope, recorded.value.id))?.activity.version, 1)
  })

  test('student part recorded and audited', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const part = { adjustments: 'Ear defenders', reflection: 'Liked the engine' }

    const saved = await activities.changeStudentPart(
      scope,
      recorded.value.id,
      ids.ava,
      1,
      part,
      'tutor',
    )

    assert.ok(saved.ok)
    const ava = (await activities.getActivity(scope, recorded.value.id))?.participants.find(
      (participant) => participant.id === ids.ava,
    )
    assert.equal(ava?.adjustments, 'Ear defenders')
    assert.equal(ava?.reflection, 'Liked the engine')
    const events = (await auditRows('activity.student.change')).filter(
      (event) => event.student_id === ids.ava,
    )
    assert.deepEqual(JSON.parse(String(events.at(-1)?.details)), {
      activity_id: recorded.value.id,
      adjustments: { from: null, to: 'Ear defenders' },
      reflection: { from: null, to: 'Liked the engine' },
    })
  })

  test('student added then removed', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id

    const added = await activities.addStudent(scope, id, ids.dee, 'leader')
    const twice = await activities.addStudent(scope, id, ids.dee, 'leader')
    const removed = await activities.removeStudent(scope, id, ids.dee, 1, 'leader')

    assert.equal(added.ok, true)
    assert.deepEqual(twice, {
      ok: false,
      error: {
        code: 'invalid',
        problems: [{ field: 'student', message: activityServiceMessages.alreadyOn('Dee Dale') }],
      },
    })
    assert.equal(removed.ok, true)
    const after = await activities.getActivity(scope, id)
    assert.equal(after?.participants.length, 3)
    const addEvents = (await auditRows('activity.student.add')).filter(
      (event) => event.student_id === ids.dee,
    )
    const removeEvents = (await auditRows('activity.student.remove')).filter(
      (event) => event.student_id === ids.dee,
    )
    assert.equal(addEvents.length, 1)
    assert.equal(removeEvents.length, 1)
    const removal = JSON.parse(String(removeEvents[0]?.details)) as Record<string, unknown>
    assert.deepEqual(removal.title, { from: 'Visit from the fire service', to: null })
  })

  test('left student cannot be added', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)

    const result = await activities.addStudent(scope, recorded.value.id, ids.eve, 'leader')

    assert.ok(!result.ok)
    assert.equal(result.error.code, 'invalid')
    if (result.error.code !== 'invalid') return
    assert.deepEqual(result.error.problems, [
      { field: 'student', message: choiceMessages.left('Eve Evans') },
    ])
  })

  test('last student cannot be removed', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, { choice: { by: 'students', studentIds: [ids.dee] } })
    const recorded = await activities.recordActivity(scope, input, 'leader')
    assert.ok(recorded.ok)

    const result = await activities.removeStudent(scope, recorded.value.id, ids.dee, 1, 'leader')

    assert.ok(!result.ok)
    assert.equal(result.error.code, 'invalid')
    if (result.error.code !== 'invalid') return
    assert.equal(result.error.problems[0]?.message, activityServiceMessages.lastStudent)
  })

  test('other school activity not found', async () => {
    const { db } = getDatabase()
    const first = await setUpActivitySchool(db)
    const second = await setUpActivitySchool(db)
    const recorded = await second.activities.recordActivity(
      second.scope,
      anActivityInput(second.school.id),
      'leader',
    )
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const input = anActivityInput(second.school.id)

    assert.equal(await first.activities.getActivity(first.scope, id), null)
    const changed = await first.activities.changeActivity(first.scope, id, 1, input, 'x')
    const part = { adjustments: 'x', reflection: null }
    const parted = await first.activities.changeStudentPart(
      first.scope,
      id,
      second.ids.ava,
      1,
      part,
      'x',
    )
    const removed = await first.activities.removeStudent(first.scope, id, second.ids.ava, 1, 'x')
    const added = await first.activities.addStudent(first.scope, id, first.ids.ava, 'x')
    const stamp = partsStamp((await second.activities.getActivity(second.scope, id))!.participants)
    const expected = { version: 1, parts: stamp }
    const deleted = await first.activities.deleteActivity(first.scope, id, expected, 'x')

    for (const result of [changed, parted, removed, added, deleted]) {
      assert.ok(!result.ok)
      assert.equal(result.error.code, 'not_found')
    }
    assert.equal(await first.activities.studentActivities(first.scope, second.ids.ava), null)
    assert.ok(await second.activities.getActivity(second.scope, id))
  })

  test('cohort coverage by year group', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    await activities.recordActivity(
      scope,
      anActivityInput(school.id, {
        kind: 'guidance_interview',
        heldOn: '2025-06-30',
        choice: { by: 'students', studentIds: [ids.ava] },
      }),
      'leader',
    )

    const coverage = await activities.cohortCoverage(scope, school.id)

    assert.deepEqual(
      coverage.map((row) => [row.yearGroup, row.students]),
      [
        ['10', 3],
        ['11', 1],
      ],
    )
    const year10 = coverage[0]!.benchmarks
    assert.equal(year10.find((item) => item.benchmark === 5)?.covered, 3)
    assert.equal(year10.find((item) => item.benchmark === 8)?.covered, 1)
    assert.equal(coverage[1]!.benchmarks.find((item) => item.benchmark === 5)?.covered, 0)
  })

  test('student activities with coverage', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    await activities.recordActivity(
      scope,
      anActivityInput(school.id, { title: 'Careers fair', heldOn: '2026-12-01' }),
      'leader',
    )

    const result = await activities.studentActivities(scope, ids.ben)

    assert.deepEqual(
      result?.activities.map((activity) => activity.title),
      ['Careers fair', 'Visit from the fire service'],
    )
    assert.deepEqual(
      result?.coverage.find((item) => item.benchmark === 5),
      { benchmark: 5, count: 2, latest: '2026-12-01', planned: 0, nextPlanned: null },
    )
  })

  test('list filters by benchmark and year group', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    await activities.recordActivity(
      scope,
      anActivityInput(school.id, {
        kind: 'education_encounter',
        title: 'College open day',
        choice: { by: 'students', studentIds: [ids.dee] },
      }),
      'leader',
    )

    const all = await activities.listActivities(scope, { schoolId: school.id })
    const benchmark7 = await activities.listActivities(scope, { schoolId: school.id, benchmark: 7 })
    const year10 = await activities.listActivities(scope, { schoolId: school.id, yearGroup: '10' })

    assert.equal(all.total, 2)
    assert.deepEqual(
      benchmark7.items.map((item) => [item.title, item.studentCount]),
      [['College open day', 1]],
    )
    assert.deepEqual(
      year10.items.map((item) => [item.title, item.studentCount]),
      [['Visit from the fire service', 3]],
    )
  })

  test('stale student part rejected, then saved', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const first = { adjustments: 'Ear defenders', reflection: 'A: enjoyed the visit' }
    const second = { adjustments: null, reflection: 'B: was anxious' }

    const saved = await activities.changeStudentPart(scope, id, ids.ava, 1, first, 'leader')
    const late = await activities.changeStudentPart(scope, id, ids.ava, 1, second, 'admin')

    assert.ok(saved.ok)
    assert.equal(saved.value.version, 2)
    assert.ok(!late.ok)
    assert.equal(late.error.code, 'conflict')
    if (late.error.code !== 'conflict') return
    assert.equal(late.error.message, activityServiceMessages.partConflict)
    assert.equal(late.error.current.reflection, 'A: enjoyed the visit')
    assert.equal(late.error.current.adjustments, 'Ear defenders')
    assert.equal(late.error.current.version, 2)
    const stored = (await activities.getActivity(scope, id))?.participants.find(
      (participant) => participant.id === ids.ava,
    )
    assert.equal(stored?.reflection, 'A: enjoyed the visit')

    const again = await activities.changeStudentPart(scope, id, ids.ava, 2, second, 'admin')

    assert.ok(again.ok)
    assert.equal(again.value.version, 3)
    assert.equal(again.value.reflection, 'B: was anxious')
    assert.equal(again.value.adjustments, null)
  })

  test('student part version is per student', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const part = { adjustments: null, reflection: 'Asked about the ladder' }

    await activities.changeStudentPart(scope, id, ids.ava, 1, part, 'leader')
    const ben = await activities.changeStudentPart(scope, id, ids.ben, 1, part, 'leader')

    assert.ok(ben.ok)
    const detail = await activities.getActivity(scope, id)
    assert.equal(detail?.activity.version, 1)
  })

  test('stale remove rejected', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const part = { adjustments: null, reflection: 'Typed after the confirm page opened' }
    await activities.changeStudentPart(scope, id, ids.ava, 1, part, 'senco')

    const removed = await activities.removeStudent(scope, id, ids.ava, 1, 'leader')

    assert.ok(!removed.ok)
    assert.equal(removed.error.code, 'conflict')
    if (removed.error.code !== 'conflict') return
    assert.equal(removed.error.message, activityServiceMessages.removeConflict)
    assert.equal(removed.error.current.reflection, part.reflection)
    const detail = await activities.getActivity(scope, id)
    assert.ok(detail?.participants.some((participant) => participant.id === ids.ava))
    const removals = await auditRows('activity.student.remove')
    assert.ok(!removals.some((event) => event.student_id === ids.ava))
  })

  test('activity deleted with every part', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const part = { adjustments: 'Ear defenders', reflection: 'Liked the engine' }
    await activities.changeStudentPart(scope, id, ids.ava, 1, part, 'tutor')
    const detail = await activities.getActivity(scope, id)
    const expected = { version: 1, parts: partsStamp(detail!.participants) }

    const deleted = await activities.deleteActivity(scope, id, expected, 'leader')

    assert.deepEqual(deleted, { ok: true, value: { schoolId: school.id, count: 3 } })
    assert.equal(await activities.getActivity(scope, id), null)
    const parts = await db
      .selectFrom('careers_activity_students')
      .select('id')
      .where('activity_id', '=', id)
      .execute()
    assert.equal(parts.length, 0)
    assert.equal((await activities.studentActivities(scope, ids.ava))?.activities.length, 0)
    const events = (await auditRows('activity.delete')).filter((event) =>
      [ids.ava, ids.ben, ids.cal].includes(event.student_id ?? 0),
    )
    assert.equal(events.length, 3)
    const ava = events.find((event) => event.student_id === ids.ava)
    const details = JSON.parse(String(ava?.details)) as Record<string, unknown>
    assert.equal(details.activity_id, id)
    assert.deepEqual(details.title, { from: 'Visit from the fire service', to: null })
    assert.deepEqual(details.student_adjustments, { from: 'Ear defenders', to: null })
    assert.deepEqual(details.reflection, { from: 'Liked the engine', to: null })
    assert.equal(ava?.actor, 'leader')
  })

  test('delete rejected after an activity edit', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const opened = await activities.getActivity(scope, id)
    const expected = { version: 1, parts: partsStamp(opened!.participants) }
    const edit = { ...anActivityInput(school.id), title: 'Renamed meanwhile' }
    await activities.changeActivity(scope, id, 1, edit, 'senco')

    const deleted = await activities.deleteActivity(scope, id, expected, 'leader')

    assert.ok(!deleted.ok)
    assert.equal(deleted.error.code, 'conflict')
    if (deleted.error.code !== 'conflict') return
    assert.equal(deleted.error.message, activityServiceMessages.deleteConflict)
    assert.equal(deleted.error.current.activity.title, 'Renamed meanwhile')
    assert.equal((await activities.getActivity(scope, id))?.activity.version, 2)
    const deletions = await auditRows('activity.delete')
    assert.ok(!deletions.some((event) => event.student_id === ids.ava))
  })

  test('delete rejected after a part change', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const opened = await activities.getActivity(scope, id)
    const expected = { version: 1, parts: partsStamp(opened!.participants) }
    const part = { adjustments: null, reflection: 'Saved meanwhile' }
    await activities.changeStudentPart(scope, id, ids.ben, 1, part, 'senco')

    const deleted = await activities.deleteActivity(scope, id, expected, 'leader')
    const added = await activities.addStudent(scope, id, ids.dee, 'senco')
    const refreshed = partsStamp((await activities.getActivity(scope, id))!.participants)
    const afterAdd = await activities.deleteActivity(
      scope,
      id,
      { version: 1, parts: partsStamp(opened!.participants) },
      'leader',
    )
    const current = await activities.deleteActivity(
      scope,
      id,
      { version: 1, parts: refreshed },
      'leader',
    )

    assert.ok(!deleted.ok)
    assert.equal(deleted.error.code, 'conflict')
    assert.ok(added.ok)
    assert.ok(!afterAdd.ok)
    assert.equal(afterAdd.error.code, 'conflict')
    assert.deepEqual(current, { ok: true, value: { schoolId: school.id, count: 4 } })
  })

  test('deleted activity not found again', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const recorded = await activities.recordActivity(scope, anActivityInput(school.id), 'leader')
    assert.ok(recorded.ok)
    const id = recorded.value.id
    const opened = await activities.getActivity(scope, id)
    const expected = { version: 1, parts: partsStamp(opened!.participants) }

    await activities.deleteActivity(scope, id, expected, 'leader')
    const twice = await activities.deleteActivity(scope, id, expected, 'leader')

    assert.ok(!twice.ok)
    assert.equal(twice.error.code, 'not_found')
  })

  test('planned activity not counted yet', async () => {
    const { db } = getDatabase()
    const { activities, school, scope, ids } = await setUpActivitySchool(db)
    // The test clock reads 4 December 2026, so this activity is planned.
    const planned = anActivityInput(school.id, { title: 'Planned visit', heldOn: '2027-03-01' })
    const held = anActivityInput(school.id, {
      title: 'Held today',
      heldOn: '2026-12-04',
      choice: { by: 'students', studentIds: [ids.ava] },
    })
    await activities.recordActivity(scope, planned, 'leader')
    await activities.recordActivity(scope, held, 'leader')

    const coverage = await activities.cohortCoverage(scope, school.id)
    const listed = await activities.listActivities(scope, { schoolId: school.id })
    const ben = await activities.studentActivities(scope, ids.ben)
    const ava = await activities.studentActivities(scope, ids.ava)

    const year10 = coverage.find((row) => row.yearGroup === '10')!
    assert.equal(year10.benchmarks.find((item) => item.benchmark === 5)?.covered, 1)
    assert.deepEqual(
      listed.items.map((item) => [item.title, item.planned]),
      [
        ['Planned visit', true],
        ['Held today', false],
      ],
    )
    assert.deepEqual(
      ben?.coverage.find((item) => item.benchmark === 5),
      { benchmark: 5, count: 0, latest: null, planned: 1, nextPlanned: '2027-03-01' },
    )
    assert.equal(ben?.activities[0]?.planned, true)
    assert.deepEqual(
      ava?.coverage.find((item) => item.benchmark === 5),
      { benchmark: 5, count: 1, latest: '2026-12-04', planned: 1, nextPlanned: '2027-03-01' },
    )
  })

  test('empty kind blames the kind', async () => {
    const { db } = getDatabase()
    const { activities, school, scope } = await setUpActivitySchool(db)
    const input = anActivityInput(school.id, { kind: '', benchmark: null })

    const result = await activities.recordActivity(scope, input, 'leader')

    assert.deepEqual(result, {
      ok: false,
      error: {
        code: 'invalid',
        problems: [{ field: 'kind', message: activityMessages.kindForBenchmark }],
      },
    })
  })
})

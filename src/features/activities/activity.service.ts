import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { checkActivityFields, MAX_NOTE_LENGTH } from '../../domain/careers-activities.js'
import { controlCharacterProblem } from '../../domain/text.js'
import type { ActivityFields } from '../../domain/careers-activities.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { AuditAction } from '../audit/audit.repository.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import {
  activityFieldsOf,
  auditValues,
  optionalText,
  partsStamp,
  studentPartMessages,
  toActivity,
  toActivityFields,
  toParticipant,
} from './activity.js'
import type { Activity, ActivityInput, Participant, Problem, StudentPartInput } from './activity.js'
import { createActivityReads } from './activity.reads.js'
import type { ActivityDetail } from './activity.reads.js'
import * as repository from './activity.repository.js'
import type { StudentChoice } from './activity.repository.js'
import { chosenStudentProblems } from './student-choice.js'
import { todayInEngland } from '../eligibility/reference-date.js'

/** A service error. `Current` is the stored record a conflict returns, by default the activity. */
export type ActivityError<Current = Activity> =
  | { code: 'not_found'; message: string }
  | { code: 'invalid'; problems: Problem[] }
  /** Someone saved the record after the form was opened; `current` is what is stored now. */
  | { code: 'conflict'; message: string; current: Current }

export type ActivityResult<T, Current = Activity> =
  { ok: true; value: T } | { ok: false; error: ActivityError<Current> }

/** What a delete removed: the activity's school and the number of students it was recorded for. */
export interface DeletedActivity {
  schoolId: number
  count: number
}

/** The versions a delete confirm page was opened at: the activity's, and its students' parts. */
export interface DeleteExpectation {
  version: number
  parts: string
}

export interface RecordActivityInput extends ActivityInput {
  schoolId: number
  choice: StudentChoice
}

export const activityServiceMessages = {
  notFound: 'Activity not found',
  studentNotFound: 'Student not found on this activity',
  school: 'Select a school from the list',
  conflict:
    'Someone else saved this activity after you opened it. Your answers are kept below: ' +
    'check them against the saved details and save again',
  partConflict:
    'Someone else saved this student’s adjustments or reflection after you opened this page. ' +
    'Your answers are kept below: check them against the saved ones and save again',
  removeConflict:
    'Someone else changed this student’s part in the activity after you opened this page. ' +
    'Check what is saved now and confirm again',
  deleteConflict:
    'Someone else changed this activity or a student on it after you opened this page. ' +
    'Check what is saved now and confirm again',
  lastStudent:
    'An activity needs at least one student. Add another student before removing this one, ' +
    'or delete the whole activity',
  alreadyOn: (name: string) => `${name} is already on this activity`,
}

const notFound = {
  ok: false,
  error: { code: 'not_found', message: activityServiceMessages.notFound },
} as const
function invalid(problems: Problem[]) {
  return { ok: false as const, error: { code: 'invalid' as const, problems } }
}
function conflict<Current>(message: string, current: Current) {
  return { ok: false as const, error: { code: 'conflict' as const, message, current } }
}

/** Carries a result out of a transaction callback so that the transaction is rolled back. */
class RollBack<T> extends Error {
  constructor(readonly result: T) {
    super('Transaction rolled back')
  }
}

/** Records, changes and reads careers activities, writing an audit event for each student. */
export function createActivityService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())

  async function audit(
    trx: Kysely<Tables>,
    action: AuditAction,
    by: string,
    activity: { id: number; schoolId: number },
    studentIds: number[],
    changes: Record<string, { from: unknown; to: unknown }>,
  ) {
    const at = clock().toISOString()
    for (const studentId of studentIds) {
      await insertAuditEvent(trx, {
        at,
        actor: by,
        action,
        schoolId: activity.schoolId,
        studentId,
        details: { activity_id: activity.id, ...changes },
      })
    }
  }

  /** Records one activity for every chosen student, in one transaction, or for none. */
  function recordActivity(scope: Scope, input: RecordActivityInput, by: string) {
    return db
      .transaction()
      .execute(async (trx): Promise<ActivityResult<{ id: number; count: number }>> => {
        const now = clock().toISOString()
        const fields = toActivityFields(input)
        const problems: Problem[] = checkActivityFields(fields, todayInEngland(new Date(now)))
        if (!scope.schoolIds.includes(input.schoolId)) {
          return invalid([
            { field: 'school', message: activityServiceMessages.school },
            ...problems,
          ])
        }
        const chosen = await repository.findChosenStudents(
          trx,
          scope.schoolIds,
          input.schoolId,
          input.choice,
        )
        problems.push(...chosenStudentProblems(input.choice, chosen, input.schoolId))
        if (problems.length > 0) return invalid(problems)

        const stamps = { created_by: by, created_at: now, updated_by: by, updated_at: now }
        const id = await repository.insertActivity(trx, {
          school_id: input.schoolId,
          ...toColumns(checked(fields)),
          ...stamps,
        })
        const activity = { id, schoolId: input.schoolId }
        const studentIds = chosen.map((student) => student.id)
        await repository.insertParticipants(trx, activity, studentIds)
        const changes = fieldChanges(null, fields)
        await audit(trx, 'activity.record', by, activity, studentIds, changes)
        return { ok: true, value: { id, count: studentIds.length } }
      })
  }

  /**
   * Changes an activity's shared fields, only if it is still at `version`. Every student on it
   * gets an audit event with the fields that changed.
   */
  function changeActivity(
    scope: Scope,
    id: number,
    version: number,
    input: ActivityInput,
    by: string,
  ) {
    return db.transaction().execute(async (trx): Promise<ActivityResult<Activity>> => {
      const row = await repository.findActivity(trx, scope.schoolIds, id)
      if (!row) return notFound
      const before = toActivity(row)
      const now = clock().toISOString()
      const fields = toActivityFields(input)
      const problems = checkActivityFields(fields, todayInEngland(new Date(now)))
      if (problems.length > 0) return invalid(problems)

      const stale = conflict(activityServiceMessages.conflict, before)
      if (before.version !== version) return stale
      const valid = checked(fields)
      const changes = fieldChanges(activityFieldsOf(before), valid)
      if (Object.keys(changes).length === 0) return { ok: true, value: before }

      const values = { ...toColumns(valid), updated_by: by, updated_at: now }
      const saved = await repository.updateActivityAtVersion(
        trx,
        scope.schoolIds,
        id,
        version,
        values,
      )
      if (!saved) return stale
      const participants = await repository.listParticipants(trx, scope.schoolIds, id)
      const studentIds = participants.map((participant) => participant.id)
      await audit(trx, 'activity.change', by, before, studentIds, changes)
      return { ok: true, value: { ...before, ...valid, version: version + 1 } }
    })
  }

  /** Adds one current student of the activity's school to it. */
  function addStudent(scope: Scope, activityId: number, studentId: number, by: string) {
    return db.transaction().execute(async (trx): Promise<ActivityResult<Participant>> => {
      const row = await repository.findActivity(trx, scope.schoolIds, activityId)
      if (!row) return notFound
      const activity = toActivity(row)
      const choice: StudentChoice = { by: 'students', studentIds: [studentId] }
      const chosen = await repository.findChosenStudents(
        trx,
        scope.schoolIds,
        activity.schoolId,
        choice,
      )
      const problems = chosenStudentProblems(choice, chosen, activity.schoolId)
      if (problems.length > 0)
        return invalid(problems.map((problem) => ({ ...problem, field: 'student' })))

      const participants = await repository.listParticipants(trx, scope.schoolIds, activityId)
      const student = toParticipant({
        ...chosen[0]!,
        adjustments: null,
        reflection: null,
        version: 1,
      })
      if (participants.some((participant) => participant.id === studentId)) {
        return invalid([
          { field: 'student', message: activityServiceMessages.alreadyOn(student.name) },
        ])
      }

      await repository.insertParticipants(trx, activity, [studentId])
      await repository.touchActivity(trx, activityId, by, clock().toISOString())
      const changes = fieldChanges(null, activityFieldsOf(activity))
      await audit(trx, 'activity.student.add', by, activity, [studentId], changes)
      return { ok: true, value: student }
    })
  }

  /**
   * Records a student's own adjustments and reflection on an activity, only if their part is
   * still at `version`.
   */
  function changeStudentPart(
    scope: Scope,
    activityId: number,
    studentId: number,
    version: number,
    input: StudentPartInput,
    by: string,
  ) {
    return db
      .transaction()
      .execute(async (trx): Promise<ActivityResult<Participant, Participant>> => {
        const found = await findParticipant(trx, scope, activityId, studentId)
        if (!found) return notFound
        const part = {
          adjustments: optionalText(input.adjustments),
          reflection: optionalText(input.reflection),
        }
        const problems = studentPartProblems(part)
        if (problems.length > 0) return invalid(problems)

        const stale = conflict(activityServiceMessages.partConflict, found.participant)
        if (found.participant.version !== version) return stale
        const changes: Record<string, { from: unknown; to: unknown }> = {}
        for (const key of ['adjustments', 'reflection'] as const) {
          if (found.participant[key] !== part[key]) {
            changes[key] = { from: found.participant[key], to: part[key] }
          }
        }
        if (Object.keys(changes).length === 0) return { ok: true, value: found.participant }

        const where = { activityId, studentId, version }
        const saved = await repository.updateParticipantAtVersion(trx, scope.schoolIds, where, part)
        if (!saved) return stale
        await repository.touchActivity(trx, activityId, by, clock().toISOString())
        await audit(trx, 'activity.student.change', by, found.activity, [studentId], changes)
        return { ok: true, value: { ...found.participant, ...part, version: version + 1 } }
      })
  }

  /**
   * Takes a student off an activity, unless they are the only one on it or their part changed
   * after `version`.
   */
  function removeStudent(
    scope: Scope,
    activityId: number,
    studentId: number,
    version: number,
    by: string,
  ) {
    return db
      .transaction()
      .execute(async (trx): Promise<ActivityResult<Participant, Participant>> => {
        const found = await findParticipant(trx, scope, activityId, studentId)
        if (!found) return notFound
        if (found.count === 1) {
          return invalid([{ field: 'student', message: activityServiceMessages.lastStudent }])
        }
        const stale = conflict(activityServiceMessages.removeConflict, found.participant)
        if (found.participant.version !== version) return stale

        const where = { activityId, studentId, version }
        const removed = await repository.deleteParticipantAtVersion(trx, scope.schoolIds, where)
        if (!removed) return stale
        await repository.touchActivity(trx, activityId, by, clock().toISOString())
        const { adjustments, reflection } = found.participant
        const changes = {
          ...fieldChanges(activityFieldsOf(found.activity), null),
          student_adjustments: { from: adjustments, to: null },
          reflection: { from: reflection, to: null },
        }
        await audit(trx, 'activity.student.remove', by, found.activity, [studentId], changes)
        return { ok: true, value: found.participant }
      })
  }

  /**
   * Deletes an activity and every student's part in it, in one transaction, if neither the
   * activity nor any student's part changed since the confirm page was opened. Each student gets
   * an audit event with the activity's fields and their own part.
   */
  async function deleteActivity(
    scope: Scope,
    id: number,
    expected: DeleteExpectation,
    by: string,
  ): Promise<ActivityResult<DeletedActivity, ActivityDetail>> {
    try {
      return await db.transaction().execute(async (trx) => {
        const row = await repository.findActivity(trx, scope.schoolIds, id)
        if (!row) return notFound
        const activity = toActivity(row)
        const staleWith = (participants: Participant[]) =>
          conflict(activityServiceMessages.deleteConflict, { activity, participants })
        const before = (await repository.listParticipants(trx, scope.schoolIds, id)).map(
          toParticipant,
        )
        if (activity.version !== expected.version || partsStamp(before) !== expected.parts) {
          return staleWith(before)
        }

        // The version is raised first: on PostgreSQL this locks the activity's row, so an edit
        // of the activity waits for this transaction, and a concurrent delete finds no match.
        // NOTE: a student's part saved at the same moment locks its own row before the activity's,
        // so PostgreSQL can end one of the two with a deadlock error. Nothing is lost, but that
        // request fails with a server error. No test covers this interleaving.
        const locked = await repository.raiseActivityVersion(
          trx,
          scope.schoolIds,
          id,
          activity.version,
        )
        if (!locked) return staleWith(before)
        const participants = (await repository.listParticipants(trx, scope.schoolIds, id)).map(
          toParticipant,
        )
        if (partsStamp(participants) !== expected.parts) {
          throw new RollBack(staleWith(participants))
        }

        await repository.deleteActivity(trx, scope.schoolIds, id)
        const shared = fieldChanges(activityFieldsOf(activity), null)
        for (const participant of participants) {
          await audit(trx, 'activity.delete', by, activity, [participant.id], {
            ...shared,
            student_adjustments: { from: participant.adjustments, to: null },
            reflection: { from: participant.reflection, to: null },
          })
        }
        return {
          ok: true as const,
          value: { schoolId: activity.schoolId, count: participants.length },
        }
      })
    } catch (error) {
      if (error instanceof RollBack) {
        return error.result as ActivityResult<DeletedActivity, ActivityDetail>
      }
      throw error
    }
  }

  async function findParticipant(
    trx: Kysely<Tables>,
    scope: Scope,
    activityId: number,
    studentId: number,
  ) {
    const row = await repository.findActivity(trx, scope.schoolIds, activityId)
    if (!row) return null
    const participants = await repository.listParticipants(trx, scope.schoolIds, activityId)
    const participant = participants.find((candidate) => candidate.id === studentId)
    if (!participant) return null
    return {
      activity: toActivity(row),
      participant: toParticipant(participant),
      count: participants.length,
    }
  }

  return {
    recordActivity,
    changeActivity,
    addStudent,
    changeStudentPart,
    removeStudent,
    deleteActivity,
    ...createActivityReads(db, clock),
  }
}

export type ActivityService = ReturnType<typeof createActivityService>

/** Fields that passed `checkActivityFields`, so they have a benchmark. */
type CheckedFields = ActivityFields & { benchmark: number }

function checked(fields: ActivityFields): CheckedFields {
  const { benchmark } = fields
  if (benchmark === null) throw new Error('An activity without a benchmark passed the checks')
  return { ...fields, benchmark }
}

function toColumns(fields: CheckedFields) {
  const { kind, title, heldOn, provider, benchmark, adjustments } = fields
  return { kind, title, held_on: heldOn, provider, benchmark, adjustments }
}

/** Lists the fields that differ between two versions, with null standing for "no activity". */
function fieldChanges(before: ActivityFields | null, after: ActivityFields | null) {
  const from = before ? auditValues(before) : null
  const to = after ? auditValues(after) : null
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(from ?? to ?? {}) as (keyof ReturnType<typeof auditValues>)[]) {
    const old = from?.[key] ?? null
    const next = to?.[key] ?? null
    if (old !== next) changes[key] = { from: old, to: next }
  }
  return changes
}

function studentPartProblems(part: StudentPartInput): Problem[] {
  const problems: Problem[] = []
  if ((part.adjustments ?? '').length > MAX_NOTE_LENGTH) {
    problems.push({ field: 'studentAdjustments', message: studentPartMessages.adjustmentsTooLong })
  }
  if ((part.reflection ?? '').length > MAX_NOTE_LENGTH) {
    problems.push({ field: 'reflection', message: studentPartMessages.reflectionTooLong })
  }
  const typed = [
    ['studentAdjustments', 'Adjustments for the student', part.adjustments ?? ''],
    ['reflection', 'Reflection', part.reflection ?? ''],
  ] as const
  for (const [field, name, text] of typed) {
    const message = controlCharacterProblem(name, text, true)
    if (message !== null && !problems.some((problem) => problem.field === field)) {
      problems.push({ field, message })
    }
  }
  return problems
}

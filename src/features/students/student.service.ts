import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Tables } from '../../db/tables.js'
import type {
  CareerSendGroup,
  GroupAssignment,
  GroupOverride,
  IsoDate,
} from '../../domain/types.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { AuditAction, FieldChanges } from '../audit/audit.repository.js'
import { loadAreaLookup } from './need-code.repository.js'
import * as overrides from './override.repository.js'
import { readRecordSummary } from './record-summary.repository.js'
import * as schools from './school.repository.js'
import type { School } from './school.repository.js'
import type { Student } from './student.js'
import { refreshStudentGroup } from './student.groups.js'
import { listStudents, MAX_PAGE_SIZE } from './student.list.js'
import { assignStudentGroup } from './student.grouping.js'
import type { AreaLookup } from './student.grouping.js'
import type { StudentListQuery } from './student.list.js'
import * as students from './student.repository.js'
import type { StoredStudent } from './student.repository.js'

/** The schools whose students the caller may read and change. */
export interface Scope {
  schoolIds: number[]
}

export interface StudentDetail {
  student: Student
  assignment: GroupAssignment
}

export interface StudentListPage {
  students: StoredStudent[]
  total: number
  page: number
  pageSize: number
}

export type OverrideError =
  | { code: 'not_found'; message: string }
  | { code: 'invalid'; field: 'group' | 'reason'; message: string }

export type OverrideResult =
  { ok: true; value: StudentDetail } | { ok: false; error: OverrideError }

/** Returns the parts of an override that an audit entry records. */
function overrideValue(override: GroupOverride) {
  return { group: override.group, reason: override.reason }
}

export const MAX_REASON_LENGTH = 1000

export const overrideMessages = {
  group: 'Select Group One or Group Two',
  reasonMissing: 'Enter a reason for the override',
  reasonTooLong: `Reason must be ${MAX_REASON_LENGTH} characters or fewer`,
  notFound: 'Student not found',
}

/** The override form's fields, checked the same way by the page and by the service. */
export const overrideSchema = z.object({
  group: z.enum(['one', 'two'], { error: overrideMessages.group }),
  reason: z
    .string({ error: overrideMessages.reasonMissing })
    .trim()
    .min(1, overrideMessages.reasonMissing)
    .max(MAX_REASON_LENGTH, overrideMessages.reasonTooLong),
})

export interface ServiceOptions {
  /** The clock, replaced in tests. */
  now?: () => Date
}

export function createStudentService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString()

  /** Reads a student in scope and refreshes its stored group, inside the caller's transaction. */
  async function loadDetail(trx: Kysely<Tables>, scope: Scope, id: number) {
    const student = await students.findStudentById(trx, scope.schoolIds, id)
    if (!student) {
      return null
    }
    return { student, assignment: await refreshStudentGroup(trx, student) }
  }

  return {
    listStudents: (scope: Scope, query: StudentListQuery = {}): Promise<StudentListPage> =>
      listStudents(db, scope.schoolIds, query),

    getStudent: (scope: Scope, id: number): Promise<StudentDetail | null> =>
      db.transaction().execute((trx) => loadDetail(trx, scope, id)),

    /** Reads a student for a person to see, and records the view in the audit trail. */
    /** Reads the plan, activity and destination facts the student page shows beside its links. */
    readRecordSummary: (scope: Scope, id: number, today: IsoDate) =>
      readRecordSummary(db, scope.schoolIds, id, today),

    viewStudent: (scope: Scope, id: number, by: string) =>
      db.transaction().execute(async (trx): Promise<StudentDetail | null> => {
        const detail = await loadDetail(trx, scope, id)
        if (detail) await audit(trx, 'student.view', by, detail.student, {})
        return detail
      }),

    /** Records the pathway staff chose; blank text clears it. Returns null when out of scope. */
    setPathway: (scope: Scope, id: number, pathway: string | null, by: string) =>
      db.transaction().execute(async (trx): Promise<StudentDetail | null> => {
        const text = pathway?.normalize('NFC').trim() || null
        const before = await students.findStudentById(trx, scope.schoolIds, id)
        if (!before) return null
        await students.setPathway(trx, scope.schoolIds, id, { pathway: text, by, now: now() })
        const changes = { pathway: { from: before.pathway, to: text } }
        await audit(trx, 'student.pathway', by, before, changes)
        return loadDetail(trx, scope, id)
      }),

    setOverride: (
      scope: Scope,
      id: number,
      input: { group: unknown; reason: unknown },
      by: string,
    ) => db.transaction().execute((trx) => overrideGroup(trx, scope, id, input, by)),

    clearOverride: (scope: Scope, id: number, by: string) =>
      db.transaction().execute(async (trx): Promise<StudentDetail | null> => {
        const before = await students.findStudentById(trx, scope.schoolIds, id)
        if (!before) return null
        await overrides.clearOverride(trx, scope.schoolIds, id, { by, at: now() })
        if (before.override) {
          const changes = { override: { from: overrideValue(before.override), to: null } }
          await audit(trx, 'student.override.remove', by, before, changes)
        }
        return loadDetail(trx, scope, id)
      }),

    /** The student's replaced and removed overrides, newest first. */
    listOverrideHistory: (scope: Scope, id: number) =>
      overrides.listOverrideHistory(db, scope.schoolIds, id),

    /** Every student with this UPN in the caller's schools: one per school that lists them. */
    findByUpn: (scope: Scope, upn: string) =>
      db.transaction().execute(async (trx): Promise<StudentDetail[]> => {
        const found = await students.findStudentsByUpn(trx, scope.schoolIds, upn)
        const details = []
        for (const student of found) {
          details.push({ student, assignment: await refreshStudentGroup(trx, student) })
        }
        return details
      }),

    /** Every student in scope with the reasons for their group, in name order, for exports. */
    listAllDetails: async (scope: Scope): Promise<StudentDetail[]> => {
      const details: StudentDetail[] = []
      const lookups = new Map<number, AreaLookup>()
      for (let page = 1; ; page++) {
        const result = await listStudents(db, scope.schoolIds, { page, pageSize: MAX_PAGE_SIZE })
        for (const student of result.students) {
          const areaOf =
            lookups.get(student.schoolId) ?? (await loadAreaLookup(db, student.schoolId))
          lookups.set(student.schoolId, areaOf)
          details.push({
            student,
            assignment: assignStudentGroup(student, student.override, areaOf),
          })
        }
        if (page * MAX_PAGE_SIZE >= result.total) return details
      }
    },

    /** Students of each school in scope by group, for counts that name no one. */
    countByGroup: (scope: Scope) => schools.countStudentsByGroup(db, scope.schoolIds),

    listSchools: (scope: Scope | 'all'): Promise<School[]> =>
      schools.listSchools(db, scope === 'all' ? 'all' : scope.schoolIds),

    findOrCreateSchool: (name: string): Promise<School> => {
      const trimmed = name.normalize('NFC').trim()
      if (!trimmed) {
        throw new Error('School name is missing: enter the name of the school')
      }
      return schools.findOrCreateSchool(db, trimmed, now())
    },

    /** Deletes a school that has no students and no committed imports. */
    deleteEmptySchool: (schoolId: number): Promise<boolean> =>
      schools.deleteEmptySchool(db, schoolId),
  }

  async function audit(
    trx: Kysely<Tables>,
    action: AuditAction,
    actor: string,
    student: { id: number; schoolId: number },
    details: FieldChanges,
  ) {
    const event = { at: now(), actor, action, schoolId: student.schoolId, studentId: student.id }
    await insertAuditEvent(trx, { ...event, details })
  }

  async function overrideGroup(
    trx: Kysely<Tables>,
    scope: Scope,
    id: number,
    input: { group: unknown; reason: unknown },
    by: string,
  ): Promise<OverrideResult> {
    const parsed = overrideSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const field = issue?.path[0] === 'group' ? 'group' : 'reason'
      return { ok: false, error: { code: 'invalid', field, message: issue?.message ?? '' } }
    }

    const current = await loadDetail(trx, scope, id)
    if (!current) {
      return { ok: false, error: { code: 'not_found', message: overrideMessages.notFound } }
    }

    const group: CareerSendGroup = parsed.data.group
    const computedGroupAtOverride = current.assignment.computedGroup
    const override = { group, reason: parsed.data.reason, by, at: now(), computedGroupAtOverride }
    await overrides.setOverride(trx, scope.schoolIds, id, override)
    const from = current.student.override ? overrideValue(current.student.override) : null
    const changes = { override: { from, to: overrideValue(override) } }
    await audit(trx, 'student.override.set', by, current.student, changes)

    const value = await loadDetail(trx, scope, id)
    return value
      ? { ok: true, value }
      : { ok: false, error: { code: 'not_found', message: overrideMessages.notFound } }
  }
}

export type StudentService = ReturnType<typeof createStudentService>

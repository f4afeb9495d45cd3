// Builders for the work-list and hand-over tests. Plan, review, spell and target rows are written
// straight to the tables, so these tests do not depend on the features that edit them.
import { randomUUID } from 'node:crypto'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { createImportService } from '../import/import.service.js'
import { aStudentInput, aValidFile, aValidRow } from '../import/import.test-data.js'
import type { StudentInput } from '../students/student.js'
import { createStudentService } from '../students/student.service.js'

const AT = '2026-12-01T09:00:00.000Z'
const STAMPS = { created_by: 'teacher', created_at: AT, updated_by: 'teacher', updated_at: AT }

/** Creates a school of its own and imports the students into it, as `importStudents` does. */
export async function setUpSchoolWithStudents(
  db: Kysely<Tables>,
  students: Partial<StudentInput>[],
  importedAt = new Date('2026-10-01T09:00:00.000Z'),
) {
  const studentService = createStudentService(db, { now: () => importedAt })
  const school = await studentService.findOrCreateSchool(`School ${randomUUID()}`)
  const idOf = await importStudents(db, school.id, students, importedAt)
  return { school, scope: { schoolIds: [school.id] }, idOf }
}

/**
 * Imports the students into a school as one register committed at `importedAt`. Returns a
 * function that gives each student's id by legal surname, so give each a different surname.
 */
export async function importStudents(
  db: Kysely<Tables>,
  schoolId: number,
  students: Partial<StudentInput>[],
  importedAt = new Date('2026-10-01T09:00:00.000Z'),
) {
  const imports = createImportService(db, { now: () => importedAt })
  const inputs = students.map((student) => aStudentInput(student))
  const file = aValidFile(inputs.map((input) => aValidRow(input)))
  await imports.commit((await imports.preview(schoolId, file, 'register.csv')).id)

  const rows = await db
    .selectFrom('students')
    .select(['id', 'legal_surname'])
    .where('school_id', '=', schoolId)
    .execute()
  const ids = new Map(rows.map((row) => [row.legal_surname, row.id]))
  return (surname: string) => {
    const id = ids.get(surname)
    if (id === undefined) throw new Error(`No student with the surname ${surname} was imported`)
    return id
  }
}

export async function markLeft(db: Kysely<Tables>, studentId: number, leftOn: string) {
  await db.updateTable('students').set({ left_on: leftOn }).where('id', '=', studentId).execute()
}

/** Gives the student a career plan with no parts, and returns the plan's id. */
export async function addPlan(db: Kysely<Tables>, schoolId: number, studentId: number) {
  const plan = await db
    .insertInto('career_plans')
    .values({ school_id: schoolId, student_id: studentId, ...STAMPS })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { plan_id: plan.id, school_id: schoolId, student_id: studentId, ...STAMPS }
}

export type PlanPart = Awaited<ReturnType<typeof addPlan>>

export async function addReview(
  db: Kysely<Tables>,
  part: PlanPart,
  review: { heldOn: string; nextReviewOn: string | null; kind?: string; summary?: string },
) {
  await db
    .insertInto('plan_reviews')
    .values({
      ...part,
      held_on: review.heldOn,
      kind: review.kind ?? 'careers_guidance',
      participants: 'Student, careers adviser',
      summary: review.summary ?? 'Talked about next steps',
      next_review_on: review.nextReviewOn,
      pfa_areas: ',employment,',
    })
    .execute()
}

export async function addTarget(
  db: Kysely<Tables>,
  part: PlanPart,
  target: { rank: number; outcomeId: string; plannedStart: string | null; note?: string },
) {
  await db
    .insertInto('plan_targets')
    .values({
      ...part,
      rank: target.rank,
      outcome_id: target.outcomeId,
      planned_start: target.plannedStart,
      note: target.note ?? null,
    })
    .execute()
}

export async function addSpell(
  db: Kysely<Tables>,
  schoolId: number,
  studentId: number,
  spell: {
    intent: 'intended' | 'actual'
    type: string
    startDate: string
    endDate?: string
    checkedOn?: string
    provider?: string
    nccisCode?: string
  },
) {
  await db
    .insertInto('destination_spells')
    .values({
      school_id: schoolId,
      student_id: studentId,
      intent: spell.intent,
      type: spell.type,
      start_date: spell.startDate,
      end_date: spell.endDate ?? null,
      provider: spell.provider ?? null,
      checked_on: spell.checkedOn ?? null,
      nccis_code: spell.nccisCode ?? null,
      ...STAMPS,
    })
    .execute()
}

export async function addConsent(
  db: Kysely<Tables>,
  schoolId: number,
  studentId: number,
  consent: { status: 'given' | 'refused' | 'withdrawn'; recordedOn: string },
) {
  await db
    .insertInto('tracking_consents')
    .values({
      school_id: schoolId,
      student_id: studentId,
      status: consent.status,
      recorded_on: consent.recordedOn,
      note: null,
      updated_by: STAMPS.updated_by,
      updated_at: STAMPS.updated_at,
    })
    .execute()
}

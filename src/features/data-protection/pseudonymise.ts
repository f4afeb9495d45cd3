import type { Kysely } from 'kysely'
import type { StudentRow, Tables } from '../../db/tables.js'
import { academicYearOf, firstDayOf } from '../../domain/academic-year.js'
import type { IsoDate } from '../../domain/types.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import { lockSchool } from '../students/school.repository.js'
import { toSearchKey } from '../students/student.row.js'
import { deleteStagedRows } from './student-records.repository.js'

// Pseudonymisation keeps a record for counts and destination reports but removes what names the
// student. The row keeps its id, school, year group, needs, provision, pathway, group and
// overrides, so reports by group or need still count it. Of the careers record it keeps the facts
// reports count: that a plan existed, its target outcomes, the activities taken part in, and each
// destination's type, dates, hours and code. It removes what people wrote in their own words,
// which can name the student, their family or an employer.

export const PSEUDONYM_FORENAME = 'Former student'

/** Written in place of an override reason, which staff may have written with the student's name. */
export const REMOVED_REASON = 'Reason removed when the record was pseudonymised'

/**
 * Returns the 1 September that opens the academic year of birth. Every date of birth in one
 * academic year gives the same academic age, so year groups and post-16 funding ages stay right
 * while the exact date is gone.
 */
export function pseudonymousDateOfBirth(dateOfBirth: IsoDate): IsoDate {
  return firstDayOf(academicYearOf(dateOfBirth))
}

/** Returns the placeholder names of a pseudonymised record: "Former student" and its row id. */
export function pseudonymNames(id: number) {
  return { legal_forename: PSEUDONYM_FORENAME, legal_surname: String(id) }
}

/**
 * Replaces the student's names, identifiers and exact date of birth, removes the override reasons
 * and staged import rows that could name them, and records a `student.pseudonymise` event. Call it
 * in a transaction.
 */
// NOTE: audit events from before keep their details, which can hold an override reason as staff
// typed it, until the record is erased.
export async function pseudonymiseStudentRow(
  trx: Kysely<Tables>,
  student: StudentRow,
  change: { reason: string; by: string; at: string },
): Promise<void> {
  await lockSchool(trx, student.school_id)
  const deletedStagedRows = await deleteStagedRows(trx, student)
  const names = pseudonymNames(student.id)
  await trx
    .updateTable('students')
    .set((eb) => ({
      ...names,
      preferred_forename: null,
      preferred_surname: null,
      upn: null,
      uln: null,
      mis_id: null,
      former_upn: null,
      date_of_birth: pseudonymousDateOfBirth(student.date_of_birth),
      // The same keys as toStudentRow builds, from the only names left.
      sort_name: toSearchKey(`${names.legal_surname}\u0001${names.legal_forename}`),
      search_text: toSearchKey(`${names.legal_surname}\u0001${names.legal_forename}`),
      pseudonymised_at: change.at,
      version: eb('version', '+', 1),
      updated_at: change.at,
    }))
    .where('id', '=', student.id)
    .execute()
  await trx
    .updateTable('group_overrides')
    .set({ reason: REMOVED_REASON })
    .where('student_id', '=', student.id)
    .execute()
  await trx
    .updateTable('group_override_history')
    .set({ reason: REMOVED_REASON })
    .where('student_id', '=', student.id)
    .execute()

  const removedCareersText = await removeCareersText(trx, student.id)

  await insertAuditEvent(trx, {
    at: change.at,
    actor: change.by,
    action: 'student.pseudonymise',
    schoolId: student.school_id,
    studentId: student.id,
    details: { reason: change.reason, deletedStagedRows, ...removedCareersText },
  })
}

/**
 * Deletes the plan parts written in words (aspirations, goals, actions, reviews), the My future
 * page's text and choices, and staged destination rows. Blanks the free text of targets,
 * activities, destinations and consent. Returns how many rows of each kind were deleted or blanked.
 */
async function removeCareersText(trx: Kysely<Tables>, studentId: number) {
  const counts: Record<string, number> = {}
  for (const table of [
    'plan_aspirations',
    'plan_goals',
    'plan_actions',
    'plan_reviews',
    'my_future_views',
    'destination_import_rows',
  ] as const) {
    const result = await trx
      .deleteFrom(table)
      .where('student_id', '=', studentId)
      .executeTakeFirst()
    counts[`deleted_${table}`] = Number(result.numDeletedRows)
  }
  const blank = async (update: Promise<{ numUpdatedRows: bigint }>, name: string) => {
    counts[`blanked_${name}`] = Number((await update).numUpdatedRows)
  }
  await blank(
    trx
      .updateTable('plan_targets')
      .set({ note: null })
      .where('student_id', '=', studentId)
      .executeTakeFirstOrThrow(),
    'plan_targets',
  )
  await blank(
    trx
      .updateTable('careers_activity_students')
      .set({ adjustments: null, reflection: null })
      .where('student_id', '=', studentId)
      .executeTakeFirstOrThrow(),
    'careers_activity_students',
  )
  await blank(
    trx
      .updateTable('destination_spells')
      .set({ provider: null, reason: null })
      .where('student_id', '=', studentId)
      .executeTakeFirstOrThrow(),
    'destination_spells',
  )
  await blank(
    trx
      .updateTable('tracking_consents')
      .set({ note: null })
      .where('student_id', '=', studentId)
      .executeTakeFirstOrThrow(),
    'tracking_consents',
  )
  return counts
}

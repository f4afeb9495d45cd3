// Builders for the export tests. One school has a record in every table, with formula-like text
// in a name, a provider and a reflection. A second school's students must never appear in the
// first one's exports. A bulk insert fills the large-export test.
import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'

import type { Kysely } from 'kysely'

import type { NewStudentRow, Tables } from '../../db/tables.js'
import { addPlanActivityAndDestinationRows } from '../data-protection/data-protection.test-data.js'
import { setUpSchoolWithRecords } from '../data-protection/data-protection.test-data.js'

/** Cell text that a spreadsheet would run as a formula, one per character that starts one. */
export const FORMULA_TEXTS = ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tTabbed', '\rReturned']

/**
 * Sets up the school of data-protection.test-data.ts (Ada and Bea, with a record in every table)
 * and puts formula-like text in Ada's surname, an activity's provider and her reflection, and a
 * destination with a provider.
 */
export async function setUpExportSchool(db: Kysely<Tables>) {
  const setUp = await setUpSchoolWithRecords(db)
  const { ada } = setUp
  await db
    .updateTable('students')
    .set({ legal_surname: FORMULA_TEXTS[0], preferred_forename: FORMULA_TEXTS[2] })
    .where('id', '=', ada.id)
    .execute()
  await db
    .updateTable('careers_activities')
    .set({ provider: FORMULA_TEXTS[1] })
    .where('school_id', '=', setUp.school.id)
    .execute()
  await db
    .updateTable('careers_activity_students')
    .set({ reflection: FORMULA_TEXTS[3] })
    .where('student_id', '=', ada.id)
    .execute()
  await db
    .updateTable('destination_spells')
    .set({ provider: FORMULA_TEXTS[4], hours_per_week: 30, paid: 0 })
    .where('student_id', '=', ada.id)
    .execute()
  await db
    .insertInto('destination_spells')
    .values({
      school_id: setUp.school.id,
      student_id: ada.id,
      intent: 'actual',
      type: 'further-education-college',
      start_date: '2026-09-03',
      provider: FORMULA_TEXTS[5],
      checked_on: '2026-11-01',
      created_by: 'teacher',
      created_at: '2026-12-04T09:00:00.000Z',
      updated_by: 'teacher',
      updated_at: '2026-12-04T09:00:00.000Z',
    })
    .execute()
  return setUp
}

/** Creates a school with one student who has a record in every table. Returns both ids. */
export async function setUpOtherSchool(db: Kysely<Tables>, upn = 'A999999999999') {
  const school = await db
    .insertInto('schools')
    .values({ name: `Other ${randomUUID()}`, created_at: '2026-12-01T09:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const [studentId] = await insertStudents(db, school.id, 1, { upn, legal_surname: 'Elsewhere' })
  if (studentId === undefined) throw new Error('No student was inserted')
  await addPlanActivityAndDestinationRows(db, school.id, studentId, '2026-12-04T09:00:00.000Z')
  return { schoolId: school.id, studentId }
}

/** Puts schools into a new organisation. */
export async function putInOrganisation(db: Kysely<Tables>, schoolIds: number[]) {
  const organisation = await db
    .insertInto('organisations')
    .values({ name: `Trust ${randomUUID()}`, kind: 'trust', created_at: '2026-12-01T09:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('schools')
    .set({ organisation_id: organisation.id })
    .where('id', 'in', schoolIds)
    .execute()
  return organisation.id
}

/**
 * Inserts `count` students straight into the table, 200 to a statement, and returns their ids.
 * `overrides` applies to every one, so give a UPN only with a count of 1.
 */
export async function insertStudents(
  db: Kysely<Tables>,
  schoolId: number,
  count: number,
  overrides: Partial<NewStudentRow> = {},
): Promise<number[]> {
  const at = '2026-12-01T09:00:00.000Z'
  const ids: number[] = []
  for (let start = 0; start < count; start += 200) {
    const rows: NewStudentRow[] = []
    for (let index = start; index < Math.min(count, start + 200); index += 1) {
      rows.push({
        school_id: schoolId,
        legal_surname: `Bulk${index}`,
        legal_forename: 'Student',
        date_of_birth: '2010-03-14',
        nc_year: '10',
        provision_code: 'K',
        primary_need: 'MLD',
        flags: ',',
        has_conflict: 0,
        sort_name: `bulk${index} student`,
        search_text: `bulk${index} student`,
        in_latest_import: 1,
        version: 1,
        created_at: at,
        updated_at: at,
        ...overrides,
      })
    }
    const inserted = await db.insertInto('students').values(rows).returning('id').execute()
    ids.push(...inserted.map((row) => row.id))
  }
  return ids
}

/** A writable stream that keeps every byte written to it, for reading an export back. */
export function collectingStream(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      callback()
    },
  })
  return { stream, bytes: () => Buffer.concat(chunks) }
}

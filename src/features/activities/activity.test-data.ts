import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { createImportService } from '../import/import.service.js'
import { aStudentInput, aUniqueUpn, aValidFile, aValidRow } from '../import/import.test-data.js'
import type { StudentInput } from '../students/student.js'
import { createStudentService } from '../students/student.service.js'
import { createActivityService } from './activity.service.js'
import type { RecordActivityInput } from './activity.service.js'

/** The clock of the activity tests: 4 December 2026, so a year ahead is 4 December 2027. */
export const ACTIVITY_TEST_NOW = new Date('2026-12-04T09:00:00.000Z')

/**
 * Creates a school on a fixed clock with five students. Ava, Ben and Cal are current Year 10
 * students: Ava and Ben are autistic, so Group One, and Cal is on a GCSE pathway, so Group Two.
 * Dee is in Year 11, and Eve is in Year 10 but has left.
 */
export async function setUpActivitySchool(db: Kysely<Tables>) {
  const options = { now: () => ACTIVITY_TEST_NOW }
  const students = createStudentService(db, options)
  const imports = createImportService(db, options)
  const activities = createActivityService(db, options)
  const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
  const scope = { schoolIds: [school.id] }

  const inputs: Record<string, StudentInput> = {
    ava: aStudentInput({ upn: aUniqueUpn(), legalForename: 'Ava', legalSurname: 'Archer' }),
    ben: aStudentInput({ upn: aUniqueUpn(), legalForename: 'Ben', legalSurname: 'Bishop' }),
    cal: aStudentInput({
      upn: aUniqueUpn(),
      legalForename: 'Cal',
      legalSurname: 'Carter',
      primaryNeed: 'SEMH',
      pathway: 'GCSE',
    }),
    dee: aStudentInput({
      upn: aUniqueUpn(),
      legalForename: 'Dee',
      legalSurname: 'Dale',
      ncYear: '11',
    }),
    eve: aStudentInput({ upn: aUniqueUpn(), legalForename: 'Eve', legalSurname: 'Evans' }),
  }
  const file = aValidFile(Object.values(inputs).map((input, index) => aValidRow(input, index + 2)))
  await imports.commit((await imports.preview(school.id, file, 'register.csv')).id)
  const listed = (await students.listStudents(scope, { pageSize: 200 })).students
  const idOf = (input: StudentInput) => listed.find((student) => student.upn === input.upn)!.id
  const ids = {
    ava: idOf(inputs.ava!),
    ben: idOf(inputs.ben!),
    cal: idOf(inputs.cal!),
    dee: idOf(inputs.dee!),
    eve: idOf(inputs.eve!),
  }
  await db
    .updateTable('students')
    .set({ left_on: '2026-07-17' })
    .where('id', '=', ids.eve)
    .execute()

  return { students, activities, school, scope, ids }
}

/** Returns a valid activity for Year 10 of the school, with any field replaced. */
export function anActivityInput(
  schoolId: number,
  overrides: Partial<RecordActivityInput> = {},
): RecordActivityInput {
  return {
    schoolId,
    kind: 'employer_encounter',
    title: 'Visit from the fire service',
    heldOn: '2026-11-20',
    provider: 'County Fire and Rescue',
    benchmark: null,
    adjustments: 'Quiet room available',
    choice: { by: 'year', yearGroup: '10' },
    ...overrides,
  }
}

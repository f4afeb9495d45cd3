import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { upnCheckLetter } from '../../domain/upn.js'
import { createImportService } from '../import/import.service.js'
import { aStudentInput, aValidFile, aValidRow } from '../import/import.test-data.js'
import { createStudentService } from '../students/student.service.js'
import type { SpellInput } from './destination.check.js'
import { createDestinationService } from './destination.service.js'

// Builders for the destinations tests: a school on a fixed clock with two students aged 17, Ada
// with an EHC plan and Bea with SEN support.

let nextUpn = 1

/** Returns a UPN with a correct check letter that no other call in this process returns. */
export function aCheckedUpn(): string {
  const rest = `8012${String(nextUpn++).padStart(8, '0')}`
  return `${upnCheckLetter(rest)}${rest}`
}

export const TEST_NOW = new Date('2026-12-04T09:00:00.000Z')

export function aValidSpell(overrides: Partial<SpellInput> = {}): SpellInput {
  return {
    intent: 'actual',
    type: 'further-education-college',
    startDate: '2025-09-03',
    provider: 'Riverside College',
    checkedOn: '2026-11-02',
    ...overrides,
  }
}

export async function setUpDestinationSchool(db: Kysely<Tables>, now = () => TEST_NOW) {
  const options = { now }
  const students = createStudentService(db, options)
  const imports = createImportService(db, options)
  const destinations = createDestinationService(db, options)
  const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
  const scope = { schoolIds: [school.id] }

  const adaInput = aStudentInput({ upn: aCheckedUpn(), dateOfBirth: '2009-05-01', ncYear: '13' })
  const beaInput = aStudentInput({
    upn: aCheckedUpn(),
    legalForename: 'Bea',
    dateOfBirth: '2009-06-11',
    provisionCode: 'K',
    ehcPlanStartDate: null,
    ehcPlanReviewDate: null,
  })
  const file = aValidFile([aValidRow(adaInput), aValidRow(beaInput, 3)])
  await imports.commit((await imports.preview(school.id, file, 'register.csv')).id)
  const all = (await students.listStudents(scope, { pageSize: 200 })).students
  const ada = all.find((student) => student.upn === adaInput.upn)!
  const bea = all.find((student) => student.upn === beaInput.upn)!
  return { students, imports, destinations, school, scope, ada, bea }
}

// Rows of the two files for the local authority: the NCCIS destinations file, one row per student
// with a destination, and the pseudonymised return, one row per student with no name, identifier
// or date of birth in it.
import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { academicYearOf, formatAcademicYear } from '../../domain/academic-year.js'
import { findDestinationType } from '../../domain/destination-types.js'
import { destinationYearFor } from '../../domain/destination-year.js'
import type { DestinationSpell } from '../../domain/destinations.js'
import { effectiveNccisCode, nccisChoicesForDestination } from '../../domain/nccis-codes.js'
import { reportedDestination } from '../../domain/reported-destination.js'
import { assessSustained } from '../../domain/sustained.js'
import type { GroupBasis, IsoDate } from '../../domain/types.js'
import { CATEGORY_LABELS } from '../destinations/destinations.view.js'
import { INTENT_LABELS, labelOf } from '../hand-over/hand-over.labels.js'
import { basisLabel, groupText } from '../students/students.view-model.js'
import { pageStudents, schoolsInScope, spellsOfStudents } from './export.repository.js'
import type { StoredSpellRow, StudentExportRow } from './export.repository.js'
import { readPages } from './export.paging.js'
import type { Cell, ExportRecord, RowSource } from './export.paging.js'
import { pseudonymousKey, secretForSchool } from './pseudonym.js'

/** Chooses the spell a return reports for a student, as reportedDestination describes. */
function reportedSpell(spells: StoredSpellRow[], today: IsoDate): StoredSpellRow | undefined {
  const dated = spells.map((row) => ({
    row,
    intent: row.intent,
    startDate: row.start_date,
    endDate: row.end_date,
  }))
  return reportedDestination(dated, today)?.row
}

interface StudentWithSpells {
  student: StudentExportRow
  spells: StoredSpellRow[]
}

/** Yields each student of the schools with all of their spells, reading both a page at a time. */
async function* studentsWithSpells(source: RowSource): AsyncGenerator<StudentWithSpells> {
  const pages = readPages(source, async (page) => {
    const students = await pageStudents(source.db, page)
    const ids = students.map((student) => student.id)
    const spells = await spellsOfStudents(source.db, source.schoolIds, ids)
    return students.map((student) => ({
      id: student.id,
      student,
      spells: spells.filter((spell) => spell.student_id === student.id),
    }))
  })
  yield* pages
}

/** The check cell of a spell whose type fits several NCCIS codes and none was chosen. */
export const MISSING_NCCIS_CODE =
  "No NCCIS activity code chosen: choose one on the student's destinations page"

/** Returns whether the spell's type fits several NCCIS codes and none of them was chosen. */
function lacksNccisCode(spell: StoredSpellRow): boolean {
  if (effectiveNccisCode(spell.type, spell.nccis_code)) return false
  return nccisChoicesForDestination(spell.type).length > 1
}

function nccisCheck(spell: StoredSpellRow | undefined): string | null {
  return spell && lacksNccisCode(spell) ? MISSING_NCCIS_CODE : null
}

export interface MissingNccisCode {
  studentId: number
  upn: string | null
  name: string
}

/**
 * Lists the students of the schools whose reported destination has no NCCIS code chosen where
 * several fit, reading them a page at a time as the exports do.
 */
export async function studentsMissingNccisCode(source: RowSource): Promise<MissingNccisCode[]> {
  const found: MissingNccisCode[] = []
  for await (const { student, spells } of studentsWithSpells(source)) {
    const spell = reportedSpell(spells, source.today)
    if (!spell || !lacksNccisCode(spell)) continue
    found.push({
      studentId: student.id,
      upn: student.upn,
      name: `${student.legal_forename} ${student.legal_surname}`,
    })
  }
  return found
}

export const NCCIS_COLUMNS = [
  'School',
  'UPN',
  'Legal surname',
  'Legal forename',
  'Date of birth',
  'Intended or actual',
  'NCCIS activity code',
  'NCCIS activity',
  'Start date',
  'Date checked',
  'Check',
]

/**
 * Yields one row per student with a destination spell, for the reported spell. A student with no
 * spell is left out, so the authority's own record of them stays as it is.
 */
export async function* nccisRows(source: RowSource): AsyncGenerator<ExportRecord> {
  for await (const { student, spells } of studentsWithSpells(source)) {
    const spell = reportedSpell(spells, source.today)
    if (!spell) continue
    const code = effectiveNccisCode(spell.type, spell.nccis_code)
    const cells: Cell[] = [
      student.school_name,
      student.upn,
      student.legal_surname,
      student.legal_forename,
      student.date_of_birth,
      labelOf(INTENT_LABELS, spell.intent),
      code?.code ?? null,
      code?.label ?? null,
      spell.start_date,
      spell.checked_on,
      nccisCheck(spell),
    ]
    yield { schoolId: student.school_id, cells }
  }
}

export const LA_RETURN_COLUMNS = [
  'Pseudonymous key',
  'School',
  'NC year',
  'SEN provision',
  'Primary need',
  'Secondary need',
  'Career SEND group',
  'Group basis',
  'Left in academic year',
  'Intended or actual',
  'Destination type id',
  'Destination type',
  'Category',
  'NCCIS code',
  'Sustained',
  'Check',
]

function toDomainSpell(spell: StoredSpellRow): DestinationSpell {
  return {
    type: spell.type,
    startDate: spell.start_date,
    ...(spell.end_date !== null && { endDate: spell.end_date }),
  }
}

/**
 * Returns whether the student's destination was sustained, by the same rule and destination year
 * as the destinations page, or null when no actual spell is recorded.
 */
function sustainedText(student: StudentExportRow, spells: StoredSpellRow[], today: IsoDate) {
  const actual = spells.filter((spell) => spell.intent === 'actual')
  if (actual.length === 0) return null
  const starts = actual.map((spell) => spell.start_date)
  const year = destinationYearFor(starts, student.date_of_birth, today)
  const { sustained } = assessSustained(actual.map(toDomainSpell), year, today)
  if (sustained === 'not_yet_known') return 'Not yet known'
  return sustained ? 'Yes' : 'No'
}

/** Reads, once per export, the pseudonym secret of each school in scope. */
async function secretsBySchool(db: Kysely<Tables>, schoolIds: number[]) {
  const secrets = new Map<number, string>()
  for (const school of await schoolsInScope(db, schoolIds)) {
    secrets.set(school.id, await secretForSchool(db, school.id))
  }
  return secrets
}

export async function* laReturnRows(source: RowSource): AsyncGenerator<ExportRecord> {
  const secrets = await secretsBySchool(source.db, source.schoolIds)
  for await (const { student, spells } of studentsWithSpells(source)) {
    const secret = secrets.get(student.school_id)
    if (secret === undefined) throw new Error(`No pseudonym secret for school ${student.school_id}`)
    const identity = {
      id: student.id,
      schoolId: student.school_id,
      upn: student.upn,
      uln: student.uln,
      misId: student.mis_id,
    }
    const spell = reportedSpell(spells, source.today)
    const type = spell ? findDestinationType(spell.type) : null
    const cells: Cell[] = [
      pseudonymousKey(secret, identity),
      student.school_name,
      student.nc_year,
      student.provision_code,
      student.primary_need,
      student.secondary_need,
      groupText(student.group),
      basisLabel(student.basis as GroupBasis | null),
      student.left_on ? formatAcademicYear(academicYearOf(student.left_on)) : null,
      spell ? labelOf(INTENT_LABELS, spell.intent) : null,
      spell?.type ?? null,
      type?.label ?? null,
      type ? CATEGORY_LABELS[type.category] : null,
      spell ? (effectiveNccisCode(spell.type, spell.nccis_code)?.code ?? null) : null,
      sustainedText(student, spells, source.today),
      nccisCheck(spell),
    ]
    yield { schoolId: student.school_id, cells }
  }
}

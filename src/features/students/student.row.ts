import type { CareerSendGroup, GroupOverride, IsoDate, ProvisionCode } from '../../domain/types.js'
import type { StudentRow, StudentTable } from '../../db/tables.js'
import type { Student, StudentField, StudentInput } from './student.js'

/** A students row joined with its override, as the repository selects it. */
export interface StudentRecordRow extends StudentRow {
  override_group: string | null
  override_reason: string | null
  override_made_by: string | null
  override_made_at: string | null
  override_computed_group: string | null
}

/** The columns that hold the imported fields, with the search and sort keys derived from them. */
export type StudentInputColumns = Pick<
  StudentTable,
  (typeof studentColumns)[StudentField] | 'sort_name' | 'search_text'
>

const studentColumns = {
  upn: 'upn',
  uln: 'uln',
  misId: 'mis_id',
  formerUpn: 'former_upn',
  legalSurname: 'legal_surname',
  legalForename: 'legal_forename',
  preferredSurname: 'preferred_surname',
  preferredForename: 'preferred_forename',
  dateOfBirth: 'date_of_birth',
  ncYear: 'nc_year',
  provisionCode: 'provision_code',
  primaryNeed: 'primary_need',
  secondaryNeed: 'secondary_need',
  ehcPlanStartDate: 'ehc_plan_start_date',
  ehcPlanReviewDate: 'ehc_plan_review_date',
  pathway: 'pathway',
} as const satisfies Record<StudentField, keyof StudentTable>

export const studentFields = Object.keys(studentColumns) as StudentField[]

/**
 * Folds text to the key that search and sort compare: accents removed (NFD, then combining marks
 * dropped), so "Róisín" matches "Roisin", curly apostrophes made straight, and lower case. The key is
 * built here, not in SQL, because the two engines disagree on case- and accent-insensitive matching.
 */
export function toSearchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .normalize('NFC')
    .toLocaleLowerCase('en-GB')
}

export function toStudentRow(input: StudentInput): StudentInputColumns {
  const names = [
    input.legalSurname,
    input.legalForename,
    input.preferredSurname,
    input.preferredForename,
  ]
  const identifiers = [input.upn, input.uln, input.misId, input.formerUpn]

  return {
    upn: input.upn,
    uln: input.uln,
    mis_id: input.misId,
    former_upn: input.formerUpn,
    legal_surname: input.legalSurname,
    legal_forename: input.legalForename,
    preferred_surname: input.preferredSurname,
    preferred_forename: input.preferredForename,
    date_of_birth: input.dateOfBirth,
    nc_year: input.ncYear,
    provision_code: input.provisionCode,
    primary_need: input.primaryNeed,
    secondary_need: input.secondaryNeed,
    ehc_plan_start_date: input.ehcPlanStartDate,
    ehc_plan_review_date: input.ehcPlanReviewDate,
    pathway: input.pathway,
    // U+0001 sorts below every printable character, so Lee sorts before Leeds for any forename.
    // PostgreSQL rejects U+0000 in text, so it cannot be the separator.
    sort_name: toSearchKey(`${input.legalSurname}\u0001${input.legalForename}`),
    // A separator that no name contains keeps a search from matching across two values.
    search_text: toSearchKey([...names, ...identifiers].filter(Boolean).join('\u0001')),
  }
}

export function toStudentInput(row: StudentRow): StudentInput {
  return {
    upn: row.upn,
    uln: row.uln,
    misId: row.mis_id,
    formerUpn: row.former_upn,
    legalSurname: row.legal_surname,
    legalForename: row.legal_forename,
    preferredSurname: row.preferred_surname,
    preferredForename: row.preferred_forename,
    dateOfBirth: row.date_of_birth as IsoDate,
    ncYear: row.nc_year,
    provisionCode: row.provision_code as ProvisionCode,
    primaryNeed: row.primary_need,
    secondaryNeed: row.secondary_need,
    ehcPlanStartDate: row.ehc_plan_start_date,
    ehcPlanReviewDate: row.ehc_plan_review_date,
    pathway: row.pathway,
  }
}

export function toStudent(row: StudentRecordRow): Student {
  return {
    ...toStudentInput(row),
    id: row.id,
    schoolId: row.school_id,
    override: toOverride(row),
    inLatestImport: row.in_latest_import === 1,
    leftOn: row.left_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function toOverride(row: StudentRecordRow): GroupOverride | null {
  if (row.override_group === null) {
    return null
  }

  return {
    group: row.override_group as CareerSendGroup,
    reason: row.override_reason ?? '',
    by: row.override_made_by ?? '',
    at: row.override_made_at ?? '',
    computedGroupAtOverride: row.override_computed_group as CareerSendGroup | null,
  }
}

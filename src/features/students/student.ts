import type { GroupOverride, IsoDate, ProvisionCode } from '../../domain/types.js'

/** The fields of a student that a register import can set, as the domain reads them. */
export interface StudentInput {
  upn: string | null
  uln: string | null
  misId: string | null
  formerUpn: string | null
  legalSurname: string
  legalForename: string
  preferredSurname: string | null
  preferredForename: string | null
  dateOfBirth: IsoDate
  /** National Curriculum year: `R`, `1` to `14`, or `X`. */
  ncYear: string | null
  provisionCode: ProvisionCode
  primaryNeed: string | null
  secondaryNeed: string | null
  ehcPlanStartDate: IsoDate | null
  ehcPlanReviewDate: IsoDate | null
  pathway: string | null
}

export type StudentField = keyof StudentInput

/** A stored student: the imported fields plus what staff recorded and what the import tracks. */
export interface Student extends StudentInput {
  id: number
  schoolId: number
  override: GroupOverride | null
  /** False once a later full import of the school no longer lists the student. */
  inLatestImport: boolean
  leftOn: IsoDate | null
  createdAt: string
  updatedAt: string
}

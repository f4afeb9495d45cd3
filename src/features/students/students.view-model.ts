// Turns students and their groups into the labels and tags the student pages show.
import { CENSUS_NEED_CODES } from '../../domain/census.js'
import { groupLabel } from '../../domain/group-label.js'
import type { GroupBasis, GroupFlag, ProvisionCode, Verdict } from '../../domain/types.js'
import type { StudentInput } from './student.js'

/** A govuk-frontend tag: its text always names the state, so colour is never the only cue. */
export interface Tag {
  text: string
  classes: string
}

const PROVISION_LABELS: Record<ProvisionCode, string> = {
  N: 'No SEN',
  K: 'SEN support',
  E: 'EHC plan',
  S: 'Statement (treated as an EHC plan)',
  A: 'School Action (treated as SEN support)',
  P: 'School Action Plus (treated as SEN support)',
}

const BASIS_LABELS: Record<GroupBasis, string> = {
  pathway: 'Qualification pathway',
  need: 'Inferred from the area of need',
  override: 'Set by staff',
}

const FLAG_TAGS: Record<GroupFlag | 'conflict', Tag> = {
  provisional: { text: 'Provisional', classes: 'govuk-tag--grey' },
  atypical: { text: 'Atypical', classes: 'govuk-tag--light-blue' },
  complex_needs: { text: 'Complex needs', classes: 'govuk-tag--purple' },
  conflict: { text: 'Override to review', classes: 'govuk-tag--red' },
}

const VERDICT_TAGS: Record<Verdict, Tag> = {
  eligible: { text: 'Eligible', classes: 'govuk-tag--green' },
  check: { text: 'Check', classes: 'govuk-tag--yellow' },
  not_eligible: { text: 'Not eligible', classes: 'govuk-tag--red' },
}

export const FLAG_OPTIONS = (Object.keys(FLAG_TAGS) as (GroupFlag | 'conflict')[]).map((flag) => ({
  value: flag,
  text: FLAG_TAGS[flag].text,
}))

export const BASIS_OPTIONS = (Object.keys(BASIS_LABELS) as GroupBasis[]).map((basis) => ({
  value: basis,
  text: BASIS_LABELS[basis],
}))

export const NEED_OPTIONS = CENSUS_NEED_CODES.map((need) => ({
  value: need.code,
  text: `${need.code}: ${need.description}`,
}))

export function provisionLabel(code: ProvisionCode): string {
  return PROVISION_LABELS[code]
}

export function basisLabel(basis: GroupBasis | null): string {
  return basis ? BASIS_LABELS[basis] : 'No group yet'
}

/** Returns the census description of a need code, or the code as written for a local code. */
export function needLabel(code: string | null): string {
  if (!code) return 'None recorded'
  const known = CENSUS_NEED_CODES.find((need) => need.code === code)
  return known ? `${known.description} (${code})` : `${code} (a local code)`
}

export function flagTags(flags: readonly string[], hasConflict: boolean): Tag[] {
  const known = flags.filter((flag): flag is GroupFlag => flag in FLAG_TAGS)
  const tags = known.map((flag) => FLAG_TAGS[flag])
  if (hasConflict) tags.push(FLAG_TAGS.conflict)
  return tags
}

export function verdictTag(verdict: Verdict): Tag {
  return VERDICT_TAGS[verdict]
}

/** Returns the name staff use day to day: preferred names where the school recorded them. */
export function displayName(student: StudentInput): string {
  const forename = student.preferredForename ?? student.legalForename
  const surname = student.preferredSurname ?? student.legalSurname
  return `${forename} ${surname}`
}

export function groupText(group: string | null): string {
  return group === 'one' || group === 'two' ? groupLabel(group) : groupLabel(null)
}

// Builds what the student page shows: the record, the group and why, and every outcome's verdict.
import { findOutcome } from '../../domain/catalogue.js'
import { evaluateEligibility } from '../../domain/eligibility.js'
import { formatLongDate } from '../../domain/format.js'
import { groupLabel } from '../../domain/group-label.js'
import type {
  CareerSendGroup,
  GroupAssignment,
  OutcomeEligibility,
  ProvisionCode,
} from '../../domain/types.js'
import type { ReferenceDate } from '../eligibility/reference-date.js'
import type { FormErrors } from '../../web/form-errors.js'
import { glossaryLinkHtml } from '../../web/glossary-link.js'
import { toStudentFacts } from './student.grouping.js'
import type { EndedOverride } from './override.repository.js'
import type { StudentDetail } from './student.service.js'
import type { Student } from './student.js'
import {
  basisLabel,
  displayName,
  flagTags,
  needLabel,
  provisionLabel,
  verdictTag,
} from './students.view-model.js'

export interface ProfileState {
  referenceDate: ReferenceDate
  /** The planning year as typed, kept when it was invalid. */
  yearAnswer: string
  errors?: FormErrors
  answers?: Record<string, string>
  saved?: string
  /** Overrides that were replaced or removed, newest first. */
  overrideHistory?: EndedOverride[]
}

function historyView(history: EndedOverride[]) {
  return history.map((ended) => ({
    group: groupLabel(ended.group),
    reason: ended.reason,
    made: `${ended.madeBy} on ${formatLongDate(ended.madeAt.slice(0, 10))}`,
    ended: `${ended.endedHow === 'removed' ? 'Removed' : 'Replaced'} by ${ended.endedBy} on ${formatLongDate(ended.endedAt.slice(0, 10))}`,
  }))
}

// The glossary entry of each provision code that has one. A statement links to the EHC plan entry
// and School Action to SEN support, because those replaced them.
const PROVISION_GLOSSARY_IDS: Partial<Record<ProvisionCode, string>> = {
  E: 'ehc-plan',
  S: 'ehc-plan',
  K: 'sen-support',
  A: 'sen-support',
  P: 'sen-support',
}

function provisionValue(code: ProvisionCode) {
  const id = PROVISION_GLOSSARY_IDS[code]
  return id ? { html: glossaryLinkHtml(id, provisionLabel(code)) } : { text: provisionLabel(code) }
}

/** Builds the record's summary list rows. A key that is a glossary term links to its entry. */
function summaryRows(student: Student) {
  const text = (value: string) => ({ text: value })
  const optionalDate = (date: string | null) => text(date ? formatLongDate(date) : 'None recorded')
  const rows = [
    { key: 'UPN', glossaryId: 'upn', value: text(student.upn ?? 'None recorded') },
    { key: 'Legal name', value: text(`${student.legalForename} ${student.legalSurname}`) },
    { key: 'Date of birth', value: text(formatLongDate(student.dateOfBirth)) },
    { key: 'Year group', value: text(student.ncYear ?? 'None recorded') },
    {
      key: 'SEN provision',
      glossaryId: 'sen-provision',
      value: provisionValue(student.provisionCode),
    },
    {
      key: 'Primary need',
      glossaryId: 'primary-need',
      value: text(needLabel(student.primaryNeed)),
    },
    {
      key: 'Secondary need',
      glossaryId: 'secondary-need',
      value: text(needLabel(student.secondaryNeed)),
    },
    { key: 'EHC plan start date', value: optionalDate(student.ehcPlanStartDate) },
    { key: 'In the latest import', value: text(student.inLatestImport ? 'Yes' : 'No') },
    { key: 'Left the school', value: text(student.leftOn ? formatLongDate(student.leftOn) : 'No') },
  ]
  return rows.map((row) => ({
    key: row.glossaryId ? { html: glossaryLinkHtml(row.glossaryId, row.key) } : { text: row.key },
    value: row.value,
  }))
}

function toOutcomeView(result: OutcomeEligibility) {
  const outcome = findOutcome(result.outcomeId)
  return {
    id: result.outcomeId,
    title: outcome?.title ?? result.outcomeId,
    tag: verdictTag(result.verdict),
    reasons: result.reasons,
  }
}

// The domain already puts the student's own group first, so sections keep the order it gives.
function outcomeSections(results: OutcomeEligibility[], ownGroup: CareerSendGroup | null) {
  const groups = [...new Set(results.map((result) => result.group))]
  return groups.map((group) => ({
    heading: `${groupLabel(group)} outcomes`,
    isOwnGroup: group === ownGroup,
    outcomes: results.filter((result) => result.group === group).map(toOutcomeView),
  }))
}

function groupView(assignment: GroupAssignment) {
  return {
    label: groupLabel(assignment.group),
    basis: basisLabel(assignment.basis),
    tags: flagTags(assignment.flags, assignment.conflict !== null),
    // The conflict has its own warning on the page, so it is not repeated among the reasons.
    explanation: assignment.explanation.filter((sentence) => sentence !== assignment.conflict),
    computedLabel: groupLabel(assignment.computedGroup),
    override: assignment.override,
    overrideDate: assignment.override ? formatLongDate(assignment.override.at.slice(0, 10)) : null,
    conflict: assignment.conflict,
  }
}

/** Returns the template context of the student page. */
export function profileContext({ student, assignment }: StudentDetail, state: ProfileState) {
  const results = evaluateEligibility({
    facts: toStudentFacts(student),
    group: assignment.group,
    referenceDate: state.referenceDate.date,
  })
  return {
    pageTitle: displayName(student),
    student,
    summaryRows: summaryRows(student),
    group: groupView(assignment),
    sections: outcomeSections(results, assignment.group),
    reference: { ...state.referenceDate, longDate: formatLongDate(state.referenceDate.date) },
    yearAnswer: state.yearAnswer,
    errors: state.errors,
    answers: { pathway: student.pathway ?? '', ...state.answers },
    saved: state.saved,
    overrideHistory: historyView(state.overrideHistory ?? []),
  }
}

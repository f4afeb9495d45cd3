// Builds what the student page shows: the record, the group and why, and every outcome's verdict.
import { findOutcome } from '../../domain/catalogue.js'
import { evaluateEligibility } from '../../domain/eligibility.js'
import { formatLongDate } from '../../domain/format.js'
import { groupLabel } from '../../domain/group-label.js'
import type { CareerSendGroup, GroupAssignment, OutcomeEligibility } from '../../domain/types.js'
import type { ReferenceDate } from '../eligibility/reference-date.js'
import type { FormErrors } from '../../web/form-errors.js'
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

function summaryRows(student: Student) {
  const optionalDate = (date: string | null) => (date ? formatLongDate(date) : 'None recorded')
  return [
    { key: 'UPN', value: student.upn ?? 'None recorded' },
    { key: 'Legal name', value: `${student.legalForename} ${student.legalSurname}` },
    { key: 'Date of birth', value: formatLongDate(student.dateOfBirth) },
    { key: 'Year group', value: student.ncYear ?? 'None recorded' },
    { key: 'SEN provision', value: provisionLabel(student.provisionCode) },
    { key: 'Primary need', value: needLabel(student.primaryNeed) },
    { key: 'Secondary need', value: needLabel(student.secondaryNeed) },
    { key: 'EHC plan start date', value: optionalDate(student.ehcPlanStartDate) },
    { key: 'In the latest import', value: student.inLatestImport ? 'Yes' : 'No' },
    { key: 'Left the school', value: student.leftOn ? formatLongDate(student.leftOn) : 'No' },
  ].map((row) => ({ key: { text: row.key }, value: { text: row.value } }))
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

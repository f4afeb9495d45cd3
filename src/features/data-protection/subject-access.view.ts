// Turns a subject access export into sections a person can read: labelled fields and tables in
// plain English. The page and the command line's text output both render this model.
import { formatLongDate } from '../../domain/format.js'
import type { SubjectAccessExport } from './subject-access.service.js'
import { STUDENT_RECORD_TABLES } from './student-records.repository.js'
import type { StudentRecordTable } from './student-records.repository.js'

export interface ReadableSection {
  heading: string
  /** A sentence under the heading saying what the section contains. */
  intro: string
  fields?: { key: string; value: string }[]
  table?: { head: string[]; rows: string[][] }
  /** Shown in place of the fields or table when the section has no rows. */
  empty?: string
}

const STUDENT_LABELS: Record<string, string> = {
  id: 'Record number',
  school_id: 'School number',
  upn: 'UPN (unique pupil number)',
  uln: 'ULN (unique learner number)',
  mis_id: 'School system (MIS) id',
  former_upn: 'Former UPN',
  legal_surname: 'Legal surname',
  legal_forename: 'Legal forename',
  preferred_surname: 'Preferred surname',
  preferred_forename: 'Preferred forename',
  date_of_birth: 'Date of birth',
  nc_year: 'Year group',
  provision_code: 'SEN provision code',
  primary_need: 'Primary need',
  secondary_need: 'Secondary need',
  ehc_plan_start_date: 'EHC plan start date',
  ehc_plan_review_date: 'EHC plan review date',
  pathway: 'Qualification pathway',
  pathway_set_by: 'Pathway recorded by',
  pathway_set_at: 'Pathway recorded at',
  group: 'Career SEND group',
  basis: 'How the group was decided',
  flags: 'Group flags',
  need_area: 'Area of need used for the group',
  has_conflict: 'Override differs from the rules (1 yes, 0 no)',
  sort_name: 'Sort key, made from the name',
  search_text: 'Search key, made from the names and identifiers',
  in_latest_import: 'In the latest register import (1 yes, 0 no)',
  left_on: 'Left the school on',
  pseudonymised_at: 'Pseudonymised at',
  version: 'Record version',
  created_at: 'Record created at',
  updated_at: 'Record last changed at',
}

const ACTION_LABELS: Record<string, string> = {
  'student.view': 'Viewed the record',
  'student.pathway': 'Changed the qualification pathway',
  'student.override.set': 'Set a group override',
  'student.override.remove': 'Removed the group override',
  'student.left': 'Changed the leaving date',
  'student.export': 'Exported the record for a subject access request',
  'student.pseudonymise': 'Pseudonymised the record',
  'student.erase': 'Erased the record',
  'student.hand_over': 'Opened the hand-over pack',
  'activity.record': 'Recorded a careers activity for the student',
  'activity.change': 'Changed a careers activity the student was on',
  'activity.student.add': 'Added the student to a careers activity',
  'activity.student.change': 'Changed the student’s adjustments or reflection on an activity',
  'activity.student.remove': 'Took the student off a careers activity',
  'activity.delete': 'Deleted a careers activity the student was on',
  'plan.aspiration.add': 'Added an aspiration to the career plan',
  'plan.aspiration.edit': 'Changed an aspiration in the career plan',
  'plan.aspiration.remove': 'Removed an aspiration from the career plan',
  'plan.goal.add': 'Added a goal to the career plan',
  'plan.goal.edit': 'Changed a goal in the career plan',
  'plan.goal.remove': 'Removed a goal from the career plan',
  'plan.targets.set': 'Set the target outcomes of the career plan',
  'plan.action.add': 'Added an action to the career plan',
  'plan.action.edit': 'Changed an action in the career plan',
  'plan.action.remove': 'Removed an action from the career plan',
  'plan.review.add': 'Added a review to the career plan',
  'plan.review.edit': 'Changed a review in the career plan',
  'plan.review.remove': 'Removed a review from the career plan',
  'plan.my_future.set': 'Chose what the student’s My future page shows',
  'destination.add': 'Added a destination',
  'destination.change': 'Changed a destination',
  'destination.remove': 'Removed a destination',
  'destination.consent': 'Recorded consent to track destinations',
  'destination.import': 'Imported a destination from a file',
}

/** Formats a stored value for reading: dates in words, search-key separators as " | ". */
function readable(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'None recorded'
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLongDate(value)
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatMoment(value)
    return value.replaceAll('\u0001', ' | ')
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** Formats an ISO 8601 timestamp as its UTC date in words and time: "4 December 2026, 09:00 UTC". */
export function formatMoment(moment: string): string {
  return `${formatLongDate(moment.slice(0, 10))}, ${moment.slice(11, 16)} UTC`
}

/** Describes audit details: each changed field with its old and new value, or the stored JSON. */
function describeDetails(details: unknown): string {
  if (details === null || typeof details !== 'object') return readable(details)
  const entries = Object.entries(details as Record<string, unknown>)
  if (entries.length === 0) return 'No details'

  return entries
    .map(([field, value]) => {
      const change = value as { from?: unknown; to?: unknown } | null
      if (change && typeof change === 'object' && 'from' in change && 'to' in change) {
        return `${field}: from ${readable(change.from)} to ${readable(change.to)}`
      }
      return `${field}: ${readable(value)}`
    })
    .join('; ')
}

function aboutSection(record: SubjectAccessExport): ReadableSection {
  return {
    heading: 'About this export',
    intro: 'Who asked for this copy of the record, and when.',
    fields: [
      { key: 'School', value: record.school.name },
      { key: 'Record number', value: String(record.studentId) },
      { key: 'Exported at', value: formatMoment(record.exportedAt) },
      { key: 'Exported by', value: record.exportedBy },
    ],
  }
}

function studentSection(record: SubjectAccessExport): ReadableSection {
  const [student] = record.tables.students
  const fields = Object.entries(student ?? {}).map(([column, value]) => ({
    key: STUDENT_LABELS[column] ?? column,
    value: readable(value),
  }))
  return {
    heading: 'The student record',
    intro:
      'Every field stored about the student, as imported from the school register or recorded by staff.',
    fields,
  }
}

function overrideSections(record: SubjectAccessExport): ReadableSection[] {
  const head = ['Group', 'Reason', 'Made by', 'Made at']
  const current = record.tables.group_overrides.map((row) => [
    row.group,
    row.reason,
    row.made_by,
    readable(row.made_at),
  ])
  const history = record.tables.group_override_history.map((row) => [
    row.group,
    row.reason,
    `${row.made_by}, ${readable(row.made_at)}`,
    `${row.ended_how} by ${row.ended_by}, ${readable(row.ended_at)}`,
  ])
  return [
    {
      heading: 'Career SEND group override',
      intro: 'A group chosen by staff in place of the one the rules give, with their reason.',
      table: current.length ? { head, rows: current } : undefined,
      empty: 'There is no override.',
    },
    {
      heading: 'Earlier overrides',
      intro: 'Overrides that were later replaced or removed.',
      table: history.length
        ? { head: ['Group', 'Reason', 'Made', 'Ended'], rows: history }
        : undefined,
      empty: 'There are no earlier overrides.',
    },
  ]
}

function stagedSection(record: SubjectAccessExport): ReadableSection {
  const rows = record.tables.import_preview_rows.map((row) => [
    row.preview_file_name,
    readable(row.preview_created_at),
    String(row.line),
    row.status,
    describeDetails(row.input),
    describeDetails(row.errors),
  ])
  return {
    heading: 'Rows waiting in an import preview',
    intro:
      'Register files uploaded but not yet confirmed that contain a row for the student. They are deleted when confirmed or after two hours.',
    table: rows.length
      ? { head: ['File', 'Uploaded at', 'Line', 'Status', 'Values in the file', 'Errors'], rows }
      : undefined,
    empty: 'No uploaded file is waiting with a row for the student.',
  }
}

const RECORD_TABLE_HEADINGS: Record<StudentRecordTable, { heading: string; intro: string }> = {
  career_plans: { heading: 'Career plan', intro: 'When the plan was started and last changed.' },
  plan_aspirations: {
    heading: 'Aspirations',
    intro: 'What the student wants to do, and how it was gathered.',
  },
  plan_goals: { heading: 'Preparing for Adulthood goals', intro: 'Goals in the plan, by area.' },
  plan_targets: { heading: 'Target outcomes', intro: 'The outcomes the plan aims at, ranked.' },
  plan_actions: { heading: 'Actions', intro: 'What is to be done, by whom and when.' },
  plan_reviews: { heading: 'Reviews', intro: 'Reviews of the plan and who took part.' },
  my_future_views: {
    heading: 'My future page',
    intro: 'What staff wrote about the student for their easy-read page, and what it shows.',
  },
  careers_activity_students: {
    heading: 'Careers activities',
    intro: 'Activities the student took part in, with their adjustments and reflections.',
  },
  destination_spells: {
    heading: 'Destinations',
    intro: 'Intended and actual destinations after leaving, as spells with dates.',
  },
  tracking_consents: {
    heading: 'Consent to track destinations',
    intro: 'Whether the student agreed to their destination being followed after 16.',
  },
  destination_import_rows: {
    heading: 'Rows waiting in a destinations import',
    intro: 'Destination files uploaded but not yet confirmed that contain a row for the student.',
  },
}

/** Turns a column name into a heading: `next_review_on` reads "Next review on". */
function columnHeading(column: string): string {
  const words = column.replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function recordSections(record: SubjectAccessExport): ReadableSection[] {
  return STUDENT_RECORD_TABLES.map((table) => {
    const rows = record.tables[table] as Record<string, unknown>[]
    const head = Object.keys(rows[0] ?? {})
    return {
      ...RECORD_TABLE_HEADINGS[table],
      table: rows.length
        ? {
            head: head.map(columnHeading),
            rows: rows.map((row) => head.map((column) => readable(row[column]))),
          }
        : undefined,
      empty: 'Nothing is recorded.',
    }
  })
}

function auditSection(record: SubjectAccessExport): ReadableSection {
  const rows = record.tables.audit_events.map((event) => [
    formatMoment(event.at),
    event.actor,
    ACTION_LABELS[event.action] ?? event.action,
    describeDetails(event.details),
  ])
  return {
    heading: 'Audit trail',
    intro: 'Every time someone viewed, changed or exported the record, oldest first.',
    table: { head: ['When', 'Who', 'What', 'Details'], rows },
  }
}

/** Builds the readable sections of a subject access export, in the order the page shows them. */
export function subjectAccessSections(record: SubjectAccessExport): ReadableSection[] {
  return [
    aboutSection(record),
    studentSection(record),
    ...overrideSections(record),
    stagedSection(record),
    ...recordSections(record),
    auditSection(record),
  ]
}

/** Renders the sections as plain text for a terminal or a file. */
export function subjectAccessText(record: SubjectAccessExport): string {
  const lines: string[] = ['Subject access export', '']
  for (const section of subjectAccessSections(record)) {
    lines.push(section.heading, '-'.repeat(section.heading.length), section.intro, '')
    for (const field of section.fields ?? []) lines.push(`${field.key}: ${field.value}`)
    if (section.table) {
      for (const row of section.table.rows) {
        const cells = section.table.head.map((head, index) => `${head}: ${row[index] ?? ''}`)
        lines.push(`- ${cells.join('\n  ')}`)
      }
    } else if (!section.fields && section.empty) {
      lines.push(section.empty)
    }
    lines.push('')
  }
  return lines.join('\n')
}

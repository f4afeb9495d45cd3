import {
  ACTIVITY_KIND_INFO,
  isActivityKind,
  MAX_NOTE_LENGTH,
} from '../../domain/careers-activities.js'
import type { ActivityField, ActivityFields } from '../../domain/careers-activities.js'
import type { IsoDate } from '../../domain/types.js'
import type { ActivityRow, ParticipantRow, StudentSummaryRow } from './activity.repository.js'

// The activity as the service and pages read it, the converters from rows, and the field values
// the audit trail records.

export interface Activity {
  id: number
  schoolId: number
  kind: string
  title: string
  heldOn: IsoDate
  provider: string | null
  benchmark: number
  adjustments: string | null
  version: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface StudentSummary {
  id: number
  schoolId: number
  name: string
  yearGroup: string | null
  group: string | null
  leftOn: IsoDate | null
}

export interface Participant extends StudentSummary {
  adjustments: string | null
  reflection: string | null
  /** The version of this student's part, raised by each change to it. */
  version: number
}

/** An activity as typed in a form, before the kind's usual benchmark fills a blank one. */
export interface ActivityInput {
  kind: string
  title: string
  heldOn: string
  provider: string | null
  /** Null means the kind's usual benchmark. */
  benchmark: number | null
  adjustments: string | null
}

/** A student's own part in an activity. */
export interface StudentPartInput {
  adjustments: string | null
  reflection: string | null
}

/** A field a service error can name: an activity field, or a part of choosing students. */
export type ProblemField =
  ActivityField | 'school' | 'students' | 'student' | 'studentAdjustments' | 'reflection'

export interface Problem {
  field: ProblemField
  message: string
}

export const studentPartMessages = {
  adjustmentsTooLong: `Adjustments for the student must be ${MAX_NOTE_LENGTH} characters or fewer`,
  reflectionTooLong: `Reflection must be ${MAX_NOTE_LENGTH} characters or fewer`,
}

export function toActivity(row: ActivityRow): Activity {
  return {
    id: Number(row.id),
    schoolId: row.school_id,
    kind: row.kind,
    title: row.title,
    heldOn: row.held_on,
    provider: row.provider,
    benchmark: row.benchmark,
    adjustments: row.adjustments,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }
}

export function toStudentSummary(row: StudentSummaryRow): StudentSummary {
  const forename = row.preferred_forename ?? row.legal_forename
  const surname = row.preferred_surname ?? row.legal_surname
  return {
    id: row.id,
    schoolId: row.school_id,
    name: `${forename} ${surname}`,
    yearGroup: row.nc_year,
    group: row.group,
    leftOn: row.left_on,
  }
}

export function toParticipant(row: ParticipantRow): Participant {
  return {
    ...toStudentSummary(row),
    adjustments: row.adjustments,
    reflection: row.reflection,
    version: row.version,
  }
}

/**
 * Summarises which students are on an activity and the version of each one's part, as
 * `studentId.version` pairs in id order. A confirm form carries it, so that a student added,
 * removed or changed since the form was opened is noticed.
 */
export function partsStamp(participants: readonly Pick<Participant, 'id' | 'version'>[]): string {
  return [...participants]
    .sort((a, b) => a.id - b.id)
    .map((participant) => `${participant.id}.${participant.version}`)
    .join(' ')
}

/** Trims text to NFC, turning blank text into null. */
export function optionalText(value: string | null): string | null {
  const text = value?.normalize('NFC').trim() ?? ''
  return text === '' ? null : text
}

/**
 * Normalises typed fields and gives a blank benchmark the kind's usual one. A blank benchmark
 * stays null when the kind is unknown.
 */
export function toActivityFields(input: ActivityInput): ActivityFields {
  const usual = isActivityKind(input.kind) ? ACTIVITY_KIND_INFO[input.kind].benchmark : null
  return {
    kind: input.kind,
    title: input.title.normalize('NFC').trim(),
    heldOn: input.heldOn,
    provider: optionalText(input.provider),
    benchmark: input.benchmark ?? usual,
    adjustments: optionalText(input.adjustments),
  }
}

/** Returns the activity's fields under their column names, as audit events record them. */
export function auditValues(fields: ActivityFields) {
  return {
    kind: fields.kind,
    title: fields.title,
    held_on: fields.heldOn,
    provider: fields.provider,
    benchmark: fields.benchmark,
    adjustments: fields.adjustments,
  }
}

export function activityFieldsOf(activity: Activity): ActivityFields {
  const { kind, title, heldOn, provider, benchmark, adjustments } = activity
  return { kind, title, heldOn, provider, benchmark, adjustments }
}

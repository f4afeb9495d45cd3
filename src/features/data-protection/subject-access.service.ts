import type { Kysely } from 'kysely'
import type { GroupOverrideRow, StudentRow, Tables } from '../../db/tables.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import { listSchools } from '../students/school.repository.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import * as records from './student-records.repository.js'
import type {
  AuditEventRow,
  OverrideHistoryRow,
  StagedRowRecord,
} from './student-records.repository.js'

// A subject access export: every row the product stores about one student, as stored, with the
// JSON text columns parsed so that a reader sees values, not escaped strings.

/** The tables an export covers, named as in the database. */
export const SUBJECT_ACCESS_TABLES = [
  'students',
  'group_overrides',
  'group_override_history',
  'import_preview_rows',
  ...records.STUDENT_RECORD_TABLES,
  'audit_events',
] as const

export type SubjectAccessTable = (typeof SUBJECT_ACCESS_TABLES)[number]

export type SubjectAccessFormat = 'json' | 'html' | 'text'

export interface StagedRowExport extends Omit<
  StagedRowRecord,
  'changed_fields' | 'input' | 'errors' | 'warnings'
> {
  changed_fields: unknown
  input: unknown
  errors: unknown
  warnings: unknown
}

export interface AuditEventExport extends Omit<AuditEventRow, 'details'> {
  details: unknown
}

export interface SubjectAccessExport {
  /** The layout of this export. A change to the meaning of a field gives a new number. */
  formatVersion: 1
  exportedAt: string
  exportedBy: string
  school: { id: number; name: string }
  studentId: number
  tables: records.StudentRecordRows & {
    students: StudentRow[]
    group_overrides: GroupOverrideRow[]
    group_override_history: OverrideHistoryRow[]
    import_preview_rows: StagedRowExport[]
    audit_events: AuditEventExport[]
  }
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown)
}

function toStagedRowExport(row: StagedRowRecord): StagedRowExport {
  return {
    ...row,
    changed_fields: parseJson(row.changed_fields),
    input: parseJson(row.input),
    errors: parseJson(row.errors),
    warnings: parseJson(row.warnings),
  }
}

function toAuditEventExport(row: AuditEventRow): AuditEventExport {
  return { ...row, details: parseJson(row.details) }
}

export function createSubjectAccessService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())

  /**
   * Records a `student.export` event and returns everything held about the student, the new event
   * included. Returns null when the student is not in scope.
   */
  async function exportStudent(
    scope: Scope,
    id: number,
    by: string,
    format: SubjectAccessFormat,
  ): Promise<SubjectAccessExport | null> {
    const exportedAt = clock().toISOString()
    return db.transaction().execute(async (trx) => {
      const student = await records.findStudentRow(trx, scope.schoolIds, id)
      if (!student) return null

      await insertAuditEvent(trx, {
        at: exportedAt,
        actor: by,
        action: 'student.export',
        schoolId: student.school_id,
        studentId: student.id,
        details: { format },
      })
      const [school] = await listSchools(trx, [student.school_id])
      const staged = await records.listStagedRows(trx, student)
      const audit = await records.listStudentAuditRows(trx, student.id)

      return {
        formatVersion: 1,
        exportedAt,
        exportedBy: by,
        school: { id: student.school_id, name: school?.name ?? '' },
        studentId: student.id,
        tables: {
          students: [student],
          group_overrides: await records.listOverrideRows(trx, student.id),
          group_override_history: await records.listOverrideHistoryRows(trx, student.id),
          import_preview_rows: staged.map(toStagedRowExport),
          ...(await records.listStudentRecordRows(trx, student.id)),
          audit_events: audit.map(toAuditEventExport),
        },
      }
    })
  }

  return { exportStudent }
}

// The exports the product offers: what each contains, who it is for, and where its rows come from.
import type { ExportRecord, RowSource } from './export.paging.js'
import {
  ACTIVITY_COLUMNS,
  activityRows,
  DESTINATION_COLUMNS,
  destinationRows,
  PLAN_COLUMNS,
  planRows,
  STUDENT_COLUMNS,
  studentRows,
} from './export.record-rows.js'
import { LA_RETURN_COLUMNS, laReturnRows, NCCIS_COLUMNS, nccisRows } from './export.return-rows.js'

export const EXPORT_KINDS = [
  'students',
  'plans',
  'activities',
  'destinations',
  'nccis',
  'la-return',
] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportKindInfo {
  kind: ExportKind
  title: string
  /** One sentence on what is inside and who it is for. */
  description: string
  /** The worksheet name in an XLSX file: at most 31 characters. */
  sheetName: string
  columns: readonly string[]
  rows: (source: RowSource) => AsyncGenerator<ExportRecord>
}

export const EXPORT_KIND_INFO: Record<ExportKind, ExportKindInfo> = {
  students: {
    kind: 'students',
    title: 'Students',
    description:
      'One row per student with identifiers, names, date of birth, year, SEN provision, needs, pathway and Career SEND group, for the school’s own records.',
    sheetName: 'Students',
    columns: STUDENT_COLUMNS,
    rows: studentRows,
  },
  plans: {
    kind: 'plans',
    title: 'Career plans',
    description:
      'One row per aspiration, goal, target outcome, action and review of every career plan, for staff who track plans in a spreadsheet.',
    sheetName: 'Career plans',
    columns: PLAN_COLUMNS,
    rows: planRows,
  },
  activities: {
    kind: 'activities',
    title: 'Careers activities',
    description:
      'One row per student in each careers activity, with its Gatsby Benchmark, adjustments and the student’s reflection, as evidence for the careers leader.',
    sheetName: 'Careers activities',
    columns: ACTIVITY_COLUMNS,
    rows: activityRows,
  },
  destinations: {
    kind: 'destinations',
    title: 'Destinations',
    description:
      'One row per destination spell, intended or actual, with dates, hours, provider and NCCIS code, for destination tracking.',
    sheetName: 'Destinations',
    columns: DESTINATION_COLUMNS,
    rows: destinationRows,
  },
  nccis: {
    kind: 'nccis',
    title: 'NCCIS destinations file',
    description:
      'One row per student with a destination: UPN, names, date of birth and the NCCIS activity code of the current or latest destination, for the local authority’s NCCIS team.',
    sheetName: 'NCCIS',
    columns: NCCIS_COLUMNS,
    rows: nccisRows,
  },
  'la-return': {
    kind: 'la-return',
    title: 'Pseudonymised local authority return',
    description:
      'One row per student with a pseudonymous key in place of names, UPN and date of birth, with year, needs, group and destination, for the local authority’s SEND and sufficiency planning.',
    sheetName: 'LA return',
    columns: LA_RETURN_COLUMNS,
    rows: laReturnRows,
  },
}

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value)
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value)
}

/** Returns a download's file name, such as `send-careers-students-2026-12-04.csv`. */
export function exportFileName(kind: ExportKind, format: ExportFormat, today: string): string {
  return `send-careers-${kind}-${today}.${format}`
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

// Rows of the students, plans, activities and destinations exports: one line per stored record,
// in the words the pages use, for a school's own spreadsheets.
import { findOutcome } from '../../domain/catalogue.js'
import { findDestinationType } from '../../domain/destination-types.js'
import { effectiveNccisCode } from '../../domain/nccis-codes.js'
import type { GroupBasis } from '../../domain/types.js'
import { CATEGORY_LABELS } from '../destinations/destinations.view.js'
import {
  ACTION_STATUS_LABELS,
  ACTIVITY_KIND_LABELS,
  benchmarkLabel,
  GATHERED_HOW_LABELS,
  GOAL_STATUS_LABELS,
  INTENT_LABELS,
  labelOf,
  PFA_AREA_LABELS,
  REVIEW_KIND_LABELS,
} from '../hand-over/hand-over.labels.js'
import { basisLabel, groupText } from '../students/students.view-model.js'
import {
  pageActivityParticipants,
  pagePlanParts,
  pageSpells,
  pageStudents,
} from './export.repository.js'
import type { PlanPartRow, PlanPartTable } from './export.repository.js'
import { readPages, textOrEmpty, yesNo } from './export.paging.js'
import type { Cell, ExportRecord, RowSource } from './export.paging.js'

export const STUDENT_COLUMNS = [
  'School',
  'Student id',
  'UPN',
  'ULN',
  'MIS id',
  'Former UPN',
  'Legal surname',
  'Legal forename',
  'Preferred surname',
  'Preferred forename',
  'Date of birth',
  'NC year',
  'SEN provision',
  'Primary need',
  'Secondary need',
  'EHC plan start',
  'EHC plan last review',
  'Qualification pathway',
  'Career SEND group',
  'Group basis',
  'Group flags',
  'Left on',
]

/** Turns stored flags such as `,provisional,atypical,` into `provisional; atypical`. */
function flagList(flags: string): string | null {
  const list = flags.split(',').filter((flag) => flag !== '')
  return list.length > 0 ? list.join('; ') : null
}

export async function* studentRows(source: RowSource): AsyncGenerator<ExportRecord> {
  for await (const row of readPages(source, (page) => pageStudents(source.db, page))) {
    const cells: Cell[] = [
      row.school_name,
      row.id,
      row.upn,
      row.uln,
      row.mis_id,
      row.former_upn,
      row.legal_surname,
      row.legal_forename,
      row.preferred_surname,
      row.preferred_forename,
      row.date_of_birth,
      row.nc_year,
      row.provision_code,
      row.primary_need,
      row.secondary_need,
      row.ehc_plan_start_date,
      row.ehc_plan_review_date,
      row.pathway,
      groupText(row.group),
      basisLabel(row.basis as GroupBasis | null),
      flagList(row.flags),
      row.left_on,
    ]
    yield { schoolId: row.school_id, cells }
  }
}

export const PLAN_COLUMNS = [
  'School',
  'Student id',
  'UPN',
  'Item',
  'Item id',
  'Date',
  'Description',
  'Preparing for Adulthood area',
  'Status',
  'Rank',
  'Outcome id',
  'Outcome',
  'Who',
  'How gathered',
  'Review kind',
  'Areas covered',
  'Why areas were not covered',
  'Next review',
  'Note',
]

/** A plan item's own fields, by column name. The columns it does not use stay empty. */
type PlanFields = Partial<Record<(typeof PLAN_COLUMNS)[number], Cell>>

const PLAN_ITEMS: { table: PlanPartTable; item: string; fields: (row: never) => PlanFields }[] = [
  {
    table: 'plan_aspirations',
    item: 'aspiration',
    fields: (row: PlanPartRow<'plan_aspirations'>) => ({
      Date: row.recorded_on,
      Description: row.words,
      'How gathered': labelOf(GATHERED_HOW_LABELS, row.gathered_how),
    }),
  },
  {
    table: 'plan_goals',
    item: 'goal',
    fields: (row: PlanPartRow<'plan_goals'>) => ({
      Description: row.goal,
      'Preparing for Adulthood area': labelOf(PFA_AREA_LABELS, row.area),
      Status: labelOf(GOAL_STATUS_LABELS, row.status),
    }),
  },
  {
    table: 'plan_targets',
    item: 'target',
    fields: (row: PlanPartRow<'plan_targets'>) => ({
      Date: row.planned_start,
      Rank: row.rank,
      'Outcome id': row.outcome_id,
      Outcome: findOutcome(row.outcome_id)?.title ?? row.outcome_id,
      Note: textOrEmpty(row.note),
    }),
  },
  {
    table: 'plan_actions',
    item: 'action',
    fields: (row: PlanPartRow<'plan_actions'>) => ({
      Date: row.due_on,
      Description: row.what,
      Who: row.who,
      Status: labelOf(ACTION_STATUS_LABELS, row.status),
    }),
  },
  {
    table: 'plan_reviews',
    item: 'review',
    fields: (row: PlanPartRow<'plan_reviews'>) => ({
      Date: row.held_on,
      Description: row.summary,
      Who: row.participants,
      'Review kind': labelOf(REVIEW_KIND_LABELS, row.kind),
      'Areas covered': flagList(row.pfa_areas)
        ?.split('; ')
        .map((area) => labelOf(PFA_AREA_LABELS, area))
        .join('; '),
      'Why areas were not covered': textOrEmpty(row.pfa_reason),
      'Next review': row.next_review_on,
    }),
  },
]

/** Yields every plan item, one kind after another: aspirations, goals, targets, actions, reviews. */
export async function* planRows(source: RowSource): AsyncGenerator<ExportRecord> {
  for (const { table, item, fields } of PLAN_ITEMS) {
    const rows = readPages(source, (page) => pagePlanParts(source.db, table, page))
    for await (const row of rows) {
      const own: PlanFields = (fields as (row: unknown) => PlanFields)(row)
      const start: Cell[] = [row.school_name, row.student_id, row.student_upn, item, row.id]
      const rest = PLAN_COLUMNS.slice(start.length).map((column) => own[column] ?? null)
      yield { schoolId: row.school_id, cells: [...start, ...rest] }
    }
  }
}

export const ACTIVITY_COLUMNS = [
  'School',
  'Student id',
  'UPN',
  'Activity id',
  'Held on',
  'Kind',
  'Title',
  'Provider',
  'Gatsby Benchmark',
  'Benchmark name',
  'Adjustments for everyone',
  'Adjustments for this student',
  'Reflection',
]

export async function* activityRows(source: RowSource): AsyncGenerator<ExportRecord> {
  const rows = readPages(source, (page) => pageActivityParticipants(source.db, page))
  for await (const row of rows) {
    const cells: Cell[] = [
      row.school_name,
      row.student_id,
      row.student_upn,
      row.activity_id,
      row.held_on,
      labelOf(ACTIVITY_KIND_LABELS, row.kind),
      row.title,
      textOrEmpty(row.provider),
      row.benchmark,
      benchmarkLabel(row.benchmark, row.held_on),
      textOrEmpty(row.activity_adjustments),
      textOrEmpty(row.student_adjustments),
      textOrEmpty(row.reflection),
    ]
    yield { schoolId: row.school_id, cells }
  }
}

export const DESTINATION_COLUMNS = [
  'School',
  'Student id',
  'UPN',
  'Spell id',
  'Intended or actual',
  'Type id',
  'Type',
  'Category',
  'Start date',
  'End date',
  'Hours a week',
  'Paid',
  'Provider or employer',
  'Date checked',
  'NCCIS code',
  'Reason',
]

export async function* destinationRows(source: RowSource): AsyncGenerator<ExportRecord> {
  for await (const row of readPages(source, (page) => pageSpells(source.db, page))) {
    const type = findDestinationType(row.type)
    const cells: Cell[] = [
      row.school_name,
      row.student_id,
      row.student_upn,
      row.id,
      labelOf(INTENT_LABELS, row.intent),
      row.type,
      type?.label ?? null,
      type ? CATEGORY_LABELS[type.category] : null,
      row.start_date,
      row.end_date,
      row.hours_per_week,
      yesNo(row.paid),
      textOrEmpty(row.provider),
      row.checked_on,
      effectiveNccisCode(row.type, row.nccis_code)?.code ?? null,
      textOrEmpty(row.reason),
    ]
    yield { schoolId: row.school_id, cells }
  }
}

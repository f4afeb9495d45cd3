import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { academicYearOf } from '../../domain/academic-year.js'
import type { IsoDate } from '../../domain/types.js'
import {
  destinationsUnknown,
  leaversWithoutConsent,
  ineligibleTargets,
  reviewsDue,
  septemberGuarantee,
  studentsWithoutPlan,
} from '../../domain/work-lists.js'
import type { WorkListEntry } from '../../domain/work-lists.js'
import { resolveReferenceDate, todayInEngland } from '../eligibility/reference-date.js'
import type { Scope } from '../students/student.service.js'
import { loadWorkListData } from './work-lists.repository.js'
import type { ListedStudent, WorkListData } from './work-lists.repository.js'

export const WORK_LIST_IDS = [
  'reviews',
  'no-plan',
  'september-guarantee',
  'destinations-unknown',
  'ineligible-targets',
] as const

export type WorkListId = (typeof WORK_LIST_IDS)[number]

export const WORK_LIST_PAGE_SIZE = 50

export function isWorkListId(value: string): value is WorkListId {
  return (WORK_LIST_IDS as readonly string[]).includes(value)
}

/** One listed student with the entry that put them on the list. */
export interface WorkListRow {
  student: ListedStudent
  entry: WorkListEntry
}

export interface WorkListPage {
  id: WorkListId
  today: IsoDate
  rows: WorkListRow[]
  total: number
  page: number
  pageSize: number
  /** Leavers left out of the destinations list because they refused or withdrew consent. */
  withoutConsent: number
}

function planningDate(today: IsoDate): IsoDate {
  const resolved = resolveReferenceDate({}, today)
  if (!resolved.ok) throw new Error(`The default planning year failed: ${resolved.error}`)
  return resolved.value.date
}

function entriesOf(id: WorkListId, data: WorkListData, today: IsoDate): WorkListEntry[] {
  switch (id) {
    case 'reviews':
      return reviewsDue(data.students, data.reviews, today)
    case 'no-plan':
      return studentsWithoutPlan(data.students, data.studentsWithPlan, today)
    case 'september-guarantee':
      return septemberGuarantee(data.students, data.spells, today)
    case 'destinations-unknown':
      return destinationsUnknown(data.students, data.spells, today, data.consents)
    case 'ineligible-targets':
      return ineligibleTargets(data.students, data.targets, today, planningDate(today))
  }
}

export interface WorkListServiceOptions {
  /** The clock, replaced in tests. */
  now?: () => Date
}

export function createWorkListService(db: Kysely<Tables>, options: WorkListServiceOptions = {}) {
  const today = () => todayInEngland((options.now ?? (() => new Date()))())

  async function load(scope: Scope) {
    const on = today()
    return { on, data: await loadWorkListData(db, scope.schoolIds, academicYearOf(on)) }
  }

  return {
    /** Counts the students on each list, in the order the lists are shown. */
    countAll: async (scope: Scope) => {
      const { on, data } = await load(scope)
      const counts = WORK_LIST_IDS.map((id) => ({ id, count: entriesOf(id, data, on).length }))
      return { today: on, counts }
    },

    /** Returns one page of a list. A page past the end gives the last page. */
    listPage: async (scope: Scope, id: WorkListId, page = 1): Promise<WorkListPage> => {
      const { on, data } = await load(scope)
      const byId = new Map(data.students.map((student) => [student.id, student]))
      const entries = entriesOf(id, data, on)
      const pageCount = Math.max(1, Math.ceil(entries.length / WORK_LIST_PAGE_SIZE))
      const pageShown = Math.min(Math.max(1, page), pageCount)
      const start = (pageShown - 1) * WORK_LIST_PAGE_SIZE
      const rows = entries.slice(start, start + WORK_LIST_PAGE_SIZE).map((entry) => ({
        student: byId.get(entry.studentId)!,
        entry,
      }))
      return {
        id,
        today: on,
        rows,
        total: entries.length,
        page: pageShown,
        pageSize: WORK_LIST_PAGE_SIZE,
        withoutConsent:
          id === 'destinations-unknown'
            ? leaversWithoutConsent(data.students, data.spells, on, data.consents)
            : 0,
      }
    },
  }
}

export type WorkListService = ReturnType<typeof createWorkListService>

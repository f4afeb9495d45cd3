// Titles, column headings and tags of the work-list pages.
import { formatLongDate } from '../../domain/format.js'
import { groupText } from '../students/students.view-model.js'
import type { Tag } from '../students/students.view-model.js'
import { WORK_LIST_PAGE_SIZE } from './work-lists.service.js'
import type { WorkListId, WorkListPage, WorkListRow } from './work-lists.service.js'

interface WorkListDefinition {
  title: string
  summary: string
  dateHeading: string
  empty: string
  tags: Record<string, Tag>
  /** The student sub-page where the work is done, appended to `/students/ID`. */
  taskPath: string
  /** Visually hidden words after the student's name that say where the link goes. */
  taskLinkText: string
  /** The glossary entry explaining the list's subject, linked under the summary. */
  glossary?: { id: string; text: string }
}

const RED = 'govuk-tag--red'
const YELLOW = 'govuk-tag--yellow'
const GREY = 'govuk-tag--grey'

export const WORK_LISTS: Record<WorkListId, WorkListDefinition> = {
  reviews: {
    title: 'Reviews due or overdue',
    summary: 'Students whose next review date has passed or is in the next 28 days.',
    dateHeading: 'Next review',
    empty: 'No reviews are due in the next 28 days, and none are overdue.',
    taskPath: '/plan',
    taskLinkText: 'career plan',
    tags: {
      overdue: { text: 'Overdue', classes: RED },
      due: { text: 'Due soon', classes: YELLOW },
    },
  },
  'no-plan': {
    title: 'Students with no plan',
    summary: 'Students who have not left and have no career plan, Year 9 and above first.',
    dateHeading: 'On record since',
    empty: 'Every student who has not left has a career plan.',
    taskPath: '/plan',
    taskLinkText: 'career plan',
    tags: {
      year_9_or_above: { text: 'Year 9 or above', classes: RED },
      below_year_9: { text: 'Below Year 9', classes: GREY },
    },
  },
  'september-guarantee': {
    title: 'September Guarantee',
    summary:
      'Year 11 and Year 12 students with no offer or destination recorded for next year. Each needs an offer of a post-16 place by 30 September.',
    dateHeading: 'Offer due by',
    empty: 'Every Year 11 and Year 12 student has an offer or destination recorded for next year.',
    taskPath: '/destinations',
    taskLinkText: 'destinations',
    glossary: { id: 'september-guarantee', text: 'What the September Guarantee is' },
    tags: {
      missed: { text: 'Missed', classes: RED },
      due: { text: 'Due by 30 September', classes: YELLOW },
      not_yet_due: { text: 'Not yet due', classes: GREY },
    },
  },
  'destinations-unknown': {
    title: 'Destinations to chase',
    summary:
      'Students who left in the last 3 years whose destination is missing, not known, ended or not checked in the last 3 months.',
    dateHeading: 'Date',
    empty:
      'Every leaver of the last 3 years who may be followed up has a current, recently checked destination.',
    taskPath: '/destinations',
    taskLinkText: 'destinations',
    glossary: { id: 'destination', text: 'What counts as a destination' },
    tags: {
      no_actual: { text: 'No destination', classes: RED },
      not_known: { text: 'Not known', classes: RED },
      ended: { text: 'Ended', classes: YELLOW },
      never_checked: { text: 'Never checked', classes: YELLOW },
      stale: { text: 'Check again', classes: YELLOW },
    },
  },
  'ineligible-targets': {
    title: 'Targets no longer eligible',
    summary:
      'Plan targets the student is not eligible for on the planned start, or on 31 August before the planning year when no start is planned.',
    dateHeading: 'Judged on',
    empty: 'Every target in the plans is still open to its student.',
    taskPath: '/plan/targets',
    taskLinkText: 'plan targets',
    tags: {
      not_eligible: { text: 'Not eligible', classes: RED },
    },
  },
}

export function listHref(id: WorkListId, page = 1): string {
  return page > 1 ? `/work-lists/${id}?page=${page}` : `/work-lists/${id}`
}

function toRowView(id: WorkListId, { student, entry }: WorkListRow) {
  const definition = WORK_LISTS[id]
  const date = id === 'no-plan' ? student.createdOn : entry.date
  return {
    id: student.id,
    href: `/students/${student.id}${definition.taskPath}`,
    linkHint: `’s ${definition.taskLinkText}`,
    name: student.name,
    year: student.ncYear ?? 'None',
    group: groupText(student.group),
    tag: definition.tags[entry.status] ?? { text: entry.status, classes: GREY },
    why: entry.why,
    date: date ? formatLongDate(date) : 'None',
  }
}

/** Builds govukPagination parameters, or null when the list fits on one page. */
function paginationOf(id: WorkListId, page: number, total: number) {
  const pageCount = Math.ceil(total / WORK_LIST_PAGE_SIZE)
  if (pageCount <= 1) return null
  // Pages near the current one, and the first and last, are linked. Gaps show as an ellipsis.
  const near = (number: number) =>
    number === 1 || number === pageCount || Math.abs(number - page) <= 2
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let number = 1; number <= pageCount; number++) {
    if (near(number)) items.push({ number, href: listHref(id, number), current: number === page })
    else if (near(number - 1)) items.push({ ellipsis: true })
  }
  return {
    items,
    previous: page > 1 ? { href: listHref(id, page - 1) } : undefined,
    next: page < pageCount ? { href: listHref(id, page + 1) } : undefined,
  }
}

/** Returns the template context of one list's page. */
export function listPageContext(result: WorkListPage) {
  const definition = WORK_LISTS[result.id]
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1
  return {
    pageTitle: definition.title,
    definition,
    today: formatLongDate(result.today),
    rows: result.rows.map((row) => toRowView(result.id, row)),
    total: result.total,
    firstShown: first,
    lastShown: Math.min(result.page * result.pageSize, result.total),
    pagination: paginationOf(result.id, result.page, result.total),
    withoutConsent:
      result.withoutConsent === 0
        ? null
        : `${result.withoutConsent} ${result.withoutConsent === 1 ? 'leaver is' : 'leavers are'} left out because they refused or withdrew consent to tracking their destination.`,
  }
}

/** Returns the template context of the page that lists every work list with its count. */
export function indexPageContext(counts: { id: WorkListId; count: number }[], today: string) {
  return {
    pageTitle: 'Work lists',
    today: formatLongDate(today),
    lists: counts.map(({ id, count }) => ({
      href: listHref(id),
      title: WORK_LISTS[id].title,
      summary: WORK_LISTS[id].summary,
      count,
    })),
  }
}

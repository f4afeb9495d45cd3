// The figures of a cohort report: leaver outcomes per breakdown and the current students' groups,
// plans and benchmark coverage. Counts are `Count` so that a suppressed report has the same shape.
import type { AcademicYear } from '../academic-year.js'
import { academicYearOf } from '../academic-year.js'
import { compareYearGroups } from '../careers-activities.js'
import { CENSUS_NEED_CODES } from '../census-codes.js'
import { DESTINATION_TYPES } from '../destination-types.js'
import { provisionOf } from '../provision.js'
import type { CareerSendGroup, GroupBasis, IsoDate, ProvisionCode } from '../types.js'
import { classifyLeaver, destinationYearOfLeaver } from './leaver-outcome.js'
import type { LeaverOutcome, LeaverSpell } from './leaver-outcome.js'
import type { Count, WithheldReason } from './suppression.js'

/** A student who left in the report's year, with what the breakdowns group them by. */
export interface ReportLeaver {
  studentId: number
  schoolId: number
  leftOn: IsoDate
  ncYear: string | null
  provisionCode: ProvisionCode
  primaryNeed: string | null
  group: CareerSendGroup | null
  basis: GroupBasis | null
  /** The student's actual spells. Intended spells never count as a destination. */
  spells: readonly LeaverSpell[]
}

/** The counts reported for one set of leavers. Shares are these counts over `leavers`. */
export interface OutcomeCounts {
  leavers: Count
  positive: Count
  eet: Count
  neet: Count
  notKnown: Count
  sustained: Count
  /** Leavers whose destination year has not reached the end of March, shown apart. */
  sustainedNotYetKnown: Count
  sustainedEmployment: Count
  /**
   * Leavers per destination type, for every type that has at least one leaver in the report.
   * `withheld` names the reason a null count is withheld, in a suppressed report.
   */
  mix: { type: string; label: string; count: Count; withheld?: WithheldReason }[]
  /** In a suppressed report, why each withheld (null) count is withheld. */
  withheld?: Partial<Record<OutcomeMeasure, WithheldReason>>
}

export const OUTCOME_MEASURES = [
  'leavers',
  'positive',
  'eet',
  'neet',
  'notKnown',
  'sustained',
  'sustainedNotYetKnown',
  'sustainedEmployment',
] as const satisfies readonly (keyof OutcomeCounts)[]

export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number]

export interface OutcomeCell extends OutcomeCounts {
  key: string
  label: string
}

export type BreakdownId = 'group' | 'provision' | 'need' | 'ncYear' | 'school'

export interface Breakdown {
  id: BreakdownId
  title: string
  cells: OutcomeCell[]
}

export interface LeaverOutcomes {
  /** The academic year the students left in. */
  year: AcademicYear
  destinationYear: AcademicYear
  total: OutcomeCell
  breakdowns: Breakdown[]
}

export const BREAKDOWN_TITLES: Record<BreakdownId, string> = {
  group: 'Career SEND group',
  provision: 'SEN provision',
  need: 'Primary need',
  ncYear: 'Year group at leaving',
  school: 'School',
}

/** Cells always listed, in this order, even with no leavers, so years compare row by row. */
const GROUP_CELLS = [
  { key: 'one-firm', label: 'Group One, firm' },
  { key: 'one-provisional', label: 'Group One, provisional' },
  { key: 'two-firm', label: 'Group Two, firm' },
  { key: 'two-provisional', label: 'Group Two, provisional' },
  { key: 'unassigned', label: 'No group yet' },
]

const PROVISION_CELLS = [
  { key: 'K', label: 'SEN support (K)' },
  { key: 'E', label: 'EHC plan (E)' },
]
const NO_SEN_CELL = { key: 'N', label: 'No SEN recorded (N)' }

/**
 * Returns the group cell of a student. A group is firm when it rests on a recorded pathway or an
 * override, and provisional when it rests on the need alone.
 */
export function groupCellKey(group: CareerSendGroup | null, basis: GroupBasis | null): string {
  if (group === null) return 'unassigned'
  return basis === 'pathway' || basis === 'override' ? `${group}-firm` : `${group}-provisional`
}

export function needLabel(code: string | null): string {
  if (code === null) return 'No primary need recorded'
  const known = CENSUS_NEED_CODES.find((entry) => entry.code === code)
  return known ? `${known.description} (${code})` : `${code} (a local code)`
}

export function yearGroupLabel(ncYear: string | null): string {
  if (ncYear === null) return 'No year group recorded'
  if (ncYear === 'X') return 'Outside National Curriculum years (X)'
  if (ncYear === 'R') return 'Reception'
  return `Year ${ncYear}`
}

const TYPE_ORDER = new Map(DESTINATION_TYPES.map((type, index) => [type.id, index]))
const TYPE_LABELS = new Map(DESTINATION_TYPES.map((type) => [type.id, type.label]))

interface Tally {
  counts: Record<OutcomeMeasure, number>
  mix: Map<string, number>
}

function emptyTally(): Tally {
  const counts = Object.fromEntries(OUTCOME_MEASURES.map((measure) => [measure, 0]))
  return { counts: counts as Record<OutcomeMeasure, number>, mix: new Map() }
}

function cellOf(key: string, label: string, tally: Tally, types: string[]): OutcomeCell {
  return {
    key,
    label,
    ...tally.counts,
    mix: types.map((type) => ({
      type,
      label: TYPE_LABELS.get(type) ?? type,
      count: tally.mix.get(type) ?? 0,
    })),
  }
}

/**
 * Counts the outcomes of the leavers of `year`, in total and per breakdown, in one pass over the
 * leavers. Leavers of other years in the list are skipped. `schoolNames`, when given, adds a
 * breakdown by school in its order.
 */
export function aggregateLeavers(
  leavers: readonly ReportLeaver[],
  year: AcademicYear,
  today: IsoDate,
  schoolNames?: ReadonlyMap<number, string>,
): LeaverOutcomes {
  const destinationYear = year + 1
  const total = emptyTally()
  const tallies: Record<BreakdownId, Map<string, Tally>> = {
    group: new Map(GROUP_CELLS.map((cell) => [cell.key, emptyTally()])),
    provision: new Map(PROVISION_CELLS.map((cell) => [cell.key, emptyTally()])),
    need: new Map(),
    ncYear: new Map(),
    school: new Map([...(schoolNames?.keys() ?? [])].map((id) => [String(id), emptyTally()])),
  }

  // Leavers of one school often share a pattern of spells (college from the same September), and
  // the outcome depends on nothing else, so each pattern is classified once.
  const outcomes = new Map<string, LeaverOutcome>()
  for (const leaver of leavers) {
    if (academicYearOf(leaver.leftOn) !== year) continue
    const pattern = leaver.spells
      .map((spell) => `${spell.type}|${spell.startDate}|${spell.endDate ?? ''}`)
      .sort()
      .join(';')
    let outcome = outcomes.get(pattern)
    if (!outcome) {
      outcome = classifyLeaver(leaver.spells, destinationYearOfLeaver(leaver.leftOn), today)
      outcomes.set(pattern, outcome)
    }
    const keys: Record<BreakdownId, string> = {
      group: groupCellKey(leaver.group, leaver.basis),
      provision: provisionOf(leaver.provisionCode),
      need: leaver.primaryNeed ?? '',
      ncYear: leaver.ncYear ?? '',
      school: String(leaver.schoolId),
    }
    const targets = [total]
    for (const id of Object.keys(tallies) as BreakdownId[]) {
      if (id === 'school' && !schoolNames) continue
      const map = tallies[id]
      const tally = map.get(keys[id]) ?? emptyTally()
      map.set(keys[id], tally)
      targets.push(tally)
    }
    for (const tally of targets) {
      tally.counts.leavers += 1
      if (outcome.positive) tally.counts.positive += 1
      if (outcome.eet) tally.counts.eet += 1
      if (outcome.neet) tally.counts.neet += 1
      if (outcome.notKnown) tally.counts.notKnown += 1
      if (outcome.sustained === true) tally.counts.sustained += 1
      if (outcome.sustained === 'not_yet_known') tally.counts.sustainedNotYetKnown += 1
      if (outcome.sustainedEmployment) tally.counts.sustainedEmployment += 1
      tally.mix.set(outcome.type, (tally.mix.get(outcome.type) ?? 0) + 1)
    }
  }

  const types = [...total.mix.keys()].sort(
    (a, b) =>
      (TYPE_ORDER.get(a) ?? Infinity) - (TYPE_ORDER.get(b) ?? Infinity) || a.localeCompare(b),
  )
  const cells = (map: Map<string, Tally>, order: { key: string; label: string }[]) =>
    order.map(({ key, label }) => cellOf(key, label, map.get(key) ?? emptyTally(), types))

  const provisionOrder = tallies.provision.has('N')
    ? [...PROVISION_CELLS, NO_SEN_CELL]
    : PROVISION_CELLS
  const needKeys = [...tallies.need.keys()].sort(
    (a, b) => Number(a === '') - Number(b === '') || a.localeCompare(b),
  )
  const yearKeys = [...tallies.ncYear.keys()].sort((a, b) =>
    compareYearGroups(a === '' ? null : a, b === '' ? null : b),
  )
  const breakdowns: Breakdown[] = [
    { id: 'group', title: BREAKDOWN_TITLES.group, cells: cells(tallies.group, GROUP_CELLS) },
    {
      id: 'provision',
      title: BREAKDOWN_TITLES.provision,
      cells: cells(tallies.provision, provisionOrder),
    },
    {
      id: 'need',
      title: BREAKDOWN_TITLES.need,
      cells: needKeys.map((key) =>
        cellOf(key || 'none', needLabel(key || null), tallies.need.get(key)!, types),
      ),
    },
    {
      id: 'ncYear',
      title: BREAKDOWN_TITLES.ncYear,
      cells: yearKeys.map((key) =>
        cellOf(key || 'none', yearGroupLabel(key || null), tallies.ncYear.get(key)!, types),
      ),
    },
  ]
  if (schoolNames) {
    breakdowns.push({
      id: 'school',
      title: BREAKDOWN_TITLES.school,
      cells: [...schoolNames].map(([id, name]) =>
        cellOf(String(id), name, tallies.school.get(String(id)) ?? emptyTally(), types),
      ),
    })
  }

  return { year, destinationYear, total: cellOf('total', 'All leavers', total, types), breakdowns }
}

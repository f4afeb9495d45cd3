// Whether a destination was sustained, after the DfE KS4 destination measures: education through
// October to March of the destination year, employment in at least 5 of those 6 months, or an
// apprenticeship lasting 6 months.
import type { AcademicYear } from './academic-year.js'
import { formatAcademicYear } from './academic-year.js'
import { addDays, addMonths, compareDates, daysInMonth, toIsoDate } from './calendar.js'
import type { SustainedActivity } from './destination-types.js'
import { findDestinationType } from './destination-types.js'
import type { DestinationSpell } from './destinations.js'
import type { IsoDate } from './types.js'

export interface SustainedMonth {
  /** The month as `yyyy-mm`. */
  month: string
  /** The activities with a spell on at least one day of the month, up to the reference date. */
  covered: SustainedActivity[]
  /** True when the month has not ended by the reference date. */
  inFuture: boolean
}

export interface SustainedResult {
  sustained: boolean | 'not_yet_known'
  /** Plain-English sentences naming the rule applied and the result. */
  rule: string
  months: SustainedMonth[]
}

const MIN_EMPLOYMENT_MONTHS = 5
const APPRENTICESHIP_MONTHS = 6

/** The sentence ending each rule that counts months, so the page shows how a month is counted. */
export const MONTH_COUNT_RULE =
  'A month counts when a spell covers at least one day of it, and only once the month has ended.'

/** True when the month has ended by the reference date and had one of the activities. */
export function isMonthCounted(month: SustainedMonth): boolean {
  return !month.inFuture && month.covered.length > 0
}

interface Period {
  start: IsoDate
  end: IsoDate
}

/**
 * Decides whether a destination in `year` (2025 for 2025/26) was sustained, from spells as recorded
 * on `referenceDate`. A spell with no end date, or one ending after the reference date, counts only
 * up to the reference date. A month counts for an activity when a spell of it covers any day of the
 * month, so a short gap at a change of provider does not break education. A month that has not
 * ended by the reference date is not counted yet, although `covered` lists its activities so far.
 * Spell dates must be valid (see validateSpell), or a RangeError is raised.
 *
 * NOTE: counting a month for any day covered follows the monthly measure as read from the DfE
 * methodology; it is not checked against DfE's own data, and a spell from 31 October to 1 March
 * counts as employment in all 6 months.
 */
export function assessSustained(
  spells: readonly DestinationSpell[],
  year: AcademicYear,
  referenceDate: IsoDate,
): SustainedResult {
  const periods = activityPeriods(spells, referenceDate)
  const months = destinationMonths(year).map(({ first, last }) => ({
    month: first.slice(0, 7),
    covered: coveredActivities(periods, first, last),
    inFuture: compareDates(last, referenceDate) > 0,
  }))
  const yearLabel = formatAcademicYear(year)
  const ended = months.filter((month) => !month.inFuture)

  const educationMonths = ended.filter((month) => month.covered.includes('education')).length
  if (educationMonths === months.length) {
    return {
      sustained: true,
      rule: `Sustained education: education in every month from October to March of ${yearLabel}. ${MONTH_COUNT_RULE}`,
      months,
    }
  }

  // An apprentice is employed, so apprenticeship months count as employment too.
  const employmentMonths = ended.filter(
    (month) => month.covered.includes('employment') || month.covered.includes('apprenticeship'),
  ).length
  if (employmentMonths >= MIN_EMPLOYMENT_MONTHS) {
    return {
      sustained: true,
      rule: `Sustained employment: employment in ${employmentMonths} of the 6 months from October to March of ${yearLabel}, and at least ${MIN_EMPLOYMENT_MONTHS} are needed. ${MONTH_COUNT_RULE}`,
      months,
    }
  }

  const apprenticeship = sixMonthApprenticeship(periods.apprenticeship, year)
  if (apprenticeship) {
    return {
      sustained: true,
      rule: `Sustained apprenticeship: an apprenticeship ran for at least ${APPRENTICESHIP_MONTHS} months, from ${apprenticeship.start} to ${apprenticeship.end}, within August to March of ${yearLabel}.`,
      months,
    }
  }

  const combinedMonths = months.filter(isMonthCounted).length
  if (combinedMonths === months.length) {
    return {
      sustained: true,
      rule: `Sustained education and employment combined: every month from October to March of ${yearLabel} had education, employment or an apprenticeship, though no one activity covered them all. ${MONTH_COUNT_RULE}`,
      months,
    }
  }

  const endOfMarch = `${year + 1}-03-31`
  const rules = `Education needs every month from October to March of ${yearLabel}, employment needs ${MIN_EMPLOYMENT_MONTHS} of the 6 months, an apprenticeship needs ${APPRENTICESHIP_MONTHS} months, and a mix needs each month covered by one of them. ${MONTH_COUNT_RULE}`
  if (compareDates(referenceDate, endOfMarch) < 0) {
    return {
      sustained: 'not_yet_known',
      rule: `Not yet known: the months up to 31 March ${year + 1} have not all passed. ${rules}`,
      months,
    }
  }
  return {
    sustained: false,
    rule: `Not sustained: ${combinedMonths} of the 6 months from October to March had education, employment or an apprenticeship. ${rules}`,
    months,
  }
}

// Months by destination year. A cohort report assesses thousands of leavers of one or two years.
const monthsByYear = new Map<AcademicYear, readonly { first: IsoDate; last: IsoDate }[]>()

/** Returns the first and last day of each month from October to March of the destination year. */
function destinationMonths(year: AcademicYear): readonly { first: IsoDate; last: IsoDate }[] {
  const known = monthsByYear.get(year)
  if (known) return known
  const months: { first: IsoDate; last: IsoDate }[] = []
  for (let offset = 0; offset < 6; offset += 1) {
    const first = addMonths(`${year}-10-01`, offset)
    const [calendarYear, month] = first.split('-').map(Number) as [number, number]
    const last = toIsoDate({ year: calendarYear, month, day: daysInMonth(calendarYear, month) })
    months.push({ first, last })
  }
  monthsByYear.set(year, months)
  return months
}

/** Groups the spells by activity, with open and later end dates cut to the reference date. */
function activityPeriods(
  spells: readonly DestinationSpell[],
  referenceDate: IsoDate,
): Record<SustainedActivity, Period[]> {
  const periods: Record<SustainedActivity, Period[]> = {
    education: [],
    employment: [],
    apprenticeship: [],
  }
  for (const spell of spells) {
    const activity = findDestinationType(spell.type)?.activity
    if (!activity) continue

    const recordedEnd = spell.endDate ?? referenceDate
    const end = compareDates(recordedEnd, referenceDate) > 0 ? referenceDate : recordedEnd
    if (compareDates(end, spell.startDate) < 0) continue
    periods[activity].push({ start: spell.startDate, end })
  }
  return periods
}

function coveredActivities(
  periods: Record<SustainedActivity, Period[]>,
  first: IsoDate,
  last: IsoDate,
): SustainedActivity[] {
  const activities: SustainedActivity[] = ['education', 'employment', 'apprenticeship']
  return activities.filter((activity) =>
    periods[activity].some(
      (period) => compareDates(period.start, last) <= 0 && compareDates(period.end, first) >= 0,
    ),
  )
}

/**
 * Returns an unbroken apprenticeship period of at least 6 months inside 1 August to 31 March of the
 * destination year, or null. Spells that overlap or follow on the next day are joined, so a change
 * of employer with no gap still counts.
 */
function sixMonthApprenticeship(periods: Period[], year: AcademicYear): Period | null {
  const windowStart = `${year}-08-01`
  const windowEnd = `${year + 1}-03-31`
  const clipped = periods
    .map((period) => ({
      start: compareDates(period.start, windowStart) < 0 ? windowStart : period.start,
      end: compareDates(period.end, windowEnd) > 0 ? windowEnd : period.end,
    }))
    .filter((period) => compareDates(period.start, period.end) <= 0)
    .sort((a, b) => compareDates(a.start, b.start))

  const joined: Period[] = []
  for (const period of clipped) {
    const previous = joined[joined.length - 1]
    if (previous && compareDates(period.start, addDays(previous.end, 1)) <= 0) {
      if (compareDates(period.end, previous.end) > 0) previous.end = period.end
    } else {
      joined.push({ ...period })
    }
  }

  // A period lasts 6 months when the day after it ends is on or after its start plus 6 months.
  return (
    joined.find(
      (period) =>
        compareDates(addDays(period.end, 1), addMonths(period.start, APPRENTICESHIP_MONTHS)) >= 0,
    ) ?? null
  )
}

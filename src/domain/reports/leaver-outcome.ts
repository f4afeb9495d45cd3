// The destination of one leaver as cohort reports count it: which actual spell is their
// destination, its reporting category, and whether the destination year's activity was sustained.
import type { AcademicYear } from '../academic-year.js'
import { academicYearOf, firstDayOf, lastDayOf } from '../academic-year.js'
import { compareDates } from '../calendar.js'
import type { DestinationCategory } from '../destination-types.js'
import { findDestinationType } from '../destination-types.js'
import type { DestinationSpell } from '../destinations.js'
import { assessSustained } from '../sustained.js'
import type { IsoDate } from '../types.js'

/** The destination type counted for a leaver with no actual spell to use. */
export const NOT_KNOWN_TYPE = 'not-known'

/** An actual destination spell of a leaver, as stored. */
export interface LeaverSpell {
  type: string
  startDate: IsoDate
  endDate: IsoDate | null
}

export interface LeaverOutcome {
  /** The destination type id, `not-known` when no actual spell qualifies. */
  type: string
  category: DestinationCategory
  positive: boolean
  /** In education, employment or training: a positive outcome with a sustained activity, or `eet`. */
  eet: boolean
  neet: boolean
  notKnown: boolean
  sustained: boolean | 'not_yet_known'
  /** Employment (not an apprenticeship) in at least 5 of the 6 months from October to March. */
  sustainedEmployment: boolean
}

const EMPLOYMENT_MONTHS_FOR_SUSTAINED = 5

/** Returns the destination year of a student who left on `leftOn`: the academic year after. */
export function destinationYearOfLeaver(leftOn: IsoDate): AcademicYear {
  return academicYearOf(leftOn) + 1
}

/**
 * Chooses the spell that is a leaver's destination in `destinationYear`: the spell in force on
 * 1 October of that year (the latest to start, when several are), or else the earliest spell
 * starting within the year. Spells starting after `today` are ignored, because an actual spell
 * cannot have started yet. Returns null when none qualifies.
 */
export function chooseDestinationSpell(
  spells: readonly LeaverSpell[],
  destinationYear: AcademicYear,
  today: IsoDate,
): LeaverSpell | null {
  const started = spells.filter((spell) => compareDates(spell.startDate, today) <= 0)
  const census = `${destinationYear}-10-01`
  const inForce = started
    .filter(
      (spell) =>
        compareDates(spell.startDate, census) <= 0 &&
        (spell.endDate === null || compareDates(spell.endDate, census) >= 0),
    )
    .sort((a, b) => compareDates(b.startDate, a.startDate))
  if (inForce[0]) return inForce[0]

  const first = firstDayOf(destinationYear)
  const last = lastDayOf(destinationYear)
  const within = started
    .filter(
      (spell) =>
        compareDates(spell.startDate, first) >= 0 && compareDates(spell.startDate, last) <= 0,
    )
    .sort((a, b) => compareDates(a.startDate, b.startDate))
  return within[0] ?? null
}

/**
 * Classifies a leaver's destination in `destinationYear` from their actual spells. A spell type
 * the product does not know is counted in category `other`. Sustained is judged on all the actual
 * spells, as `assessSustained` does, on the date `today`.
 */
export function classifyLeaver(
  spells: readonly LeaverSpell[],
  destinationYear: AcademicYear,
  today: IsoDate,
): LeaverOutcome {
  const spell = chooseDestinationSpell(spells, destinationYear, today)
  const typeId = spell?.type ?? NOT_KNOWN_TYPE
  const type = findDestinationType(typeId)
  const category: DestinationCategory = type?.category ?? 'other'
  const positive = category === 'positive'

  const asSpells: DestinationSpell[] = spells.map((item) => ({
    type: item.type,
    intent: 'actual',
    startDate: item.startDate,
    ...(item.endDate === null ? {} : { endDate: item.endDate }),
  }))
  const assessed = assessSustained(asSpells, destinationYear, today)
  const employmentMonths = assessed.months.filter((month) =>
    month.covered.includes('employment'),
  ).length

  return {
    type: typeId,
    category,
    positive,
    eet: category === 'eet' || (positive && type?.activity != null),
    neet: category === 'neet',
    notKnown: category === 'not_known',
    sustained: assessed.sustained,
    sustainedEmployment: employmentMonths >= EMPLOYMENT_MONTHS_FOR_SUSTAINED,
  }
}

// The academic year a student's destination is measured in. DfE destination measures look at the
// year after the student leaves, from October to March.
import { academicYearOf } from './academic-year.js'
import type { AcademicYear } from './academic-year.js'
import { schoolLeavingDate } from './age.js'
import { compareDates, splitIsoDate } from './calendar.js'
import type { IsoDate } from './types.js'

/**
 * Returns the destination year for a student: the academic year in which the earliest actual
 * spell starts, or the year after the school leaving date when no spell is recorded. A spell
 * starting in August belongs to the year that opens on the next 1 September, because an August
 * start is a destination for that year. When `today` is given, starts after it are ignored: an
 * actual spell cannot have started yet, and one stored before that rule existed must not choose
 * the year.
 * NOTE: for a student who left after the sixth form, the earliest spell may be from an earlier
 * year. Staff can choose another year on the page.
 */
export function destinationYearFor(
  actualStartDates: readonly IsoDate[],
  dateOfBirth: IsoDate,
  today?: IsoDate,
): AcademicYear {
  const started = actualStartDates.filter(
    (date) => today === undefined || compareDates(date, today) <= 0,
  )
  const earliest = started.sort(compareDates)[0]
  if (earliest === undefined) return academicYearOf(schoolLeavingDate(dateOfBirth)) + 1

  const { month } = splitIsoDate(earliest)
  const year = academicYearOf(earliest)
  return month === 8 ? year + 1 : year
}

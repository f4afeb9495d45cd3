import { academicYearOf, referenceDateFor, type AcademicYear } from './academic-year.js'
import { isLeapYear, lastFridayOfJune, splitIsoDate } from './calendar.js'
import type { IsoDate } from './types.js'

/**
 * Returns age in whole years on a date. Someone born on 29 February has their birthday on 1 March in
 * a year that is not a leap year, as in England and Wales. A date before birth gives a negative age.
 */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const birth = splitIsoDate(dateOfBirth)
  const day = splitIsoDate(on)

  const leapDayBirth = birth.month === 2 && birth.day === 29
  const birthday =
    leapDayBirth && !isLeapYear(day.year)
      ? { month: 3, day: 1 }
      : { month: birth.month, day: birth.day }

  const beforeBirthday =
    day.month < birthday.month || (day.month === birthday.month && day.day < birthday.day)
  return day.year - birth.year - (beforeBirthday ? 1 : 0)
}

/** Returns age on the 31 August before the academic year, the age that decides post-16 funding. */
export function academicAge(dateOfBirth: IsoDate, academicYear: AcademicYear): number {
  return ageOn(dateOfBirth, referenceDateFor(academicYear))
}

/** Returns the date someone reaches an age, using 1 March for a 29 February birthday in a common year. */
export function birthdayAt(dateOfBirth: IsoDate, age: number): IsoDate {
  const birth = splitIsoDate(dateOfBirth)
  const year = birth.year + age
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return `${year}-03-01`
  return `${year}-${dateOfBirth.slice(5)}`
}

/**
 * Returns the school leaving date: the last Friday of June of the school year (1 September to
 * 31 August) in which the student turns 16. Compulsory school age ends at the end of that day in
 * England, so a student born in July or August leaves it at 15.
 */
export function schoolLeavingDate(dateOfBirth: IsoDate): IsoDate {
  const schoolYear = academicYearOf(birthdayAt(dateOfBirth, 16))
  return lastFridayOfJune(schoolYear + 1)
}

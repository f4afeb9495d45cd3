import { upnCheckLetter } from '../domain/upn.js'
import {
  NATIONAL_EHC_PLAN_SHARE_OF_SEN_2024,
  NATIONAL_PRIMARY_NEED_SHARES_2024,
  SPECIAL_SCHOOL_PRIMARY_NEED_MIX,
} from './national-figures.js'
import { createRandom, type Random } from './random.js'
import { fictionalName } from './names.js'

export type SchoolKind = 'mainstream' | 'special'

export interface DemoSchoolOptions {
  kind: SchoolKind
  seed: number
  students: number
  /** The calendar year in which the academic year being planned starts (2026 for 2026/27). */
  academicYearStart: number
  /**
   * The first of the four-digit establishment numbers in this school's UPNs. Each block of 1,000
   * students takes the next number, so large generated files keep every UPN unique.
   */
  establishmentNumber?: number
}

/** One row of the census-style register the demo writes. Column names follow the school census. */
export interface CensusRow {
  UPN: string
  Surname: string
  Forename: string
  PreferredForename: string
  DOB: string
  NCyearActual: string
  SENprovision: string
  SENtype1: string
  SENtypeRank1: string
  SENtype2: string
  SENtypeRank2: string
  EHCPStartDate: string
  EHCPLastReviewDate: string
  QualificationPathway: string
}

export const CENSUS_COLUMNS: (keyof CensusRow)[] = [
  'UPN',
  'Surname',
  'Forename',
  'PreferredForename',
  'DOB',
  'NCyearActual',
  'SENprovision',
  'SENtype1',
  'SENtypeRank1',
  'SENtype2',
  'SENtypeRank2',
  'EHCPStartDate',
  'EHCPLastReviewDate',
  'QualificationPathway',
]

// Primary needs for which the demo records a pathway below Level 2 (Career SEND Group One).
const BELOW_LEVEL_2_NEEDS = new Set(['MLD', 'SLD', 'PMLD'])

/** Generates a fictional school's SEND register. The same options always give the same rows. */
export function generateSchool(options: DemoSchoolOptions): CensusRow[] {
  const random = createRandom(options.seed)
  const establishment = options.establishmentNumber ?? (options.kind === 'special' ? 7001 : 4001)
  const rows: CensusRow[] = []
  for (let index = 0; index < options.students; index++) {
    rows.push(generateStudent(random, options, establishment, index))
  }
  return rows
}

function generateStudent(
  random: Random,
  options: DemoSchoolOptions,
  establishment: number,
  index: number,
): CensusRow {
  const special = options.kind === 'special'
  const year = special
    ? random.integer(7, 14)
    : random.weighted(MAINSTREAM_YEARS, (y) => y.weight).year
  const dateOfBirth = birthDateFor(random, year, options.academicYearStart)
  const ehcPlan = special ? random.chance(0.96) : random.chance(NATIONAL_EHC_PLAN_SHARE_OF_SEN_2024)
  const primaryNeed = pickPrimaryNeed(random, special, ehcPlan)
  const secondaryNeed = random.chance(0.3) ? pickSecondaryNeed(random, primaryNeed) : ''
  const name = fictionalName(random)

  return {
    UPN: fictionalUpn(establishment, dateOfBirth, index),
    Surname: name.surname,
    Forename: name.forename,
    PreferredForename: random.chance(0.08) ? name.preferredForename : '',
    DOB: dateOfBirth,
    NCyearActual: special && random.chance(0.4) ? 'X' : String(year),
    SENprovision: ehcPlan ? 'E' : 'K',
    SENtype1: primaryNeed,
    SENtypeRank1: '1',
    SENtype2: secondaryNeed,
    SENtypeRank2: secondaryNeed ? '2' : '',
    EHCPStartDate: ehcPlan ? ehcPlanStart(random, dateOfBirth, options.academicYearStart) : '',
    EHCPLastReviewDate: ehcPlan ? lastReview(random, options.academicYearStart) : '',
    QualificationPathway: pathwayFor(random, special, year, primaryNeed),
  }
}

const MAINSTREAM_YEARS = [7, 8, 9, 10, 11, 12, 13].map((year) => ({
  year,
  weight: year > 11 ? 5 : 17,
}))

function birthDateFor(random: Random, year: number, academicYearStart: number): string {
  // A student in NC year Y was 4 + Y on the 31 August that opened the academic year.
  const birthYear = academicYearStart - year - 5
  const dayOfAcademicYear = random.integer(0, 364)
  const date = new Date(Date.UTC(birthYear, 8, 1 + dayOfAcademicYear))
  return date.toISOString().slice(0, 10)
}

function pickPrimaryNeed(random: Random, special: boolean, ehcPlan: boolean): string {
  if (special) return random.weighted(SPECIAL_SCHOOL_PRIMARY_NEED_MIX, (need) => need.weight).code
  const shares = NATIONAL_PRIMARY_NEED_SHARES_2024
  return random.weighted(shares, (share) => (ehcPlan ? share.ehcPlan : share.senSupport)).code
}

function pickSecondaryNeed(random: Random, primaryNeed: string): string {
  const others = NATIONAL_PRIMARY_NEED_SHARES_2024.filter(
    (share) => share.code !== primaryNeed && share.code !== 'NSA',
  )
  return random.weighted(others, (share) => share.ehcPlan + share.senSupport).code
}

function fictionalUpn(firstEstablishment: number, dateOfBirth: string, index: number): string {
  // LA number 999 is not used by any local authority, which keeps the UPNs plainly fictional.
  const establishment = String((firstEstablishment + Math.floor(index / 1000)) % 10000).padStart(
    4,
    '0',
  )
  const allocationYear = String((Number(dateOfBirth.slice(0, 4)) + 4) % 100).padStart(2, '0')
  const rest = `999${establishment}${allocationYear}${String(index % 1000).padStart(3, '0')}`
  const letter = upnCheckLetter(rest)
  if (!letter) throw new Error(`Could not compute a UPN check letter for ${rest}`)
  return letter + rest
}

function ehcPlanStart(random: Random, dateOfBirth: string, academicYearStart: number): string {
  const fromYear = Number(dateOfBirth.slice(0, 4)) + 5
  const year = random.integer(fromYear, Math.max(fromYear, academicYearStart - 1))
  return isoDate(year, random.integer(1, 12), random.integer(1, 28))
}

function lastReview(random: Random, academicYearStart: number): string {
  return isoDate(
    academicYearStart - (random.chance(0.5) ? 1 : 0),
    random.integer(1, 12),
    random.integer(1, 28),
  )
}

function pathwayFor(random: Random, special: boolean, year: number, primaryNeed: string): string {
  if (year < 10 || random.chance(0.25)) return ''
  if (special)
    return random.pick(['Pre-formal', 'Semi-formal', 'Personalised curriculum', 'Entry Level 2'])
  if (BELOW_LEVEL_2_NEEDS.has(primaryNeed))
    return random.pick(['Entry Level 3', 'Functional Skills Entry 3'])
  return random.pick(['GCSE', 'GCSEs', 'BTEC Level 2', 'GCSE', 'Level 1'])
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

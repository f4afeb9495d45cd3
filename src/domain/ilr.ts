// ILR `LLDDCat` codes, which FE colleges send in place of census SEN types, and the census need each
// stands for. Source: ILR specification, LLDDCat field.
import { censusNeedCodes } from './census.js'
import type { AreaOfNeed, Parsed } from './types.js'

export interface LlddCategory {
  category: number
  description: string
  /** The census need code it is read as, or null for "prefer not to say" and "not provided". */
  needCode: string | null
}

// NOTE: 16 (temporary disability), 95 (other medical condition), 96 (other learning difficulty) and
// 97 (other disability) have no matching census code, so they are read as OTH, which has no area.
export const LLDD_CATEGORIES: readonly LlddCategory[] = [
  { category: 4, description: 'Visual impairment', needCode: 'VI' },
  { category: 5, description: 'Hearing impairment', needCode: 'HI' },
  { category: 6, description: 'Disability affecting mobility', needCode: 'PD' },
  { category: 7, description: 'Profound complex disabilities', needCode: 'PMLD' },
  { category: 8, description: 'Social and emotional difficulties', needCode: 'SEMH' },
  { category: 9, description: 'Mental health difficulty', needCode: 'SEMH' },
  { category: 10, description: 'Moderate learning difficulty', needCode: 'MLD' },
  { category: 11, description: 'Severe learning difficulty', needCode: 'SLD' },
  { category: 12, description: 'Dyslexia', needCode: 'SPLD' },
  { category: 13, description: 'Dyscalculia', needCode: 'SPLD' },
  { category: 14, description: 'Autism spectrum disorder', needCode: 'ASD' },
  { category: 15, description: "Asperger's syndrome", needCode: 'ASD' },
  { category: 16, description: 'Temporary disability after illness or injury', needCode: 'OTH' },
  { category: 17, description: 'Speech, language and communication needs', needCode: 'SLCN' },
  { category: 93, description: 'Other physical disability', needCode: 'PD' },
  { category: 94, description: 'Other specific learning difficulty', needCode: 'SPLD' },
  { category: 95, description: 'Other medical condition', needCode: 'OTH' },
  { category: 96, description: 'Other learning difficulty', needCode: 'OTH' },
  { category: 97, description: 'Other disability', needCode: 'OTH' },
  { category: 98, description: 'Prefer not to say', needCode: null },
  { category: 99, description: 'Not provided', needCode: null },
]

export interface LlddNeed {
  category: number
  needCode: string | null
  area: AreaOfNeed | null
}

/** Reads an `LLDDCat` value as a census need. A blank value gives null. */
export function llddToNeed(cat: number | string): Parsed<LlddNeed | null> {
  const text = String(cat).trim()
  if (text === '') return { ok: true, value: null, warnings: [] }

  const entry = /^\d+$/.test(text)
    ? LLDD_CATEGORIES.find((candidate) => candidate.category === Number(text))
    : undefined
  if (!entry) {
    const accepted = 'Enter a number from 4 to 17 or from 93 to 99.'
    return { ok: false, error: `LLDD category "${text}" is not an ILR LLDDCat code. ${accepted}` }
  }

  const area = entry.needCode ? censusNeedCodes.areaOf(entry.needCode) : null
  const value = { category: entry.category, needCode: entry.needCode, area }
  return { ok: true, value, warnings: [] }
}

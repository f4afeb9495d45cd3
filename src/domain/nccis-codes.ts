// NCCIS current-activity codes, which LAs use for their returns to DfE. The list is versioned data
// because DfE revises it each year.
import { findDestinationType } from './destination-types.js'

export type NccisCategory =
  'education' | 'employment' | 'training' | 're-engagement' | 'neet' | 'custody' | 'not_known'

export interface NccisCode {
  code: string
  label: string
  category: NccisCategory
}

export interface NccisCodeList {
  /** The NCCIS management information requirement year the list follows. */
  year: string
  source: string
  codes: readonly NccisCode[]
}

export const NCCIS_CODE_LIST: NccisCodeList = {
  year: '2025/26',
  // NOTE: the list was compiled from secondary sources, not from the DfE requirement itself. Check
  // it against the year's NCCIS management information requirement before an LA return.
  source:
    'Secondary sources summarising the NCCIS management information requirement. Not checked against the DfE document.',
  codes: [
    { code: '210', label: 'School sixth form', category: 'education' },
    { code: '220', label: 'Sixth-form college', category: 'education' },
    { code: '230', label: 'Further education', category: 'education' },
    { code: '240', label: 'Higher education', category: 'education' },
    { code: '250', label: 'Part-time education', category: 'education' },
    { code: '260', label: 'Gap year', category: 'education' },
    { code: '270', label: 'Other full-time education', category: 'education' },
    { code: '280', label: 'Special post-16 institution', category: 'education' },
    { code: '290', label: 'Education in a custodial institution', category: 'education' },
    { code: '310', label: 'Apprenticeship', category: 'employment' },
    { code: '320', label: 'Full-time employment combined with study', category: 'employment' },
    { code: '330', label: 'Employment without training', category: 'employment' },
    { code: '340', label: 'Employment with other training', category: 'employment' },
    { code: '350', label: 'Temporary employment', category: 'employment' },
    { code: '360', label: 'Part-time employment', category: 'employment' },
    { code: '380', label: 'Self-employment', category: 'employment' },
    { code: '381', label: 'Self-employment combined with study', category: 'employment' },
    { code: '550', label: 'Work not for reward combined with study', category: 'employment' },
    { code: '410', label: 'Funded work-based learning', category: 'training' },
    { code: '430', label: 'Other training', category: 'training' },
    { code: '440', label: 'DWP training programme', category: 'training' },
    { code: '450', label: 'Traineeship (no new starts)', category: 'training' },
    { code: '460', label: 'Supported internship', category: 'training' },
    { code: '530', label: 'Re-engagement provision', category: 're-engagement' },
    { code: '540', label: 'Volunteering without study', category: 'neet' },
    { code: '610', label: 'Not yet ready for work or learning', category: 'neet' },
    // NOTE: the sources give 615 and 616 the same meaning and do not say how they differ.
    { code: '615', label: 'Start date agreed', category: 'neet' },
    { code: '616', label: 'Start date agreed', category: 'neet' },
    { code: '619', label: 'Seeking work or learning', category: 'neet' },
    { code: '620', label: 'Not available: young carer', category: 'neet' },
    { code: '630', label: 'Not available: teenage parent', category: 'neet' },
    { code: '640', label: 'Not available: illness', category: 'neet' },
    { code: '650', label: 'Not available: pregnancy', category: 'neet' },
    { code: '660', label: 'Not available: religious grounds', category: 'neet' },
    {
      code: '670',
      label: 'Not available: unlikely ever to be economically active',
      category: 'neet',
    },
    { code: '680', label: 'Not available: other reason', category: 'neet' },
    { code: '710', label: 'Custody', category: 'custody' },
    // NOTE: the sources list 810, 820 and 830 as not known without a meaning for each. The labels
    // follow the usual order of the not-known reasons and need checking.
    { code: '810', label: 'Current situation not known', category: 'not_known' },
    { code: '820', label: 'Cannot be contacted', category: 'not_known' },
    { code: '830', label: 'Refused to disclose activity', category: 'not_known' },
  ],
}

export function findNccisCode(
  code: string,
  list: NccisCodeList = NCCIS_CODE_LIST,
): NccisCode | null {
  const trimmed = code.trim()
  return list.codes.find((entry) => entry.code === trimmed) ?? null
}

/**
 * The usual NCCIS code of each destination type, left out where no one code fits. Paid and supported
 * employment may be 320, 330 or 340 depending on the training. Other education may be full- or
 * part-time, and volunteering may be with study (550) or without (540). Moved away, work placements,
 * therapeutic settings and supported living have no one activity code.
 */
const NCCIS_CODE_BY_DESTINATION: Readonly<Record<string, string>> = {
  'school-sixth-form': '210',
  'sixth-form-college': '220',
  'further-education-college': '230',
  'higher-education': '240',
  'specialist-college': '280',
  apprenticeship: '310',
  'supported-apprenticeship': '310',
  'part-time-employment': '360',
  'self-employment': '380',
  'supported-self-employment': '380',
  'own-enterprise': '380',
  'supported-own-enterprise': '380',
  traineeship: '450',
  'supported-internship': '460',
  're-engagement': '530',
  'neet-seeking': '619',
  'neet-not-available-caring': '620',
  'neet-not-available-illness': '640',
  'neet-not-available-other': '680',
  custody: '710',
  'not-known': '810',
}

/** Returns the usual NCCIS code for a destination type, or undefined when no one code fits. */
export function nccisCodeForDestination(
  destinationTypeId: string,
  list: NccisCodeList = NCCIS_CODE_LIST,
): NccisCode | undefined {
  const code = NCCIS_CODE_BY_DESTINATION[destinationTypeId]
  if (code === undefined) return undefined
  return findNccisCode(code, list) ?? undefined
}

/**
 * The codes a person may choose for a destination type where more than one fits, with the usual
 * code (when there is one) first. A type missing here takes only its usual code.
 * NOTE: which codes each type allows is this product's reading of the code labels. The NCCIS
 * requirement does not map the product's destination types.
 */
const NCCIS_CHOICES_BY_DESTINATION: Readonly<Record<string, readonly string[]>> = {
  'paid-employment': ['320', '330', '340', '350'],
  'supported-employment': ['320', '330', '340', '350'],
  'other-education': ['250', '260', '270', '290'],
  'supported-volunteering': ['540', '550'],
  'self-employment': ['380', '381'],
  'supported-self-employment': ['380', '381'],
  'own-enterprise': ['380', '381'],
  'supported-own-enterprise': ['380', '381'],
  'neet-seeking': ['619', '610', '615', '616'],
  'neet-not-available-other': ['680', '630', '650', '660', '670'],
  'not-known': ['810', '820', '830'],
}

/** Returns every NCCIS code a spell of this type may record: one, several, or none. */
export function nccisChoicesForDestination(
  destinationTypeId: string,
  list: NccisCodeList = NCCIS_CODE_LIST,
): NccisCode[] {
  const usual = NCCIS_CODE_BY_DESTINATION[destinationTypeId]
  const codes = NCCIS_CHOICES_BY_DESTINATION[destinationTypeId] ?? (usual ? [usual] : [])
  return codes.flatMap((code) => findNccisCode(code, list) ?? [])
}

/**
 * Returns the NCCIS code of a spell: the chosen code when it is one of the type's choices,
 * otherwise the type's usual code, or undefined when the type has several and none was chosen.
 */
export function effectiveNccisCode(
  destinationTypeId: string,
  chosenCode: string | null | undefined,
  list: NccisCodeList = NCCIS_CODE_LIST,
): NccisCode | undefined {
  const choices = nccisChoicesForDestination(destinationTypeId, list)
  const chosen = choices.find((choice) => choice.code === chosenCode?.trim())
  return chosen ?? nccisCodeForDestination(destinationTypeId, list)
}

/**
 * Checks a chosen NCCIS code against the list and the type's choices. Returns null when the code
 * is empty or allowed. Otherwise it returns a message naming the value and the fix, for a code
 * missing from the list, a code without a known destination type, or a code that does not fit.
 */
export function chosenNccisCodeProblem(
  destinationTypeId: string,
  chosenCode: string,
  list: NccisCodeList = NCCIS_CODE_LIST,
): string | null {
  const code = chosenCode.trim()
  if (code === '') return null
  const known = findNccisCode(code, list)
  if (!known) {
    return `NCCIS code "${code}" is not in the ${list.year} NCCIS code list. Choose a code from the list, such as 230 (Further education), or leave it empty.`
  }
  if (!findDestinationType(destinationTypeId))
    return codeWithoutTypeProblem(known, destinationTypeId)
  const choices = nccisChoicesForDestination(destinationTypeId, list)
  if (choices.some((choice) => choice.code === code)) return null
  if (choices.length === 0) {
    return `NCCIS code "${code}" cannot be recorded for this destination type, which has no NCCIS code. Leave the code empty.`
  }
  const allowed = choices.map((choice) => `${choice.code} (${choice.label})`).join(', ')
  return `NCCIS code "${code}" does not fit this destination type. Choose one of ${allowed}, or leave it empty.`
}

/** Builds the message for a listed code given with no destination type or an unknown one. */
function codeWithoutTypeProblem(code: NccisCode, destinationTypeId: string): string {
  const typed = destinationTypeId.trim()
  const reason =
    typed === ''
      ? 'no destination type is selected'
      : `destination type "${typed}" is not recognised`
  const usualType = findDestinationType(destinationTypeForNccisCode(code.code) ?? '')
  const hint = usualType
    ? ` Code ${code.code} usually goes with the destination type ${usualType.label}.`
    : ''
  return `NCCIS code "${code.code}" (${code.label}) needs a destination type, but ${reason}. Select the destination type, then choose the code again if it differs from the type's usual code.${hint}`
}

/**
 * The destination type a file's NCCIS code stands for, where a code names the activity clearly
 * enough. The training codes 410, 430 and 440 fit no destination type, so they are left out and
 * an import row with one needs a destination type id.
 */
const DESTINATION_BY_NCCIS_CODE: Readonly<Record<string, string>> = {
  '210': 'school-sixth-form',
  '220': 'sixth-form-college',
  '230': 'further-education-college',
  '240': 'higher-education',
  '250': 'other-education',
  '260': 'other-education',
  '270': 'other-education',
  '280': 'specialist-college',
  '290': 'other-education',
  '310': 'apprenticeship',
  '320': 'paid-employment',
  '330': 'paid-employment',
  '340': 'paid-employment',
  '350': 'paid-employment',
  '360': 'part-time-employment',
  '380': 'self-employment',
  '381': 'self-employment',
  '450': 'traineeship',
  '460': 'supported-internship',
  '530': 're-engagement',
  '540': 'supported-volunteering',
  '550': 'supported-volunteering',
  '610': 'neet-seeking',
  '615': 'neet-seeking',
  '616': 'neet-seeking',
  '619': 'neet-seeking',
  '620': 'neet-not-available-caring',
  '630': 'neet-not-available-other',
  '640': 'neet-not-available-illness',
  '650': 'neet-not-available-other',
  '660': 'neet-not-available-other',
  '670': 'neet-not-available-other',
  '680': 'neet-not-available-other',
  '710': 'custody',
  '810': 'not-known',
  '820': 'not-known',
  '830': 'not-known',
}

/** Returns the destination type an NCCIS code stands for, or null when no one type fits it. */
export function destinationTypeForNccisCode(code: string): string | null {
  return DESTINATION_BY_NCCIS_CODE[code.trim()] ?? null
}

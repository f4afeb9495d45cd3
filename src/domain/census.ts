// The school census SEN type codes, kept as data so that an admin can add a local code or one DfE
// introduces (such as the Down syndrome category of 2024/25) without a release.
import { CENSUS_NEED_CODES, LEGACY_NEED_CODES, type NeedCode } from './census-codes.js'
import { matchKey } from './text.js'
import type { AreaOfNeed, Parsed, Provision } from './types.js'

export { CENSUS_NEED_CODES, type NeedCode } from './census-codes.js'
export { parseProvision, provisionOf } from './provision.js'

export interface ParsedNeed {
  code: string
  /** False for a code that is neither a census code nor mapped by an admin. */
  known: boolean
  area: AreaOfNeed | null
}

export interface LocalNeedCode {
  code: string
  area: AreaOfNeed | null
  description?: string
}

export interface NeedCodeList {
  parseNeed(raw: string): Parsed<ParsedNeed | null>
  areaOf(code: string): AreaOfNeed | null
  codes(): readonly NeedCode[]
}

/** Builds the code list from the census codes plus local ones, which replace a census code they share. */
export function createNeedCodeList(localCodes: readonly LocalNeedCode[] = []): NeedCodeList {
  const local: NeedCode[] = localCodes.map((entry) => ({
    code: entry.code.trim(),
    description: entry.description?.trim() || entry.code.trim(),
    area: entry.area,
  }))
  const localKeys = new Set(local.map((entry) => matchKey(entry.code)))
  const all = [
    ...CENSUS_NEED_CODES.filter((entry) => !localKeys.has(matchKey(entry.code))),
    ...local,
  ]

  const byKey = new Map<string, NeedCode>()
  for (const entry of all) {
    for (const text of [entry.code, entry.description, ...(entry.aliases ?? [])]) {
      if (!byKey.has(matchKey(text))) byKey.set(matchKey(text), entry)
    }
  }
  const findEntry = (text: string) => byKey.get(matchKey(text)) ?? null

  return {
    parseNeed: (raw) => parseNeedWith(raw, findEntry),
    areaOf: (code) => findEntry(code)?.area ?? findLegacy(code)?.area ?? null,
    codes: () => all,
  }
}

function findLegacy(text: string): NeedCode | null {
  const key = matchKey(text)
  const legacy = LEGACY_NEED_CODES.find(
    (entry) => matchKey(entry.code) === key || matchKey(entry.description) === key,
  )
  return legacy
    ? (CENSUS_NEED_CODES.find((entry) => entry.code === legacy.replacedBy) ?? null)
    : null
}

function parseNeedWith(
  raw: string,
  findEntry: (text: string) => NeedCode | null,
): Parsed<ParsedNeed | null> {
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '') return { ok: true, value: null, warnings: [] }

  const [head, tail] = splitCodeAndDescription(text)
  for (const candidate of [text, head, tail]) {
    const entry = candidate ? findEntry(candidate) : null
    if (entry)
      return { ok: true, value: { code: entry.code, known: true, area: entry.area }, warnings: [] }
  }
  for (const candidate of [text, head, tail]) {
    const replacement = candidate ? findLegacy(candidate) : null
    if (replacement) {
      const warning = `Need "${raw.trim()}" is a code from before 2015, so it was read as ${replacement.code} (${replacement.description}).`
      return {
        ok: true,
        value: { code: replacement.code, known: true, area: replacement.area },
        warnings: [warning],
      }
    }
  }
  const code = looksLikeCode(head ?? '')
    ? (head ?? '').toUpperCase()
    : looksLikeCode(text)
      ? text.toUpperCase()
      : text
  const warning = `Need "${code}" is not a census SEN type code, so it was kept as written with no area of need. An admin can map it to an area.`
  return { ok: true, value: { code, known: false, area: null }, warnings: [warning] }
}

function looksLikeCode(text: string): boolean {
  return /^[A-Za-z0-9_]{1,10}$/.test(text)
}

/** Splits "ASD - Autistic Spectrum Disorder" into its code and description. */
function splitCodeAndDescription(text: string): [string | null, string | null] {
  const match = /^(\S+)\s*[-\u2013\u2014:]\s+(.+)$/.exec(text)
  return match ? [match[1] ?? null, match[2] ?? null] : [null, null]
}

/** Returns a warning when a need does not fit the provision: NSA without SEN support, or any need with no SEN. */
export function needProvisionWarning(code: string | null, provision: Provision): string | null {
  if (code === null) return null
  if (provision === 'N') {
    return `Need ${code} is recorded with provision N (no SEN), so the student counts as having no SEN. Record K or E if the student has SEN.`
  }
  if (code.trim().toUpperCase() === 'NSA' && provision !== 'K') {
    return `Need NSA is meant only for SEN support (provision K), but this student has provision ${provision}. Record the assessed type of need.`
  }
  return null
}

/** The census codes with no local additions, for callers that have no admin mapping. */
export const censusNeedCodes: NeedCodeList = createNeedCodeList()

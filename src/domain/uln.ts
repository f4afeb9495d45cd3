// Unique learner numbers: 10 digits, the first not zero. The check: weight the digits 10, 9, ..., 1,
// sum them, and the remainder modulo 11 must be 10. Source: HESA Student record field ULN, which
// describes the Learning Records Service checksum.
import type { Parsed } from './types.js'

const ULN_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] as const

/** Returns the check digit for the first 9 digits of a ULN, or null when no digit can complete them. */
export function ulnCheckDigit(first9: string): number | null {
  if (!/^[1-9]\d{8}$/.test(first9)) return null
  const sum = weightedSum(first9)
  const digit = (10 - (sum % 11) + 11) % 11
  return digit === 10 ? null : digit
}

function weightedSum(digits: string): number {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    sum += Number(digits.charAt(index)) * (ULN_WEIGHTS[index] ?? 0)
  }
  return sum
}

/** Parses a ULN, removing spaces. The value stays text so that nothing can reformat it. */
export function parseUln(raw: string): Parsed<string> {
  const uln = raw.replace(/\s+/g, '')
  if (uln === '') return { ok: false, error: 'ULN is missing. Enter the 10-digit ULN.' }
  if (/^\d(\.\d+)?E\+?\d+$/i.test(uln)) {
    return {
      ok: false,
      error: `ULN "${raw}" is in scientific notation, so a spreadsheet has damaged it. Format the column as text and export it again.`,
    }
  }
  if (!/^\d{10}$/.test(uln)) {
    return { ok: false, error: `ULN "${raw}" must be exactly 10 digits.` }
  }
  if (uln.startsWith('0'))
    return { ok: false, error: `ULN "${raw}" starts with 0, which no ULN does.` }
  const expected = ulnCheckDigit(uln.slice(0, 9))
  if (expected === null) {
    return {
      ok: false,
      error: `ULN "${raw}" is invalid: no check digit can complete its first 9 digits.`,
    }
  }
  if (String(expected) !== uln.charAt(9)) {
    return {
      ok: false,
      error: `ULN "${raw}" has the check digit ${uln.charAt(9)}, but its first 9 digits give ${expected}. Check the ULN.`,
    }
  }
  const warnings = uln === raw ? [] : [`ULN "${raw}" contained spaces, so it was stored as ${uln}.`]
  return { ok: true, value: uln, warnings }
}

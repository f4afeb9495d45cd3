// Unique pupil numbers. The check letter rule: weight characters 2 to 13 by their position (2 to 13),
// counting a temporary UPN's final letter as its 0-based index in CHECK_LETTERS, and take the sum
// modulo 23 as an index into CHECK_LETTERS. Source: UK Government Data Standards Catalogue,
// Unique Pupil Number v2.0.
import type { Parsed } from './types.js'

/** The 23 letters a check letter or a temporary UPN's final letter can be: A to Z without I, O and S. */
export const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

const UPN_LENGTH = 13

/** Returns the check letter for characters 2 to 13 of a UPN, or null when they cannot be part of one. */
export function upnCheckLetter(rest12: string): string | null {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(rest12)) return null

  let sum = 0
  for (let index = 0; index < rest12.length; index++) {
    const character = rest12.charAt(index)
    const value = /\d/.test(character) ? Number(character) : CHECK_LETTERS.indexOf(character)
    sum += value * (index + 2)
  }
  return CHECK_LETTERS.charAt(sum % 23)
}

/** Parses a UPN, storing it upper case without spaces. A temporary UPN is accepted with a warning. */
export function parseUpn(raw: string): Parsed<{ upn: string; temporary: boolean }> {
  const upn = raw.replace(/\s+/g, '').toUpperCase()
  if (upn === '')
    return { ok: false, error: 'UPN is missing. Enter the 13-character UPN from the MIS.' }

  const error = shapeError(upn, raw) ?? checkLetterError(upn, raw)
  if (error) return { ok: false, error }

  const warnings: string[] = []
  if (upn !== raw)
    warnings.push(`UPN "${raw}" contained spaces or lower case, so it was stored as ${upn}.`)
  const temporary = !/\d/.test(upn.charAt(UPN_LENGTH - 1))
  if (temporary) {
    warnings.push(
      `UPN ${upn} is a temporary UPN because it ends in a letter. Replace it with the permanent UPN when the school receives it.`,
    )
  }
  return { ok: true, value: { upn, temporary }, warnings }
}

function shapeError(upn: string, raw: string): string | null {
  if (/^\d(\.\d+)?E\+?\d+$/.test(upn)) {
    return `UPN "${raw}" is in scientific notation, so a spreadsheet has damaged it. Format the column as text and export it again.`
  }
  if (upn.length !== UPN_LENGTH) {
    return `UPN "${raw}" has ${upn.length} characters, but a UPN has ${UPN_LENGTH}. Check it against the MIS.`
  }
  const first = upn.charAt(0)
  if (!/[A-Z]/.test(first)) return `UPN "${raw}" must start with a check letter, not "${first}".`
  if (!CHECK_LETTERS.includes(first)) {
    return `UPN "${raw}" starts with ${first}, which is never a check letter because I, O and S are not used.`
  }
  const misplaced = /[^0-9]/.exec(upn.slice(1, UPN_LENGTH - 1))
  if (misplaced) {
    const position = misplaced.index + 2
    return `UPN "${raw}" has "${misplaced[0]}" at character ${position}, where only digits are allowed.`
  }
  return lastCharacterError(upn, raw)
}

function lastCharacterError(upn: string, raw: string): string | null {
  const last = upn.charAt(UPN_LENGTH - 1)
  if (/[0-9]/.test(last) || CHECK_LETTERS.includes(last)) return null
  if (/[IOS]/.test(last)) {
    return `UPN "${raw}" ends in ${last}, but a temporary UPN cannot end in I, O or S.`
  }
  return `UPN "${raw}" ends in "${last}", but a UPN ends in a digit, or a letter for a temporary UPN.`
}

function checkLetterError(upn: string, raw: string): string | null {
  const expected = upnCheckLetter(upn.slice(1))
  const actual = upn.charAt(0)
  if (expected === null || expected === actual) return null
  return `UPN "${raw}" has the check letter ${actual}, but the rest of the UPN gives ${expected}. Check the UPN against the MIS.`
}

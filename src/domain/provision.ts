// SEN provision codes as the census writes them, legacy codes from before 2015 included.
import { matchKey } from './text.js'
import type { Parsed, Provision, ProvisionCode } from './types.js'

/** Words MIS exports use for each code, compared after `matchKey`. */
const PROVISION_WORDS: Readonly<Record<ProvisionCode, readonly string[]>> = {
  N: ['n', 'no sen', 'none', 'not sen', 'no special educational need'],
  K: ['k', 'sen support', 'senk', 'sen k'],
  E: ['e', 'ehc plan', 'ehcp', 'ehc', 'education health and care plan'],
  S: ['s', 'statement', 'statement of sen', 'statemented', 'statement of special educational need'],
  A: ['a', 'school action'],
  P: ['p', 'school action plus'],
}

const LEGACY_WARNINGS: Readonly<Partial<Record<ProvisionCode, string>>> = {
  S: 'Provision S (a statement of SEN) is a code from before 2015, so it is treated as an EHC plan. Check that the statement was converted to an EHC plan.',
  A: 'Provision A (School Action) is a code from before 2015, so it was imported as K (SEN support).',
  P: 'Provision P (School Action Plus) is a code from before 2015, so it was imported as K (SEN support).',
}

const ACCEPTED =
  'Enter N (no SEN), K (SEN support) or E (EHC plan). The older codes S, A and P are also accepted.'

/** Parses a provision value such as "E", "K - SEN Support" or "EHC Plan", case-insensitively. */
export function parseProvision(raw: string): Parsed<ProvisionCode> {
  const text = raw.trim()
  if (text === '') return { ok: false, error: `SEN provision is missing. ${ACCEPTED}` }

  const code = readProvision(text)
  if (code === 'conflict') {
    return {
      ok: false,
      error: `SEN provision "${raw}" names two different provisions. ${ACCEPTED}`,
    }
  }
  if (code === null) {
    return { ok: false, error: `SEN provision "${raw}" is not recognised. ${ACCEPTED}` }
  }
  const warning = LEGACY_WARNINGS[code]
  return { ok: true, value: code, warnings: warning ? [warning] : [] }
}

function readProvision(text: string): ProvisionCode | 'conflict' | null {
  const whole = lookUp(text)
  if (whole) return whole

  const parts = /^(\S+)\s*[-\u2013\u2014:]\s+(.+)$/.exec(text)
  if (!parts) return null
  const code = lookUp(parts[1] ?? '')
  const described = lookUp(parts[2] ?? '')
  if (code && described && code !== described) return 'conflict'
  return code ?? described
}

function lookUp(text: string): ProvisionCode | null {
  const key = matchKey(text)
  const codes = Object.keys(PROVISION_WORDS) as ProvisionCode[]
  return codes.find((code) => PROVISION_WORDS[code].includes(key)) ?? null
}

/** Maps a census provision code to the provision the rules use: S counts as E, and A and P as K. */
export function provisionOf(code: ProvisionCode): Provision {
  if (code === 'S') return 'E'
  if (code === 'A' || code === 'P') return 'K'
  return code
}

import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

// The list ships with zxcvbn's common-language package: about 49,000 passwords seen in breaches.
// It has few passphrases, so the best-known example ones are added here.
const commonPasswords = new Set([
  ...dictionary.passwords.map((password) => password.toLowerCase()),
  'correcthorsebatterystaple',
  'thequickbrownfoxjumpsoverthelazydog',
])

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane), which meet OWASP's minimum.
const ARGON2ID = 2

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID })
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verifying against this hash when no user matches makes a failed sign-in take as long whether
// or not the email exists.
let dummyHash: Promise<string> | null = null
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('not a real password, only here to spend the same time')
  await verifyPassword(await dummyHash, password)
}

/**
 * Checks a new password as NCSC advises: long enough, not a known common password, not the
 * user's email. No rules about character kinds. Returns the problem, or null when it is fine.
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters. Three random words make a good one.`
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Enter a password of at most ${MAX_PASSWORD_LENGTH} characters`
  }
  if (isCommon(password)) {
    return 'This password is too common and easy to guess. Choose another, such as three random words.'
  }
  const localPart = email.split('@')[0]?.toLowerCase() ?? ''
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) {
    return 'The password must not contain your email address. Choose another.'
  }
  return null
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase()
  // Spaces, hyphens and the like between words do not make a listed password safe.
  const joined = lower.replace(/[\s\-_.]+/g, '')
  if (commonPasswords.has(lower) || commonPasswords.has(joined)) return true
  // One character repeated, digits alone, or a common password padded with digits and symbols.
  if (/^(.)\1*$/.test(lower) || /^\d+$/.test(lower)) return true
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '')
  return core.length > 0 && core.length < lower.length && commonPasswords.has(core)
}

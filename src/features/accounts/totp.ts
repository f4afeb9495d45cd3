import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

const ISSUER = 'send-careers'
const PERIOD_SECONDS = 30

function totpFor(secret: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  })
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** Returns the otpauth:// address that an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString()
}

/** Draws the enrolment address as an SVG QR code, to put in the page without an image request. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
}

/**
 * Returns the time step of a valid code (allowing one step either side for clock drift), or null.
 * The caller refuses a step at or before the last one accepted, so a code works only once.
 */
export function acceptedTotpStep(secret: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const delta = totpFor(secret).validate({ token, timestamp: nowMs, window: 1 })
  if (delta === null) return null
  return Math.floor(nowMs / 1000 / PERIOD_SECONDS) + delta
}

/** Returns the current code, for tests and the demo. */
export function currentTotpCode(secret: string, nowMs = Date.now()): string {
  return totpFor(secret).generate({ timestamp: nowMs })
}

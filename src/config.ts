import { isIP } from 'node:net'
import { z } from 'zod'
import { describeDatabaseUrl, isSupportedDatabaseUrl } from './db/connection.js'

const DEVELOPMENT_COOKIE_SECRET = 'development-only-cookie-secret-change-me'

/** Years after leaving before a record is erased; the reasons are in docs/decisions. */
export const DEFAULT_RETENTION_YEARS = 6

/** Treats a blank value as unset, so `NAME=` in an env file means the default. */
function blankAsUnset(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value
}

/**
 * Builds the schema of a whole number from `min` to `max`, with messages naming the variable and
 * the unit, if it has one.
 */
function wholeNumber(name: string, unit: string, min: number, max: number, fallback: number) {
  const range = unit
    ? `${name} must be a whole number of ${unit} from ${min} to ${max}`
    : `${name} must be a whole number from ${min} to ${max}`
  return z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: range }).int(range).min(min, range).max(max, range).default(fallback),
  )
}

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1, 'DATABASE_URL is empty. Remove it, or set sqlite:PATH or a postgres:// URL')
    .refine(isSupportedDatabaseUrl, {
      error:
        'DATABASE_URL must start with sqlite:, postgres:// or postgresql://, or be a file path',
    })
    .default('sqlite:./data/send-careers.db'),
  DATABASE_POOL_SIZE: wholeNumber('DATABASE_POOL_SIZE', 'connections', 1, 200, 10),
  HOST: z.string().trim().min(1, 'HOST is empty. Remove it, or set 127.0.0.1').default('127.0.0.1'),
  PORT: wholeNumber('PORT', '', 0, 65535, 3000),
  COOKIE_SECRET: z.string().min(32, 'COOKIE_SECRET must be at least 32 characters').optional(),
  MAX_UPLOAD_MB: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: 'MAX_UPLOAD_MB must be a number of megabytes, more than 0 and at most 200' })
      .positive('MAX_UPLOAD_MB must be a number of megabytes, more than 0 and at most 200')
      .max(200, 'MAX_UPLOAD_MB must be a number of megabytes, more than 0 and at most 200')
      .default(20),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: wholeNumber('SESSION_IDLE_MINUTES', 'minutes', 1, 24 * 60, 30),
  SESSION_MAX_HOURS: wholeNumber('SESSION_MAX_HOURS', 'hours', 1, 24 * 30, 12),
  TRUST_PROXY: z
    .string()
    .trim()
    // An address has a dot (IPv4) or a colon (IPv6), so a bare number is not taken for one.
    .regex(
      /^(true|false|[0-9a-fA-F/]*[.:][0-9a-fA-F.:/]*(\s*,\s*[0-9a-fA-F/]*[.:][0-9a-fA-F.:/]*)*)$/,
      {
        error: 'TRUST_PROXY must be true, false, or proxy addresses such as 10.0.0.1,10.0.0.0/8',
      },
    )
    .optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http:// or https:// address' })
    .optional(),
  RETENTION_YEARS: wholeNumber('RETENTION_YEARS', 'years', 1, 100, DEFAULT_RETENTION_YEARS),
  // Blank means unset, so `PSEUDONYMISE_AFTER_YEARS=` in an env file turns pseudonymisation off.
  PSEUDONYMISE_AFTER_YEARS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: 'PSEUDONYMISE_AFTER_YEARS must be a whole number of years, 1 or more' })
      .int('PSEUDONYMISE_AFTER_YEARS must be a whole number of years, 1 or more')
      .min(1, 'PSEUDONYMISE_AFTER_YEARS must be a whole number of years, 1 or more')
      .optional(),
  ),
})

export interface Config {
  nodeEnv: 'development' | 'production' | 'test'
  databaseUrl: string
  /** PostgreSQL only: the most connections this process opens to the server at once. */
  databasePoolSize: number
  host: string
  port: number
  cookieSecret: string
  maxUploadBytes: number
  logLevel: string
  sessions: { idleMinutes: number; maxHours: number }
  /** The address people use to reach the server, for links the command line prints. */
  publicUrl: string
  /** PUBLIC_URL as set, or null, so the web app can fall back to the address a request used. */
  configuredPublicUrl: string | null
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client's address. */
  trustProxy: boolean | string[]
  /** Whole years after a student's leaving date before retention erases the record. */
  retentionYears: number
  /** Whole years after leaving before retention pseudonymises the record, or null for never. */
  pseudonymiseAfterYears: number | null
}

/** Describes the value a setting has, so the reader sees what to change. Secrets are not shown. */
function describeSetting(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '' || name === 'COOKIE_SECRET') return ''
  const safeValue = name === 'DATABASE_URL' ? describeDatabaseUrl(value) : value
  return ` (it is set to "${safeValue.length > 80 ? `${safeValue.slice(0, 80)}...` : safeValue}")`
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads the environment once. Throws ConfigError with every problem listed. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment)
  if (!parsed.success) {
    // A message that names its variable already is shown alone, so the name is not repeated.
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.')
      const message = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`
      return `${message}${describeSetting(name, environment[name])}`
    })
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const env = parsed.data

  if (env.NODE_ENV === 'production' && !env.COOKIE_SECRET) {
    throw new ConfigError(
      'COOKIE_SECRET is missing. Set it to a random string of 32 or more characters.',
    )
  }
  if (env.NODE_ENV === 'production' && env.COOKIE_SECRET === DEVELOPMENT_COOKIE_SECRET) {
    throw new ConfigError(
      'COOKIE_SECRET is the development default. Set it to your own random string of 32 or more characters.',
    )
  }
  if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60) {
    throw new ConfigError(
      `SESSION_IDLE_MINUTES (${env.SESSION_IDLE_MINUTES}) is longer than SESSION_MAX_HOURS (${env.SESSION_MAX_HOURS}) allows. Lower it or raise SESSION_MAX_HOURS.`,
    )
  }
  assertPseudonymiseBeforeErasure(env.PSEUDONYMISE_AFTER_YEARS, env.RETENTION_YEARS)

  return {
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    host: env.HOST,
    port: env.PORT,
    cookieSecret: env.COOKIE_SECRET ?? DEVELOPMENT_COOKIE_SECRET,
    maxUploadBytes: Math.round(env.MAX_UPLOAD_MB * 1024 * 1024),
    logLevel: env.LOG_LEVEL,
    sessions: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    publicUrl: (env.PUBLIC_URL ?? `http://${urlHost(env.HOST)}:${env.PORT}`).replace(/\/+$/, ''),
    configuredPublicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    retentionYears: env.RETENTION_YEARS,
    pseudonymiseAfterYears: env.PSEUDONYMISE_AFTER_YEARS ?? null,
  }
}

function parseTrustProxy(value: string | undefined): boolean | string[] {
  if (value === undefined || value === 'false') return false
  if (value === 'true') return true
  return value.split(',').map((address) => address.trim())
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '127.0.0.1') return 'localhost'
  return isIP(host) === 6 && !host.startsWith('[') ? `[${host}]` : host
}

// A record pseudonymised in the same year it is erased would never be used in its pseudonymous form.
function assertPseudonymiseBeforeErasure(pseudonymise: number | undefined, retention: number) {
  if (pseudonymise === undefined || pseudonymise < retention) return
  throw new ConfigError(
    `PSEUDONYMISE_AFTER_YEARS (${pseudonymise}) must be less than RETENTION_YEARS (${retention}). ` +
      'Lower it, raise RETENTION_YEARS, or remove PSEUDONYMISE_AFTER_YEARS to keep names until erasure.',
  )
}

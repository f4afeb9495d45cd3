import { createHash, randomBytes } from 'node:crypto'

import type { Kysely } from 'kysely'
import { z } from 'zod'

import type { Tables, UserRow } from '../../db/tables.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { AuditAction, AuditEvent } from '../audit/audit.repository.js'
import {
  findUserByEmail,
  findUserById,
  listRoleGrants,
  listUsersOfSchools,
  schoolRoles,
} from './account.repository.js'
import type { RoleGrant } from './account.repository.js'
import { hashPassword, passwordProblem, verifyAgainstNothing, verifyPassword } from './passwords.js'
import { MFA_REQUIRED_ROLES, ROLES } from './permissions.js'
import type { Role } from './permissions.js'
import { acceptedTotpStep, newTotpSecret } from './totp.js'

export type { RoleGrant }

/** Failed attempts (passwords and second factors together) before an account is locked. */
export const MAX_FAILED_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 15
const SET_PASSWORD_LINK_HOURS = 72
const RECOVERY_CODE_COUNT = 10

export interface SessionSettings {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number
  /** Hours after sign-in after which a session ends, however active. */
  maxHours: number
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 30, maxHours: 12 }

export interface AccountServiceOptions {
  now?: () => Date
  sessions?: SessionSettings
}

/** A user as the pages and commands see one. */
export interface Account {
  id: number
  email: string
  displayName: string
  hasPassword: boolean
  mfaEnabled: boolean
  disabled: boolean
  locked: boolean
  createdAt: string
  roles: RoleGrant[]
}

/** The user behind a live session, with the role held at each school. */
export interface SignedInUser {
  id: number
  email: string
  displayName: string
  mfaEnabled: boolean
  /** True when one of the user's roles needs a second factor. */
  mfaRequired: boolean
  schoolRoles: Map<number, Role>
}

export interface LoadedSession {
  user: SignedInUser
  /** True once the second factor was passed in this session. */
  secondFactorPassed: boolean
}

export type SignInResult =
  { ok: true; userId: number; needsSecondFactor: boolean; mustEnrol: boolean } | { ok: false }

/** A mistake in a request to change accounts, with a message for the person who made it. */
export class AccountError extends Error {
  override name = 'AccountError'
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Enter an email address of at most 254 characters')
  .pipe(z.email('Enter an email address in the right format, like name@school.org.uk'))

export const newUserSchema = z.object({
  email: emailSchema,
  displayName: z
    .string()
    .trim()
    .min(1, 'Enter the person’s name')
    .max(100, 'Enter a name of at most 100 characters')
    // Control and direction characters (such as U+202E) could make a name show as another one.
    .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), {
      error: 'Enter the name without line breaks, tabs or invisible formatting characters',
    }),
  role: z.enum(ROLES, { error: `Choose a role: ${ROLES.join(', ')}` }),
})

/** The place a role is held at: one school, or one organisation. */
export type Place = { schoolId: number } | { organisationId: number }

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Builds the address of a one-time password link on the site at `baseUrl`. */
export function passwordLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/set-password?token=${encodeURIComponent(token)}`
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

function recoveryCode(): string {
  // 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as two groups of 5.
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(10)
  const chars = [...bytes].map((byte) => alphabet[byte % alphabet.length])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

function normaliseRecoveryCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '')
}

export function createAccountService(db: Kysely<Tables>, options: AccountServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())
  const settings = options.sessions ?? DEFAULT_SESSION_SETTINGS
  const touchIntervalMs = Math.min(60_000, (settings.idleMinutes * 60_000) / 10)
  const nowIso = () => clock().toISOString()
  const minutesFromNow = (minutes: number) =>
    new Date(clock().getTime() + minutes * 60_000).toISOString()

  async function audit(
    action: AuditAction,
    actor: string,
    details: AuditEvent['details'],
    schoolId: number | null = null,
    executor: Kysely<Tables> = db,
  ) {
    await insertAuditEvent(executor, {
      at: nowIso(),
      actor,
      action,
      schoolId,
      studentId: null,
      details,
    })
  }

  function isLocked(user: UserRow): boolean {
    return user.locked_until !== null && user.locked_until > nowIso()
  }

  async function toAccount(user: UserRow): Promise<Account> {
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      hasPassword: user.password_hash !== null,
      mfaEnabled: user.totp_enabled_at !== null,
      disabled: user.disabled_at !== null,
      locked: isLocked(user),
      createdAt: user.created_at,
      roles: await listRoleGrants(db, user.id),
    }
  }

  async function requireUser(id: number): Promise<UserRow> {
    const user = await findUserById(db, id)
    if (!user) throw new AccountError(`There is no user with id ${id}`)
    return user
  }

  // The count is raised in SQL, not from the value read before, so failures posted at the same
  // moment each count. The update that reaches the limit locks the account and starts again at 0.
  async function recordFailure(user: UserRow, reason: string): Promise<void> {
    const raised = await db
      .updateTable('users')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', user.id)
      .returning('failed_attempts')
      .executeTakeFirst()
    const locked = await db
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: minutesFromNow(LOCKOUT_MINUTES) })
      .where('id', '=', user.id)
      .where('failed_attempts', '>=', MAX_FAILED_ATTEMPTS)
      .executeTakeFirst()
    const lock = locked.numUpdatedRows > 0n
    const attempts = raised?.failed_attempts ?? 0
    await audit('user.sign_in.failed', user.email, { reason, attempts, locked: lock })
  }

  /** Issues a one-time password link and ends any earlier link of the user, so only the newest works. */
  async function issueToken(userId: number, executor: Kysely<Tables> = db): Promise<string> {
    const token = randomToken()
    await endPasswordLinks(userId, executor)
    await executor
      .insertInto('sign_in_tokens')
      .values({
        token_hash: sha256(token),
        user_id: userId,
        created_at: nowIso(),
        expires_at: minutesFromNow(SET_PASSWORD_LINK_HOURS * 60),
        used_at: null,
      })
      .execute()
    return token
  }

  async function replaceRecoveryCodes(userId: number, codes: string[], trx: Kysely<Tables>) {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
    await trx
      .insertInto('recovery_codes')
      .values(
        codes.map((value) => ({
          user_id: userId,
          code_hash: sha256(normaliseRecoveryCode(value)),
          used_at: null,
        })),
      )
      .execute()
  }

  async function endPasswordLinks(userId: number, executor: Kysely<Tables>) {
    await executor
      .updateTable('sign_in_tokens')
      .set({ used_at: nowIso() })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute()
  }

  async function liveToken(token: string) {
    const row = await db
      .selectFrom('sign_in_tokens')
      .innerJoin('users', 'users.id', 'sign_in_tokens.user_id')
      .select(['sign_in_tokens.token_hash', 'users.id as user_id', 'users.email'])
      .where('sign_in_tokens.token_hash', '=', sha256(token))
      .where('sign_in_tokens.used_at', 'is', null)
      .where('sign_in_tokens.expires_at', '>', nowIso())
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst()
    return row
  }

  async function revokeAllSessions(userId: number, executor: Kysely<Tables> = db) {
    await executor
      .updateTable('sessions')
      .set({ revoked_at: nowIso() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute()
  }

  // Every role a user has is one of their grants, at a school or an organisation, so the
  // grants alone decide. An organisation role counts even before the organisation has schools.
  async function mfaRequiredFor(userId: number): Promise<boolean> {
    const grants = await listRoleGrants(db, userId)
    return grants.some((grant) => MFA_REQUIRED_ROLES.includes(grant.role))
  }

  async function grant(userId: number, role: Role, place: Place, by: string, trx: Kysely<Tables>) {
    const schoolId = 'schoolId' in place ? place.schoolId : null
    const organisationId = 'organisationId' in place ? place.organisationId : null
    const existing = await trx
      .selectFrom('user_roles')
      .select(['id', 'role'])
      .where('user_id', '=', userId)
      .where(schoolId === null ? 'organisation_id' : 'school_id', '=', schoolId ?? organisationId)
      .executeTakeFirst()
    if (existing?.role === role) return
    if (existing) {
      await trx
        .updateTable('user_roles')
        .set({ role, granted_by: by, granted_at: nowIso() })
        .where('id', '=', existing.id)
        .execute()
    } else {
      await trx
        .insertInto('user_roles')
        .values({
          user_id: userId,
          school_id: schoolId,
          organisation_id: organisationId,
          role,
          granted_by: by,
          granted_at: nowIso(),
        })
        .execute()
    }
    const target = await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    await audit(
      'user.role.grant',
      by,
      { user: target.email, role: { from: existing?.role ?? null, to: role }, organisationId },
      schoolId,
      trx,
    )
  }

  return {
    settings,

    /** Creates a user with one role and returns a one-time token for choosing a password. */
    async createUser(
      input: { email: unknown; displayName: unknown; role: unknown },
      place: Place,
      by: string,
    ): Promise<{ account: Account; token: string }> {
      const parsed = newUserSchema.safeParse(input)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new AccountError(issue?.message ?? 'Check the details', String(issue?.path[0] ?? ''))
      }
      const { email, displayName, role } = parsed.data
      if (await findUserByEmail(db, email)) {
        throw new AccountError(`A user with the email address ${email} already exists`, 'email')
      }
      const token = await db.transaction().execute(async (trx) => {
        const user = await trx
          .insertInto('users')
          .values({
            email,
            display_name: displayName,
            password_hash: null,
            password_set_at: null,
            totp_secret: null,
            totp_enabled_at: null,
            totp_last_step: null,
            locked_until: null,
            disabled_at: null,
            created_by: by,
            created_at: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await audit(
          'user.create',
          by,
          { user: email, role },
          'schoolId' in place ? place.schoolId : null,
          trx,
        )
        await grant(user.id, role, place, by, trx)
        return issueToken(user.id, trx)
      })
      const created = await findUserByEmail(db, email)
      if (!created) throw new Error('The new user was not stored')
      return { account: await toAccount(created), token }
    },

    async findAccount(email: string): Promise<Account | null> {
      const user = await findUserByEmail(db, email.trim().toLowerCase())
      return user ? toAccount(user) : null
    },

    async getAccount(id: number): Promise<Account | null> {
      const user = await findUserById(db, id)
      return user ? toAccount(user) : null
    },

    /** Users with a role at one of these schools. */
    async listAccounts(schoolIds: number[]): Promise<Account[]> {
      const users = await listUsersOfSchools(db, schoolIds)
      return Promise.all(users.map(toAccount))
    },

    /** Gives a user a role at a school or organisation, replacing any role held there. */
    async grantRole(userId: number, role: Role, place: Place, by: string): Promise<void> {
      await requireUser(userId)
      await db.transaction().execute(async (trx) => {
        await grant(userId, role, place, by, trx)
      })
    },

    async removeRole(userId: number, place: Place, by: string): Promise<void> {
      const user = await requireUser(userId)
      const schoolId = 'schoolId' in place ? place.schoolId : null
      const organisationId = 'organisationId' in place ? place.organisationId : null
      const removed = await db
        .deleteFrom('user_roles')
        .where('user_id', '=', userId)
        .where(schoolId === null ? 'organisation_id' : 'school_id', '=', schoolId ?? organisationId)
        .returning('role')
        .executeTakeFirst()
      if (!removed) return
      await audit(
        'user.role.remove',
        by,
        { user: user.email, role: { from: removed.role, to: null }, organisationId },
        schoolId,
      )
    },

    /** Stops a user signing in and ends every session they have, at once. */
    async disableUser(userId: number, by: string): Promise<void> {
      const user = await requireUser(userId)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ disabled_at: nowIso() })
          .where('id', '=', userId)
          .execute()
        await revokeAllSessions(userId, trx)
        await audit('user.disable', by, { user: user.email }, null, trx)
      })
    },

    async enableUser(userId: number, by: string): Promise<void> {
      const user = await requireUser(userId)
      await db
        .updateTable('users')
        .set({ disabled_at: null, failed_attempts: 0, locked_until: null })
        .where('id', '=', userId)
        .execute()
      await audit('user.enable', by, { user: user.email })
    },

    /** Issues a new one-time link to choose a password, for a user who lost theirs. */
    async issuePasswordLink(userId: number, by: string): Promise<string> {
      const user = await requireUser(userId)
      const token = await issueToken(userId)
      await audit('user.password.link', by, { user: user.email })
      return token
    },

    /** Returns the email of a live one-time password link, or null when it is used, expired or unknown. */
    async passwordLinkEmail(token: string): Promise<string | null> {
      return (await liveToken(token))?.email ?? null
    },

    /** Sets a password through a one-time link, and ends every session the user had. */
    async setPasswordWithLink(
      token: string,
      password: string,
    ): Promise<{ ok: true; userId: number } | { ok: false; problem: string }> {
      const row = await liveToken(token)
      if (!row) {
        return {
          ok: false,
          problem: 'This link has expired or was already used. Ask an admin for a new one.',
        }
      }
      const problem = passwordProblem(password, row.email)
      if (problem) return { ok: false, problem }
      const passwordHash = await hashPassword(password)
      await db.transaction().execute(async (trx) => {
        await endPasswordLinks(row.user_id, trx)
        await trx
          .updateTable('users')
          .set({
            password_hash: passwordHash,
            password_set_at: nowIso(),
            failed_attempts: 0,
            locked_until: null,
          })
          .where('id', '=', row.user_id)
          .execute()
        await revokeAllSessions(row.user_id, trx)
        await audit('user.password.set', row.email, { user: row.email }, null, trx)
      })
      return { ok: true, userId: row.user_id }
    },

    /** Sets a password directly, for the demo and the command line. */
    async setPassword(userId: number, password: string, by: string): Promise<void> {
      const user = await requireUser(userId)
      const problem = passwordProblem(password, user.email)
      if (problem) throw new AccountError(problem, 'password')
      await db
        .updateTable('users')
        .set({ password_hash: await hashPassword(password), password_set_at: nowIso() })
        .where('id', '=', userId)
        .execute()
      await endPasswordLinks(userId, db)
      await revokeAllSessions(userId)
      await audit('user.password.set', by, { user: user.email })
    },

    /**
     * Checks an email and password. The result is the same for an unknown email, a wrong
     * password, a locked account and a disabled one, and takes about as long.
     */
    async signIn(email: string, password: string): Promise<SignInResult> {
      const normalised = email.trim().toLowerCase().slice(0, 254)
      const user = normalised ? await findUserByEmail(db, normalised) : undefined
      if (!user?.password_hash) {
        await verifyAgainstNothing(password)
        await audit('user.sign_in.failed', 'unknown', { reason: 'unknown email' })
        return { ok: false }
      }

      const matches = await verifyPassword(user.password_hash, password)
      if (user.disabled_at !== null) {
        await audit('user.sign_in.failed', user.email, { reason: 'disabled' })
        return { ok: false }
      }
      if (isLocked(user)) {
        await audit('user.sign_in.failed', user.email, { reason: 'locked' })
        return { ok: false }
      }
      if (!matches) {
        await recordFailure(user, 'password')
        return { ok: false }
      }
      const mfaEnabled = user.totp_enabled_at !== null
      // With a second factor still to pass, wrong codes so far keep counting towards the lockout:
      // a known password must not buy unlimited guesses at the code.
      if (!mfaEnabled) {
        await db
          .updateTable('users')
          .set({ failed_attempts: 0, locked_until: null })
          .where('id', '=', user.id)
          .execute()
      }
      const mustEnrol = !mfaEnabled && (await mfaRequiredFor(user.id))
      await audit('user.sign_in', user.email, { secondFactor: mfaEnabled ? 'pending' : 'none' })
      return { ok: true, userId: user.id, needsSecondFactor: mfaEnabled, mustEnrol }
    },

    /** Checks a TOTP code or an unused recovery code. Failures count towards the lockout. */
    async verifySecondFactor(userId: number, code: string): Promise<boolean> {
      const user = await requireUser(userId)
      if (!user.totp_secret || !user.totp_enabled_at || user.disabled_at || isLocked(user)) {
        return false
      }
      const step = acceptedTotpStep(user.totp_secret, code, clock().getTime())
      if (step !== null && (user.totp_last_step === null || step > user.totp_last_step)) {
        await db
          .updateTable('users')
          .set({ totp_last_step: step, failed_attempts: 0 })
          .where('id', '=', userId)
          .execute()
        await audit('user.second_factor', user.email, { method: 'authenticator app' })
        return true
      }
      const normalised = normaliseRecoveryCode(code)
      if (normalised.length === 10) {
        const used = await db
          .updateTable('recovery_codes')
          .set({ used_at: nowIso() })
          .where('user_id', '=', userId)
          .where('code_hash', '=', sha256(normalised))
          .where('used_at', 'is', null)
          .executeTakeFirst()
        if (used.numUpdatedRows > 0n) {
          await db
            .updateTable('users')
            .set({ failed_attempts: 0 })
            .where('id', '=', userId)
            .execute()
          await audit('user.second_factor', user.email, { method: 'recovery code' })
          return true
        }
      }
      await recordFailure(user, 'second factor')
      return false
    },

    /** Starts TOTP enrolment: stores a new secret that is not trusted until a code confirms it. */
    async startMfaEnrolment(userId: number): Promise<string> {
      const user = await requireUser(userId)
      if (user.totp_enabled_at) throw new AccountError('Multi-factor sign-in is already set up')
      const secret = newTotpSecret()
      await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute()
      return secret
    },

    async pendingMfaSecret(userId: number): Promise<string | null> {
      const user = await requireUser(userId)
      return user.totp_enabled_at ? null : user.totp_secret
    },

    /** Confirms enrolment with a code from the app. Returns fresh recovery codes, shown once. */
    async confirmMfaEnrolment(userId: number, code: string): Promise<string[] | null> {
      const user = await requireUser(userId)
      if (!user.totp_secret || user.totp_enabled_at) return null
      const step = acceptedTotpStep(user.totp_secret, code, clock().getTime())
      if (step === null) return null
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_enabled_at: nowIso(), totp_last_step: step })
          .where('id', '=', userId)
          .execute()
        await replaceRecoveryCodes(userId, codes, trx)
        await audit('user.mfa.enrol', user.email, { user: user.email }, null, trx)
      })
      return codes
    },

    /**
     * Replaces a user's recovery codes with new ones, after a code from the authenticator app
     * (not a recovery code) proves the user still has it. A wrong code counts towards the lockout.
     */
    async renewRecoveryCodes(userId: number, code: string): Promise<string[] | null> {
      const user = await requireUser(userId)
      if (!user.totp_secret || !user.totp_enabled_at || isLocked(user)) return null
      const step = acceptedTotpStep(user.totp_secret, code, clock().getTime())
      if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
        await recordFailure(user, 'recovery code renewal')
        return null
      }
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_last_step: step, failed_attempts: 0 })
          .where('id', '=', userId)
          .execute()
        await replaceRecoveryCodes(userId, codes, trx)
        await audit('user.recovery_codes.renew', user.email, { user: user.email }, null, trx)
      })
      return codes
    },

    /** Removes a user's second factor (a lost phone). They set it up again at next sign-in. */
    async resetMfa(userId: number, by: string): Promise<void> {
      const user = await requireUser(userId)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null })
          .where('id', '=', userId)
          .execute()
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
        await revokeAllSessions(userId, trx)
        await audit('user.mfa.reset', by, { user: user.email }, null, trx)
      })
    },

    async unusedRecoveryCodes(userId: number): Promise<number> {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },

    /** Starts a session and returns the token for its cookie. Each sign-in gets a new token. */
    async createSession(userId: number, secondFactorPassed: boolean): Promise<string> {
      const token = randomToken()
      const at = nowIso()
      await db
        .insertInto('sessions')
        .values({
          token_hash: sha256(token),
          user_id: userId,
          created_at: at,
          last_seen_at: at,
          expires_at: minutesFromNow(settings.maxHours * 60),
          second_factor_at: secondFactorPassed ? at : null,
          revoked_at: null,
        })
        .execute()
      return token
    },

    /** Loads the live session of a cookie's token, or null if it is unknown, ended or timed out. */
    async loadSession(token: string): Promise<LoadedSession | null> {
      const now = clock()
      const at = now.toISOString()
      const idleSince = new Date(now.getTime() - settings.idleMinutes * 60_000).toISOString()
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.token_hash',
          'sessions.last_seen_at',
          'sessions.second_factor_at',
          'users.id',
          'users.email',
          'users.display_name',
          'users.totp_enabled_at',
        ])
        .where('sessions.token_hash', '=', sha256(token))
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', at)
        .where('sessions.last_seen_at', '>', idleSince)
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst()
      if (!row) return null

      // Writing on every request would make each page a database write, so the time of the last
      // request is stored at most once a minute, or once a tenth of the idle time when that is
      // shorter. A session can so end up to that interval before its idle time is over.
      if (now.getTime() - Date.parse(row.last_seen_at) > touchIntervalMs) {
        await db
          .updateTable('sessions')
          .set({ last_seen_at: at })
          .where('token_hash', '=', row.token_hash)
          .execute()
      }
      const roles = await schoolRoles(db, row.id)
      return {
        user: {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          mfaEnabled: row.totp_enabled_at !== null,
          mfaRequired: await mfaRequiredFor(row.id),
          schoolRoles: roles,
        },
        secondFactorPassed: row.second_factor_at !== null,
      }
    },

    /** Ends the session of this token and starts a new one with the second factor passed. */
    async passSecondFactor(token: string, userId: number): Promise<string> {
      await this.endSession(token)
      return this.createSession(userId, true)
    },

    async endSession(token: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ revoked_at: nowIso() })
        .where('token_hash', '=', sha256(token))
        .execute()
    },

    /** Ends every session of a user, on every device. */
    async endAllSessions(userId: number, by: string): Promise<void> {
      const user = await requireUser(userId)
      await revokeAllSessions(userId)
      await audit('user.sign_out.everywhere', by, { user: user.email })
    },

    async recordSignOut(email: string): Promise<void> {
      await audit('user.sign_out', email, {})
    },

    /** Creates an organisation (trust or local authority), or returns the one with this name. */
    async findOrCreateOrganisation(name: string, kind: 'trust' | 'local_authority') {
      await db
        .insertInto('organisations')
        .values({ name, kind, created_at: nowIso() })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute()
      return db
        .selectFrom('organisations')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    },

    async addSchoolToOrganisation(schoolId: number, organisationId: number, by: string) {
      await db
        .updateTable('schools')
        .set({ organisation_id: organisationId })
        .where('id', '=', schoolId)
        .execute()
      await audit('organisation.school.add', by, { organisationId }, schoolId)
    },

    async findOrganisation(name: string) {
      return db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst()
    },

    /** Returns the user's role at each school, with organisation roles spread to their schools. */
    schoolRolesOf: (userId: number) => schoolRoles(db, userId),

    async countUsers(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>

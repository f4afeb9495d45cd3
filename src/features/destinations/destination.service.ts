import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { provisionOf } from '../../domain/provision.js'
import { controlCharacterProblem } from '../../domain/text.js'
import type { ConsentStatus } from '../../domain/tracking-consent.js'
import { consentDateProblem, isConsentStatus } from '../../domain/tracking-consent.js'
import type { IsoDate } from '../../domain/types.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { AuditAction } from '../audit/audit.repository.js'
import { findStudentById } from '../students/student.repository.js'
import type { StoredStudent } from '../students/student.repository.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import { checkSpell, spellChanges, spellMessages } from './destination.check.js'
import type { SpellFieldProblem, SpellInput } from './destination.check.js'
import * as spells from './destination.repository.js'
import type {
  DestinationEvent,
  SpellValues,
  StoredConsent,
  StoredSpell,
} from './destination.repository.js'
import { todayInEngland } from '../eligibility/reference-date.js'

export const MAX_CONSENT_NOTE_LENGTH = 1000

export const consentMessages = {
  status: 'Select whether consent was given, refused or withdrawn',
  noteTooLong: `Note must be ${MAX_CONSENT_NOTE_LENGTH} characters or fewer`,
  future: 'Date of the answer must be today or in the past',
  beforeBirth: 'Date of the answer must be after the student’s date of birth',
}

/** The student a destinations page is about, with the facts the spell checks read. */
export interface DestinationStudent {
  id: number
  schoolId: number
  name: string
  dateOfBirth: IsoDate
  hasEhcPlan: boolean
  /** The leaving date, or null while the student is at the school. */
  leftOn: IsoDate | null
}

export interface StudentDestinations {
  student: DestinationStudent
  spells: StoredSpell[]
  consent: StoredConsent | null
  events: DestinationEvent[]
}

export type SpellError =
  | { code: 'not_found' }
  | { code: 'invalid'; problems: SpellFieldProblem[] }
  /** The spell changed or went since the form was loaded. `current` is its stored state, or null. */
  | { code: 'conflict'; current: StoredSpell | null }

export type SpellResult = { ok: true; value: StoredSpell } | { ok: false; error: SpellError }

export interface ConsentInput {
  status: string
  recordedOn: IsoDate
  note?: string
  /**
   * The version of the answer the form showed, 0 when there was none. A different stored version
   * means someone else saved an answer since, and the save is refused. Left out, no check is made.
   */
  version?: number
}

export type ConsentResult =
  | { ok: true; value: StoredConsent }
  | {
      ok: false
      error:
        | { code: 'not_found' }
        | { code: 'invalid'; field: string; message: string }
        /** Someone saved an answer since the form was loaded. `current` is the stored answer. */
        | { code: 'conflict'; current: StoredConsent | null }
    }

function toDestinationStudent(student: StoredStudent): DestinationStudent {
  const forename = student.preferredForename ?? student.legalForename
  const surname = student.preferredSurname ?? student.legalSurname
  return {
    id: student.id,
    schoolId: student.schoolId,
    name: `${forename} ${surname}`,
    dateOfBirth: student.dateOfBirth,
    hasEhcPlan: provisionOf(student.provisionCode) === 'E',
    leftOn: student.leftOn,
  }
}

export function createDestinationService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())

  async function findStudent(trx: Kysely<Tables>, scope: Scope, id: number) {
    const student = await findStudentById(trx, scope.schoolIds, id)
    return student ? toDestinationStudent(student) : null
  }

  async function audit(
    trx: Kysely<Tables>,
    action: AuditAction,
    by: string,
    student: DestinationStudent,
    details: Record<string, unknown>,
    at: string,
  ) {
    const event = { at, actor: by, action, schoolId: student.schoolId, studentId: student.id }
    await insertAuditEvent(trx, { ...event, details })
  }

  /** Reads a student's spells, consent and destination history, or null when out of scope. */
  async function getDestinations(scope: Scope, id: number): Promise<StudentDestinations | null> {
    const student = await findStudent(db, scope, id)
    if (!student) return null
    return {
      student,
      spells: await spells.listSpells(db, scope.schoolIds, id),
      consent: await spells.findConsent(db, scope.schoolIds, id),
      events: await spells.listDestinationEvents(db, scope.schoolIds, id),
    }
  }

  /** Reads one spell of a student in scope, or null. */
  async function getSpell(scope: Scope, studentId: number, spellId: number) {
    return spells.findSpell(db, scope.schoolIds, studentId, spellId)
  }

  /**
   * Checks a spell without storing it, for a form whose other boxes already failed, so every
   * problem is shown at once. Returns null when the student is out of scope.
   */
  async function listSpellProblems(
    scope: Scope,
    id: number,
    input: SpellInput,
  ): Promise<SpellFieldProblem[] | null> {
    const student = await findStudent(db, scope, id)
    if (!student) return null
    const checked = checkSpell(input, student, todayInEngland(clock()))
    return checked.ok ? [] : checked.problems
  }

  /** Checks and adds a spell, and audits every value it sets. */
  function addSpell(scope: Scope, id: number, input: SpellInput, by: string): Promise<SpellResult> {
    return db.transaction().execute(async (trx): Promise<SpellResult> => {
      const student = await findStudent(trx, scope, id)
      if (!student) return { ok: false, error: { code: 'not_found' } }
      const now = clock().toISOString()
      const checked = checkSpell(input, student, todayInEngland(new Date(now)))
      if (!checked.ok) return { ok: false, error: { code: 'invalid', problems: checked.problems } }
      const duplicate = await duplicateProblem(trx, student, checked.values, null)
      if (duplicate) return { ok: false, error: { code: 'invalid', problems: [duplicate] } }

      const change = { by, at: now }
      const spellId = await spells.insertSpell(trx, ownerOf(student), checked.values, change)
      const details = { spell_id: spellId, ...spellChanges(null, checked.values) }
      await audit(trx, 'destination.add', by, student, details, now)
      const stored = await spells.findSpell(trx, scope.schoolIds, id, spellId)
      if (!stored) throw new Error(`Spell ${spellId} was not found after it was added`)
      return { ok: true, value: stored }
    })
  }

  /**
   * Changes a spell when its stored version is still `version`. An older version is rejected
   * with a conflict, so a second person's edit is never overwritten.
   */
  function editSpell(
    scope: Scope,
    target: { studentId: number; spellId: number; version: number },
    input: SpellInput,
    by: string,
  ): Promise<SpellResult> {
    return db.transaction().execute(async (trx): Promise<SpellResult> => {
      const student = await findStudent(trx, scope, target.studentId)
      if (!student) return { ok: false, error: { code: 'not_found' } }
      const before = await spells.findSpell(trx, scope.schoolIds, student.id, target.spellId)
      if (!before) return { ok: false, error: { code: 'not_found' } }
      if (before.version !== target.version) {
        return { ok: false, error: { code: 'conflict', current: before } }
      }
      const now = clock().toISOString()
      const checked = checkSpell(input, student, todayInEngland(new Date(now)))
      if (!checked.ok) return { ok: false, error: { code: 'invalid', problems: checked.problems } }

      const duplicate = await duplicateProblem(trx, student, checked.values, before.id)
      if (duplicate) return { ok: false, error: { code: 'invalid', problems: [duplicate] } }

      const changes = spellChanges(before, checked.values)
      if (Object.keys(changes).length === 0) return { ok: true, value: before }
      const key = { id: before.id, schoolId: before.schoolId, version: target.version }
      if (!(await spells.updateSpell(trx, key, checked.values, { by, at: now }))) {
        const current = await spells.findSpell(trx, scope.schoolIds, student.id, before.id)
        return { ok: false, error: { code: 'conflict', current } }
      }
      await audit(trx, 'destination.change', by, student, { spell_id: before.id, ...changes }, now)
      const stored = await spells.findSpell(trx, scope.schoolIds, student.id, before.id)
      if (!stored) throw new Error(`Spell ${before.id} was not found after it was changed`)
      return { ok: true, value: stored }
    })
  }

  /** Removes a spell when its stored version is still `version`, and audits the values it had. */
  function removeSpell(
    scope: Scope,
    target: { studentId: number; spellId: number; version: number },
    by: string,
  ): Promise<SpellResult> {
    return db.transaction().execute(async (trx): Promise<SpellResult> => {
      const student = await findStudent(trx, scope, target.studentId)
      if (!student) return { ok: false, error: { code: 'not_found' } }
      const before = await spells.findSpell(trx, scope.schoolIds, student.id, target.spellId)
      if (!before) return { ok: false, error: { code: 'not_found' } }
      const key = { id: before.id, schoolId: before.schoolId, version: target.version }
      if (before.version !== target.version || !(await spells.deleteSpell(trx, key))) {
        return { ok: false, error: { code: 'conflict', current: before } }
      }
      const now = clock().toISOString()
      const details = { spell_id: before.id, ...spellChanges(before, null) }
      await audit(trx, 'destination.remove', by, student, details, now)
      return { ok: true, value: before }
    })
  }

  /** Records the young person's answer about tracking, and audits the old and new answer. */
  function recordConsent(
    scope: Scope,
    id: number,
    input: ConsentInput,
    by: string,
  ): Promise<ConsentResult> {
    return db.transaction().execute(async (trx): Promise<ConsentResult> => {
      const student = await findStudent(trx, scope, id)
      if (!student) return { ok: false, error: { code: 'not_found' } }
      const now = clock().toISOString()
      const problem = consentProblem(input, student, todayInEngland(new Date(now)))
      if (problem) return { ok: false, error: { code: 'invalid', ...problem } }

      const status = input.status as ConsentStatus
      const note = input.note?.normalize('NFC').trim() || null
      const before = await spells.findConsent(trx, scope.schoolIds, id)
      if (input.version !== undefined && input.version !== (before?.version ?? 0)) {
        return { ok: false, error: { code: 'conflict', current: before } }
      }
      const dateProblem = consentDateProblem(before, { status, recordedOn: input.recordedOn })
      if (dateProblem) {
        return { ok: false, error: { code: 'invalid', field: 'recordedOn', message: dateProblem } }
      }
      const consent = { status, recordedOn: input.recordedOn, note }
      await spells.saveConsent(trx, ownerOf(student), consent, { by, at: now })
      const details = {
        status: { from: before?.status ?? null, to: status },
        recorded_on: { from: before?.recordedOn ?? null, to: input.recordedOn },
        note: { from: before?.note ?? null, to: note },
      }
      await audit(trx, 'destination.consent', by, student, details, now)
      const stored = await spells.findConsent(trx, scope.schoolIds, id)
      if (!stored) throw new Error(`Consent of student ${id} was not found after it was saved`)
      return { ok: true, value: stored }
    })
  }

  return {
    getDestinations,
    getSpell,
    listSpellProblems,
    addSpell,
    editSpell,
    removeSpell,
    recordConsent,
  }
}

// The destinations import rejects the same duplicate, with a message that starts alike.
// NOTE: two saves at the same moment could both pass, because no unique index backs this check.
async function duplicateProblem(
  db: Kysely<Tables>,
  student: DestinationStudent,
  values: SpellValues,
  exceptId: number | null,
): Promise<SpellFieldProblem | null> {
  const sameId = await spells.findSameSpell(db, ownerOf(student), values, exceptId)
  if (sameId === null) return null
  return { field: 'startDate', message: spellMessages.duplicateOnForm(values.intent) }
}

function ownerOf(student: DestinationStudent) {
  return { schoolId: student.schoolId, studentId: student.id }
}

function consentProblem(
  input: ConsentInput,
  student: DestinationStudent,
  today: IsoDate,
): { field: string; message: string } | null {
  if (!isConsentStatus(input.status)) return { field: 'status', message: consentMessages.status }
  if (input.recordedOn > today) return { field: 'recordedOn', message: consentMessages.future }
  if (input.recordedOn < student.dateOfBirth) {
    return { field: 'recordedOn', message: consentMessages.beforeBirth }
  }
  if ((input.note ?? '').trim().length > MAX_CONSENT_NOTE_LENGTH) {
    return { field: 'note', message: consentMessages.noteTooLong }
  }
  const noteControl = controlCharacterProblem('Note', input.note?.trim() ?? '', true)
  if (noteControl !== null) return { field: 'note', message: noteControl }
  return null
}

export type DestinationService = ReturnType<typeof createDestinationService>

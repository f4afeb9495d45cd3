// Checks a spell typed on a form or read from a file, and turns it into the values to store.
import { validateSpell } from '../../domain/destinations.js'
import type { DestinationSpell, SpellStudentFacts } from '../../domain/destinations.js'
import { chosenNccisCodeProblem, nccisCodeForDestination } from '../../domain/nccis-codes.js'
import { controlCharacterProblem } from '../../domain/text.js'
import type { IsoDate } from '../../domain/types.js'
import type { SpellIntent, SpellValues } from './destination.repository.js'

export const MAX_PROVIDER_LENGTH = 200
export const MAX_SPELL_REASON_LENGTH = 1000

/** A spell as typed: dates are ISO text, and an empty value is left out. */
export interface SpellInput {
  intent: string
  type: string
  startDate?: string
  endDate?: string
  hoursPerWeek?: number
  paid?: boolean
  provider?: string
  checkedOn?: string
  nccisCode?: string
  reason?: string
}

export type SpellField = keyof SpellInput

export interface SpellFieldProblem {
  field: SpellField
  message: string
}

export type SpellCheck =
  { ok: true; values: SpellValues } | { ok: false; problems: SpellFieldProblem[] }

function duplicateStart(intent: string): string {
  return `This student already has this ${intent} destination starting on the same date`
}

export const spellMessages = {
  intent: 'Select whether this destination is intended or actual',
  typeMissing: 'Select the destination type',
  providerTooLong: `Provider or employer must be ${MAX_PROVIDER_LENGTH} characters or fewer`,
  reasonTooLong: `Reason must be ${MAX_SPELL_REASON_LENGTH} characters or fewer`,
  /** The start of the message for a second spell with the same intent, type and start date. */
  duplicate: duplicateStart,
  duplicateOnForm: (intent: string) =>
    `${duplicateStart(intent)}. Change that destination instead, or check the type and start date.`,
  reasonNeeded: (problem: string) =>
    `${problem} Enter the reason in "Reason for recording this destination".`,
}

// The domain's message names the source file, which suits a developer, not staff.
function unknownTypeMessage(type: string): string {
  if (type.trim() === '') return spellMessages.typeMissing
  return `Destination type "${type}" is not recognised. Choose one of the destination types, such as further-education-college, apprenticeship or not-known.`
}

function isIntent(value: string): value is SpellIntent {
  return value === 'intended' || value === 'actual'
}

function clean(text: string | undefined): string | null {
  const trimmed = text?.normalize('NFC').trim()
  return trimmed ? trimmed : null
}

/**
 * Checks a spell with `validateSpell` and the fields around it. Errors block it. A problem that
 * needs a reason blocks it only while no reason is given. Returns every problem at once.
 */
export function checkSpell(
  input: SpellInput,
  student: SpellStudentFacts,
  today: IsoDate,
): SpellCheck {
  const problems: SpellFieldProblem[] = []
  if (!isIntent(input.intent)) problems.push({ field: 'intent', message: spellMessages.intent })

  const provider = clean(input.provider)
  const reason = clean(input.reason)
  // validateSpell reports a missing start date itself, so the spell may be built without one.
  const spell = {
    type: input.type,
    ...(isIntent(input.intent) && { intent: input.intent }),
    ...(input.startDate !== undefined && { startDate: input.startDate }),
    ...(input.endDate !== undefined && { endDate: input.endDate }),
    ...(input.hoursPerWeek !== undefined && { hoursPerWeek: input.hoursPerWeek }),
    ...(input.paid !== undefined && { paid: input.paid }),
    ...(provider !== null && { provider }),
    ...(input.checkedOn !== undefined && { checkedOn: input.checkedOn }),
  } as DestinationSpell
  // Every problem that needs a reason goes in one message, because the form shows one error
  // per field and one reason covers them all.
  const needReason: string[] = []
  for (const problem of validateSpell(spell, student, today)) {
    if (problem.field === 'type' && problem.severity === 'error') {
      problems.push({ field: 'type', message: unknownTypeMessage(input.type) })
    } else if (problem.severity === 'error') {
      problems.push({ field: problem.field, message: problem.message })
    } else {
      needReason.push(problem.message)
    }
  }
  if (needReason.length > 0 && reason === null) {
    problems.push({ field: 'reason', message: spellMessages.reasonNeeded(needReason.join(' ')) })
  }

  if (provider !== null && provider.length > MAX_PROVIDER_LENGTH) {
    problems.push({ field: 'provider', message: spellMessages.providerTooLong })
  }
  if (reason !== null && reason.length > MAX_SPELL_REASON_LENGTH) {
    problems.push({ field: 'reason', message: spellMessages.reasonTooLong })
  }
  const providerControl = controlCharacterProblem('Provider or employer', provider ?? '', false)
  if (providerControl !== null) problems.push({ field: 'provider', message: providerControl })
  const reasonControl = controlCharacterProblem('Reason', reason ?? '', true)
  if (reasonControl !== null) problems.push({ field: 'reason', message: reasonControl })
  const chosen = clean(input.nccisCode)
  const codeProblem = chosen === null ? null : chosenNccisCodeProblem(input.type, chosen)
  if (codeProblem) problems.push({ field: 'nccisCode', message: codeProblem })

  if (problems.length > 0 || !isIntent(input.intent) || input.startDate === undefined) {
    return { ok: false, problems }
  }
  // The usual code is not stored, so a later change of the mapping reaches the spell.
  const usual = nccisCodeForDestination(input.type)?.code
  return {
    ok: true,
    values: {
      intent: input.intent,
      type: input.type,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      hoursPerWeek: input.hoursPerWeek ?? null,
      paid: input.paid ?? null,
      provider,
      checkedOn: input.checkedOn ?? null,
      nccisCode: chosen === usual ? null : chosen,
      reason,
    },
  }
}

/** Returns the stored columns of a spell, for audit entries, with snake_case names. */
export function auditedValues(values: SpellValues): Record<string, unknown> {
  return {
    intent: values.intent,
    type: values.type,
    start_date: values.startDate,
    end_date: values.endDate,
    hours_per_week: values.hoursPerWeek,
    paid: values.paid,
    provider: values.provider,
    checked_on: values.checkedOn,
    nccis_code: values.nccisCode,
    reason: values.reason,
  }
}

/** Returns `{from, to}` for every field whose value differs between two versions of a spell. */
export function spellChanges(
  before: SpellValues | null,
  after: SpellValues | null,
): Record<string, { from: unknown; to: unknown }> {
  const from = before ? auditedValues(before) : {}
  const to = after ? auditedValues(after) : {}
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const old = from[key] ?? null
    const updated = to[key] ?? null
    if (old !== updated) changes[key] = { from: old, to: updated }
  }
  return changes
}

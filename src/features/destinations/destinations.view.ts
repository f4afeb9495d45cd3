// Builds what the destinations page shows: the spells in two tables, the sustained answer with
// its rule, consent, and the history of changes from the audit trail.
import { formatAcademicYear } from '../../domain/academic-year.js'
import type { AcademicYear } from '../../domain/academic-year.js'
import { monthName } from '../../domain/calendar.js'
import { DESTINATION_TYPES, findDestinationType } from '../../domain/destination-types.js'
import type { DestinationCategory } from '../../domain/destination-types.js'
import type { DestinationSpell } from '../../domain/destinations.js'
import { formatLongDate } from '../../domain/format.js'
import { effectiveNccisCode, NCCIS_CODE_LIST } from '../../domain/nccis-codes.js'
import { isMonthCounted } from '../../domain/sustained.js'
import type { SustainedMonth, SustainedResult } from '../../domain/sustained.js'
import { CONSENT_LABELS } from '../../domain/tracking-consent.js'
import { ACTION_LABELS } from '../audit/audit.labels.js'
import { formatMoment } from '../data-protection/subject-access.view.js'
import type { DestinationEvent, StoredConsent, StoredSpell } from './destination.repository.js'

export const CATEGORY_LABELS: Record<DestinationCategory, string> = {
  positive: 'Positive career outcome',
  eet: 'In education, employment or training (EET)',
  neet: 'Not in education, employment or training (NEET)',
  not_known: 'Not known',
  other: 'Neither EET nor NEET',
}

const FIELD_LABELS: Record<string, string> = {
  intent: 'Intended or actual',
  type: 'Type',
  start_date: 'Start date',
  end_date: 'End date',
  hours_per_week: 'Hours a week',
  paid: 'Paid',
  provider: 'Provider or employer',
  checked_on: 'Date checked',
  nccis_code: 'NCCIS code',
  reason: 'Reason',
  status: 'Consent',
  recorded_on: 'Date of the answer',
  note: 'Note',
}

export function typeLabel(typeId: string): string {
  return findDestinationType(typeId)?.label ?? `Unknown type "${typeId}"`
}

/** Converts a stored spell to the form the sustained and validation rules read. */
export function toDomainSpell(spell: StoredSpell): DestinationSpell {
  return {
    type: spell.type,
    startDate: spell.startDate,
    ...(spell.endDate !== null && { endDate: spell.endDate }),
    ...(spell.hoursPerWeek !== null && { hoursPerWeek: spell.hoursPerWeek }),
    ...(spell.paid !== null && { paid: spell.paid }),
  }
}

export function paidText(paid: boolean | null): string {
  if (paid === null) return 'Not recorded'
  return paid ? 'Paid' : 'Unpaid'
}

function nccisText(spell: StoredSpell): string {
  const code = effectiveNccisCode(spell.type, spell.nccisCode)
  return code ? `${code.code} ${code.label}` : 'None chosen'
}

/**
 * Builds the category cell. When the spell's NCCIS code is one NCCIS counts as NEET but the
 * category is not NEET, such as supported volunteering coded 540, the cell adds a sentence, because
 * the local authority's return will count the young person as NEET.
 */
function categoryCell(spell: StoredSpell) {
  const type = findDestinationType(spell.type)
  const label = type ? CATEGORY_LABELS[type.category] : 'Not known'
  const code = effectiveNccisCode(spell.type, spell.nccisCode)
  if (code?.category !== 'neet' || type?.category === 'neet') return { text: label }
  const note = '<span class="govuk-body-s">NCCIS counts this code as NEET.</span>'
  return { html: `${escapeHtml(label)}<br>${note}` }
}

/** Builds one govukTable row of a spell, with change and remove links when the user may edit. */
function spellRow(spell: StoredSpell, links: { canEdit: boolean; base: string }) {
  const dates = spell.endDate
    ? `${formatLongDate(spell.startDate)} to ${formatLongDate(spell.endDate)}`
    : `From ${formatLongDate(spell.startDate)}, still running`
  const cells = [
    { text: typeLabel(spell.type) },
    { text: dates },
    { text: spell.hoursPerWeek === null ? 'Not recorded' : String(spell.hoursPerWeek) },
    { text: paidText(spell.paid) },
    { text: spell.provider ?? 'Not recorded' },
    { text: spell.checkedOn ? formatLongDate(spell.checkedOn) : 'Not checked' },
    { text: nccisText(spell) },
    categoryCell(spell),
  ]
  if (!links.canEdit) return cells
  const label = `<span class="govuk-visually-hidden"> ${escapeHtml(typeLabel(spell.type))} from ${formatLongDate(spell.startDate)}</span>`
  const edit = `<a class="govuk-link" href="${links.base}/${spell.id}/edit">Change${label}</a>`
  const remove = `<a class="govuk-link" href="${links.base}/${spell.id}/remove">Remove${label}</a>`
  return [...cells, { html: `${edit}<br>${remove}` }]
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

export function spellTables(spells: StoredSpell[], canEdit: boolean, studentId: number) {
  const head = [
    'Type',
    'Dates',
    'Hours a week',
    'Paid',
    'Provider or employer',
    'Date checked',
    'NCCIS code',
    'Category',
  ].map((text) => ({ text }))
  const links = { canEdit, base: `/students/${studentId}/destinations` }
  const table = (intent: string) => ({
    head: canEdit
      ? [...head, { html: '<span class="govuk-visually-hidden">Actions</span>' }]
      : head,
    rows: spells.filter((spell) => spell.intent === intent).map((spell) => spellRow(spell, links)),
  })
  return { intended: table('intended'), actual: table('actual') }
}

function monthLabel(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return `${monthName(number)} ${year}`
}

const ACTIVITY_WORDS = {
  education: 'Education',
  employment: 'Employment',
  apprenticeship: 'Apprenticeship',
}

function monthCountText(month: SustainedMonth): string {
  if (month.inFuture) return 'Not over yet'
  return isMonthCounted(month) ? 'Counted' : 'Not counted'
}

/** Builds the sustained answer, with the rule and each month counted. */
export function sustainedView(result: SustainedResult, year: AcademicYear) {
  let answer = result.sustained ? 'Yes' : 'No'
  if (result.sustained === 'not_yet_known') answer = 'Not yet known'
  const rows = result.months.map((month) => [
    { text: monthLabel(month.month) },
    {
      text:
        month.covered.length > 0
          ? month.covered.map((activity) => ACTIVITY_WORDS[activity]).join(', ')
          : 'None',
    },
    { text: monthCountText(month) },
  ])
  const counted = result.months.filter(isMonthCounted).length
  return {
    year: formatAcademicYear(year),
    answer,
    rule: result.rule,
    countedText: `${counted} of the ${result.months.length} months from October to March had education, employment or an apprenticeship.`,
    months: { head: [{ text: 'Month' }, { text: 'Activity' }, { text: 'Counted' }], rows },
  }
}

export function consentView(consent: StoredConsent | null) {
  if (!consent) return { text: 'No answer recorded', note: null, version: 0 }
  return {
    text: `${CONSENT_LABELS[consent.status]} on ${formatLongDate(consent.recordedOn)}`,
    note: consent.note,
    version: consent.version,
  }
}

// The words the spell form shows for stored values, so the history reads like the form.
const INTENT_WORDS: Record<string, string> = { intended: 'Intended', actual: 'Actual' }

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'not recorded'
  if (field === 'type' && typeof value === 'string') return typeLabel(value)
  if (field === 'intent' && typeof value === 'string') return INTENT_WORDS[value] ?? value
  if (field === 'paid' && typeof value === 'boolean') return value ? 'Paid' : 'Unpaid'
  if (field === 'status' && typeof value === 'string' && value in CONSENT_LABELS) {
    return CONSENT_LABELS[value as keyof typeof CONSENT_LABELS]
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLongDate(value)
  return String(value)
}

/** Describes one event's changes as lines such as "End date: not recorded → 10 July 2026". */
function changeLines(details: Record<string, unknown>): string[] {
  const lines: string[] = []
  for (const [field, value] of Object.entries(details)) {
    if (field === 'spell_id') continue
    const change = value as { from?: unknown; to?: unknown } | null
    if (!change || typeof change !== 'object' || !('from' in change)) continue
    const label = FIELD_LABELS[field] ?? field
    lines.push(`${label}: ${valueText(field, change.from)} → ${valueText(field, change.to)}`)
  }
  return lines
}

/** Builds the history table, oldest first, as the events are listed. */
export function historyTable(events: DestinationEvent[]) {
  const rows = events.map((event) => {
    const lines = changeLines(event.details)
    const html = lines.length > 0 ? lines.map(escapeHtml).join('<br>') : 'No details'
    return [
      { text: formatMoment(event.at) },
      { text: event.actor },
      { text: ACTION_LABELS[event.action] },
      { html },
    ]
  })
  return {
    head: [{ text: 'When' }, { text: 'Who' }, { text: 'What' }, { text: 'Old and new values' }],
    rows,
  }
}

export function typeOptions() {
  return DESTINATION_TYPES.map((type) => ({
    value: type.id,
    text: `${type.label} (${CATEGORY_LABELS[type.category]})`,
  }))
}

export function nccisOptions() {
  return NCCIS_CODE_LIST.codes.map((code) => ({
    value: code.code,
    text: `${code.code} ${code.label}`,
  }))
}

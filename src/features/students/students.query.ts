// Reads the students list's filter form from the query string and builds its pagination links.
import { z } from 'zod'

import { toFormErrors, type FormErrors } from '../../web/form-errors.js'
import type { StudentListQuery } from './student.list.js'

export const MAX_SEARCH_LENGTH = 100

export const listMessages = {
  searchTooLong: `Search must be ${MAX_SEARCH_LENGTH} characters or fewer`,
  yearInvalid: 'Year group must be R, 1 to 14 or X',
}

// A select offers only valid values, so a select value that does not parse comes from an edited
// URL. It is dropped, and the list shows unfiltered on that field, as if "Any" were chosen.
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined)
}

// Ids and page numbers are decimal digits only, so "0x10" and "1e2" are not read as 16 and 100.
const wholeNumber = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

export const listFormSchema = z.object({
  q: optional(z.string().trim().max(MAX_SEARCH_LENGTH)),
  group: optional(z.enum(['one', 'two', 'unassigned'])),
  basis: optional(z.enum(['pathway', 'need', 'override'])),
  flag: optional(z.enum(['provisional', 'atypical', 'complex_needs', 'conflict'])),
  year: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^(R|X|[1-9]|1[0-4])$/),
  ),
  provision: optional(z.enum(['N', 'K', 'E'])),
  need: optional(z.string().trim().toUpperCase().min(1).max(20)),
  sort: optional(z.enum(['name', 'ncYear', 'group', 'upn', 'updatedAt'])),
  direction: optional(z.enum(['asc', 'desc'])),
  page: optional(wholeNumber.pipe(z.number().max(1_000_000))),
  school: optional(wholeNumber),
})

export type ListForm = z.infer<typeof listFormSchema>

// The typed boxes, search and year group, are checked so that a mistyped value is reported on the
// page with the typed value kept, not dropped in silence.
const typedFieldsSchema = z.object({
  q: z.string().trim().max(MAX_SEARCH_LENGTH, listMessages.searchTooLong).optional(),
  year: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(|R|X|[1-9]|1[0-4])$/, listMessages.yearInvalid)
    .optional(),
})

export interface ParsedListForm {
  /** The filters to apply. A typed field with an error is left out. */
  form: ListForm
  /** The text typed into the search and year group boxes, to show again as entered. */
  answers: { q?: string; year?: string }
  errors: FormErrors | null
}

/** Parses the filter form, reporting an invalid search or year group instead of dropping it. */
export function parseListForm(query: unknown): ParsedListForm {
  const raw = firstValues(query)
  const form = listFormSchema.parse(raw)
  const typed = typedFieldsSchema.safeParse(raw)
  const answers = { q: textOf(raw.q), year: textOf(raw.year) }
  if (typed.success) return { form, answers, errors: null }
  return { form, answers, errors: toFormErrors(typed.error) }
}

// A repeated parameter, as in ?q=a&q=b, is read as its first value.
function firstValues(query: unknown): Record<string, unknown> {
  if (typeof query !== 'object' || query === null) return {}
  const entries = Object.entries(query).map(([key, value]) => [
    key,
    Array.isArray(value) ? (value[0] as unknown) : (value as unknown),
  ])
  return Object.fromEntries(entries) as Record<string, unknown>
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export const PAGE_SIZE = 25

export function toListQuery(form: ListForm): StudentListQuery {
  return {
    search: form.q || undefined,
    group: form.group,
    basis: form.basis,
    flag: form.flag,
    ncYear: form.year,
    provision: form.provision,
    need: form.need,
    sort: form.sort,
    direction: form.direction,
    page: form.page,
    pageSize: PAGE_SIZE,
  }
}

function hrefFor(form: ListForm, page: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...form, page })) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) {
      params.set(key, String(value))
    }
  }
  const query = params.toString()
  return query ? `/students?${query}` : '/students'
}

/** Builds the parameters of govukPagination, or null when everything fits on one page. */
export function paginationFor(form: ListForm, page: number, total: number) {
  const pageCount = Math.ceil(total / PAGE_SIZE)
  if (pageCount <= 1) return null

  const near = (number: number) =>
    number === 1 || number === pageCount || Math.abs(number - page) <= 2
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let number = 1; number <= pageCount; number++) {
    if (near(number)) items.push({ number, href: hrefFor(form, number), current: number === page })
    else if (near(number - 1)) items.push({ ellipsis: true })
  }
  return {
    items,
    previous: page > 1 ? { href: hrefFor(form, page - 1) } : undefined,
    next: page < pageCount ? { href: hrefFor(form, page + 1) } : undefined,
  }
}

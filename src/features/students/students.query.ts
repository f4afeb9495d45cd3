// Reads the students list's filter form from the query string and builds its pagination links.
import { z } from 'zod'

import type { StudentListQuery } from './student.list.js'

// Each filter comes from a select or a search box, so a value that does not parse is dropped
// and the list shows unfiltered on that field, as if "Any" were chosen.
function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined)
}

export const listFormSchema = z.object({
  q: optional(z.string().trim().max(100)),
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
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  school: optional(z.coerce.number().int().positive()),
})

export type ListForm = z.infer<typeof listFormSchema>

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

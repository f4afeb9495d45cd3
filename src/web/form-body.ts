// Reading fields from a parsed form body, which a tampered form can fill with repeated or
// non-text values.

/** A form body as @fastify/formbody parses it: a repeated field becomes an array. */
export type FormBody = Record<string, unknown>

/** Returns one field as text. A repeated field gives its first value, and anything else ''. */
export function textOf(body: FormBody, field: string): string {
  const value = body[field]
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return ''
}

/** Returns every text value of a field that may repeat, such as a group of checkboxes. */
export function listOf(body: FormBody, field: string): string[] {
  const value = body[field]
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return []
}

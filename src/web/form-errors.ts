import type { z } from 'zod'

/** Form errors in the two shapes the templates need: the summary list and a message per field. */
export interface FormErrors {
  list: { href: string; text: string }[]
  byField: Record<string, { text: string }>
}

/** Converts a zod error to form errors, keeping the first message of each field. */
export function toFormErrors(error: z.ZodError): FormErrors {
  const errors: FormErrors = { list: [], byField: {} }
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    if (errors.byField[field]) continue
    errors.byField[field] = { text: issue.message }
    errors.list.push({ href: `#${field}`, text: issue.message })
  }
  return errors
}

/** Builds form errors for one field from a message the route wrote itself. */
export function fieldError(field: string, message: string): FormErrors {
  return { list: [{ href: `#${field}`, text: message }], byField: { [field]: { text: message } } }
}

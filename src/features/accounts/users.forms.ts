import { z } from 'zod'

import { ROLES, ROLE_NAMES } from './permissions.js'

/** The role form's value for "take the role at this school away". */
export const NO_ROLE = 'none'

const ROLE_LIST = ROLES.map((role) => ROLE_NAMES[role]).join(', ')

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value.slice(0, 100)}"` : 'The value'
}

const schoolIdField = z.coerce
  .number({ error: 'Select a school from the list' })
  .int({ error: 'Select a school from the list' })
  .positive({ error: 'Select a school from the list' })

const roleField = z.enum(ROLES, {
  error: (issue) =>
    issue.input === undefined || issue.input === ''
      ? `Select a role: ${ROLE_LIST}`
      : `${quoted(issue.input)} is not a role. Select one of: ${ROLE_LIST}`,
})

/** The add-a-user form. Email addresses are stored in lower case, as sign-in compares them. */
export const addUserFormSchema = z.object({
  email: z
    .string({ error: 'Enter the person’s email address' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter the person’s email address')
    .max(254, 'Enter an email address of at most 254 characters')
    .pipe(
      z.email({
        error: (issue) =>
          `${quoted(issue.input)} is not an email address. Enter one like name@school.org.uk`,
      }),
    ),
  displayName: z
    .string({ error: 'Enter the person’s name' })
    .trim()
    .min(1, 'Enter the person’s name')
    .max(100, 'Enter a name of at most 100 characters'),
  role: roleField,
  schoolId: schoolIdField,
})

export type AddUserForm = z.infer<typeof addUserFormSchema>

/** The form that sets a user's role at one school, or removes it with `NO_ROLE`. */
export const roleFormSchema = z.object({
  schoolId: schoolIdField,
  role: z.union([z.literal(NO_ROLE), roleField], {
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? `Select a role, or "No role" to remove it: ${ROLE_LIST}`
        : `${quoted(issue.input)} is not a role. Select one of: ${ROLE_LIST}, or "No role"`,
  }),
})

export type RoleForm = z.infer<typeof roleFormSchema>

/** Returns a form's fields as text, so a page shown again with errors keeps what was typed. */
export function typedValues(body: unknown, fields: readonly string[]): Record<string, string> {
  const record = (body ?? {}) as Record<string, unknown>
  const values: Record<string, string> = {}
  for (const field of fields) {
    const value = record[field]
    values[field] = typeof value === 'string' ? value.slice(0, 1000) : ''
  }
  return values
}

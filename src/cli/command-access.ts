import type { Access } from '../features/accounts/permissions.js'

/**
 * What each command asks of the person running it, beside the routes' access in the web app.
 *
 * Someone at the terminal who can open the database is its operator and may run anything, as
 * `cli:<os user>` in the audit trail. With SEND_CAREERS_USER set to a user's email, a command
 * runs as that user instead: it needs the permission below and sees only that user's schools.
 * `operator` commands (the server, the demo and the migrations) run only as the operator.
 */
export const COMMAND_ACCESS: Record<string, Access | 'operator'> = {
  import: 'imports.run',
  students: 'students.view',
  'students left': 'students.edit',
  'subject-access': 'students.export',
  erase: 'students.erase',
  retention: 'students.erase',
  eligibility: 'students.view',
  'need-codes map': 'imports.run',
  'need-codes list': 'imports.run',
  audit: 'audit.search',
  'user add': 'users.manage',
  'user list': 'users.manage',
  'user role': 'users.manage',
  'user disable': 'users.manage',
  'user enable': 'users.manage',
  'user reset': 'users.manage',
  'school add': 'operator',
  demo: 'operator',
  serve: 'operator',
  migrate: 'operator',
  'plan show': 'students.view',
  'destinations import': 'imports.run',
  export: 'reports.export',
  report: 'reports.view',
}

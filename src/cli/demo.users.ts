import { randomInt } from 'node:crypto'

import { dictionary } from '@zxcvbn-ts/language-common'

import { MFA_REQUIRED_ROLES, ROLE_NAMES } from '../features/accounts/permissions.js'
import type { Role } from '../features/accounts/permissions.js'
import { currentTotpCode } from '../features/accounts/totp.js'
import type { Services } from '../services.js'

export interface DemoUser {
  email: string
  role: Role
  password: string
  /** The authenticator key, for roles that must use a second factor. */
  totpSecret: string | null
}

const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'staff@demo.invalid', name: 'Sam Staff (fictional)', role: 'staff' },
  { email: 'viewer@demo.invalid', name: 'Vic Viewer (fictional)', role: 'viewer' },
  { email: 'careers.leader@demo.invalid', name: 'Cal Leader (fictional)', role: 'careers_leader' },
  { email: 'admin@demo.invalid', name: 'Ash Admin (fictional)', role: 'admin' },
]

// Three random words from the diceware list: long, and easy to type from the terminal.
function demoPassword(): string {
  const words = dictionary.diceware.filter((word) => word.length >= 4)
  return Array.from({ length: 3 }, () => words[randomInt(words.length)]).join('-')
}

/**
 * Creates the demo's fictional users, or gives the existing ones new passwords, so each run
 * prints details that work. Roles that need a second factor get a new authenticator key.
 */
export async function setUpDemoUsers(services: Services, schoolId: number): Promise<DemoUser[]> {
  const { accounts } = services
  const users: DemoUser[] = []
  for (const demo of DEMO_USERS) {
    const existing = await accounts.findAccount(demo.email)
    const id =
      existing?.id ??
      (
        await accounts.createUser(
          { email: demo.email, displayName: demo.name, role: demo.role },
          { schoolId },
          'demo',
        )
      ).account.id
    if (existing) await accounts.grantRole(id, demo.role, { schoolId }, 'demo')
    const password = demoPassword()
    await accounts.setPassword(id, password, 'demo')

    let totpSecret: string | null = null
    if (MFA_REQUIRED_ROLES.includes(demo.role)) {
      await accounts.resetMfa(id, 'demo')
      totpSecret = await accounts.startMfaEnrolment(id)
      // Confirmed with the code of the previous time step, so the first code the user types works.
      await accounts.confirmMfaEnrolment(id, currentTotpCode(totpSecret, Date.now() - 30_000))
    }
    users.push({ email: demo.email, role: demo.role, password, totpSecret })
  }
  return users
}

export function printDemoUsers(publicUrl: string, users: DemoUser[]): void {
  console.log(`\nSign in at ${publicUrl} as one of these fictional users:`)
  for (const user of users) {
    console.log(`  ${ROLE_NAMES[user.role].padEnd(22)} ${user.email.padEnd(30)} ${user.password}`)
  }
  const withKeys = users.filter((user) => user.totpSecret)
  if (withKeys.length > 0) {
    console.log(
      '\nThese roles also need a code from an authenticator app. Add a key to the app by hand:',
    )
    for (const user of withKeys) console.log(`  ${user.email.padEnd(30)} ${user.totpSecret}`)
    console.log('Staff and viewer accounts sign in with the password alone.')
  }
  console.log('The passwords change each time the demo starts.\n')
}

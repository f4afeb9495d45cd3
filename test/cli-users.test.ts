// First run, users and roles on the command line, on a real SQLite file.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'

describe('send-careers user', () => {
  let cli: CliRunner

  before(async () => {
    cli = await createCliRunner()
  })
  after(async () => {
    await cli.cleanUp()
  })

  /** Runs a command as a user, the way SEND_CAREERS_USER is set in a shell. */
  function asUser(email: string, args: string) {
    return cli.shell(`SEND_CAREERS_USER='${email}' node bin/send-careers.js ${args}`)
  }

  /** Runs `user add` with an email, a role and, when given, a school. */
  function addUser(email: string, role: string, school?: string) {
    const place = school === undefined ? [] : ['--school', school]
    return cli.text([
      'user',
      'add',
      '--email',
      email,
      '--name',
      'A Person',
      '--role',
      role,
      ...place,
    ])
  }

  test('first admin creates the school', async () => {
    const added = await addUser('Head@Oak.example', 'admin', 'Oak Hill School')

    assert.equal(added.code, 0, added.stderr)
    assert.match(added.stdout, /Added head@oak\.example as Admin at Oak Hill School\./)
    assert.match(added.stdout, /http:\/\/localhost:3000\/set-password\?token=[\w-]{43}/)
  })

  test('a mistyped school is not created', async () => {
    const added = await addUser('sam@oak.example', 'staff', 'Oak Hil School')

    assert.equal(added.code, 2)
    assert.match(added.stderr, /No school is called "Oak Hil School"/)
  })

  test('staff may list but not import', async () => {
    await addUser('sam@oak.example', 'staff')
    await cli.text(['import', SIMS])

    const imported = await asUser('sam@oak.example', `import ${SIMS}`)
    const listed = await asUser('sam@oak.example', 'students --format json')

    assert.equal(imported.code, 3)
    assert.match(imported.stderr, /sam@oak\.example has no role that may run "import"/)
    assert.equal(listed.code, 0, listed.stderr)
    assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 35)
  })

  test('an unknown user is refused', async () => {
    const result = await asUser('nobody@oak.example', 'students')

    assert.equal(result.code, 3)
    assert.match(result.stderr, /no active user has that email/)
  })

  test('roles change, and users are listed', async () => {
    const changed = await cli.text(['user', 'role', 'sam@oak.example', '--role', 'senco'])
    const users = (await cli.json(['user', 'list'])) as {
      email: string
      roles: { role: string }[]
    }[]

    assert.equal(changed.code, 0, changed.stderr)
    assert.deepEqual(
      users.map((user) => [user.email, user.roles.map((grant) => grant.role)]),
      [
        ['head@oak.example', ['admin']],
        ['sam@oak.example', ['senco']],
      ],
    )
  })

  test('a disabled user cannot run commands', async () => {
    const disabled = await cli.text(['user', 'disable', 'sam@oak.example'])
    const refused = await asUser('sam@oak.example', 'students')

    assert.equal(disabled.code, 0)
    assert.equal(refused.code, 3)
  })

  test('a bad role names the choices', async () => {
    const result = await cli.text(['user', 'role', 'sam@oak.example', '--role', 'owner'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--role "owner" is not a role\. Use one of: admin, careers_leader/)
  })
})

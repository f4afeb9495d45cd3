import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { pgDumpCommands, shellQuote } from './pg-dump-commands.js'

describe('pg_dump command lines', () => {
  it('leave the password out', () => {
    const commands = pgDumpCommands(
      'postgres://app:s3cret@db.example:5433/send_careers',
      'out.dump',
    )

    assert.equal(
      commands.dump,
      'pg_dump --format=custom --host=db.example --port=5433 --username=app --file=out.dump --dbname=send_careers',
    )
    assert.equal(
      commands.createDatabase,
      'createdb --host=db.example --port=5433 --username=app send_careers_restored',
    )
    assert.equal(
      commands.restore,
      'pg_restore --host=db.example --port=5433 --username=app --no-owner --dbname=send_careers_restored out.dump',
    )
    assert.equal(commands.hadPassword, true)
    assert.doesNotMatch(Object.values(commands).join(' '), /s3cret/)
  })

  it('quote file names with spaces and quotes', () => {
    assert.equal(shellQuote("my backups/it's.dump"), `'my backups/it'\\''s.dump'`)
    assert.equal(shellQuote('plain-name.dump'), 'plain-name.dump')
  })

  it('unwrap an IPv6 host', () => {
    const commands = pgDumpCommands('postgresql://postgres@[::1]/test', 'x.dump')

    assert.match(commands.dump, /--host=::1 /)
    assert.equal(commands.hadPassword, false)
  })

  it('keep the TLS settings', () => {
    const commands = pgDumpCommands(
      'postgres://app@db.example/send?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem',
      'x.dump',
    )

    for (const line of [commands.dump, commands.createDatabase, commands.restore]) {
      assert.match(line, /^PGSSLMODE=verify-full PGSSLROOTCERT=\/etc\/ssl\/ca\.pem /)
    }
  })

  it('take a socket folder from the query', () => {
    const commands = pgDumpCommands('postgres:///send?host=/var/run/postgresql', 'x.dump')

    assert.match(commands.dump, /--host=\/var\/run\/postgresql /)
  })
})

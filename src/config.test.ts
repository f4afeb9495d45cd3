import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from './config.js'

describe('loadConfig', () => {
  test('defaults to SQLite on loopback', () => {
    const config = loadConfig({})

    assert.equal(config.databaseUrl, 'sqlite:./data/send-careers.db')
    assert.equal(config.host, '127.0.0.1')
    assert.equal(config.port, 3000)
    assert.equal(config.maxUploadBytes, 20 * 1024 * 1024)
  })

  test('reads the database pool size', () => {
    assert.equal(loadConfig({}).databasePoolSize, 10)
    assert.equal(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize, 25)
    assert.throws(
      () => loadConfig({ DATABASE_POOL_SIZE: '0' }),
      /DATABASE_POOL_SIZE must be a whole number of connections from 1 to 200 \(it is set to "0"\)/,
    )
  })

  test('shows a wrong value, never a secret', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT .*\(it is set to "eighty"\)/)
    assert.throws(
      () => loadConfig({ COOKIE_SECRET: 'short-secret-value' }),
      (error: Error) => !error.message.includes('short-secret-value'),
    )
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://app:hunter2@db/send', PORT: 'x' }),
      (error: Error) => !error.message.includes('hunter2'),
    )
  })

  test('listens on any address now that sign-in is required', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '8080' })
    assert.equal(config.host, '0.0.0.0')
    assert.equal(config.publicUrl, 'http://localhost:8080')
  })

  test('reads which proxies to trust', () => {
    assert.equal(loadConfig({}).trustProxy, false)
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true)
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy, [
      '10.0.0.1',
      '10.1.0.0/16',
    ])
    assert.throws(() => loadConfig({ TRUST_PROXY: '1' }), /TRUST_PROXY must be true/)
    assert.throws(() => loadConfig({ TRUST_PROXY: 'yes please' }), /TRUST_PROXY must be true/)
  })

  test('takes the public address without a trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://careers.example.org/' })
    assert.equal(config.publicUrl, 'https://careers.example.org')
    assert.throws(() => loadConfig({ PUBLIC_URL: 'ftp://x.org' }), /PUBLIC_URL must be/)
  })

  test('refuses the development cookie secret in production', () => {
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: 'production',
          COOKIE_SECRET: 'development-only-cookie-secret-change-me',
        }),
      (error: Error) => error instanceof ConfigError && /development default/.test(error.message),
    )
  })

  test('reads the session timeouts and checks they fit together', () => {
    const config = loadConfig({ SESSION_IDLE_MINUTES: '15', SESSION_MAX_HOURS: '8' })
    assert.deepEqual(config.sessions, { idleMinutes: 15, maxHours: 8 })
    assert.deepEqual(loadConfig({}).sessions, { idleMinutes: 30, maxHours: 12 })
    assert.throws(
      () => loadConfig({ SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '1' }),
      /SESSION_IDLE_MINUTES \(600\) is longer/,
    )
  })

  test('requires a cookie secret in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /COOKIE_SECRET is missing/)
  })

  test('rejects a short cookie secret', () => {
    assert.throws(() => loadConfig({ COOKIE_SECRET: 'short' }), /at least 32 characters/)
  })

  test('rejects an unknown database scheme', () => {
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with/)
  })

  test('accepts a plain database path', () => {
    assert.equal(loadConfig({ DATABASE_URL: 'data/school.db' }).databaseUrl, 'data/school.db')
  })

  test('names an empty HOST', () => {
    assert.throws(() => loadConfig({ HOST: ' ' }), /HOST is empty/)
  })

  test('names the variable and its unit in number errors', () => {
    assert.throws(
      () => loadConfig({ SESSION_MAX_HOURS: 'two', RETENTION_YEARS: 'x' }),
      (error: Error) => {
        assert.match(
          error.message,
          /SESSION_MAX_HOURS must be a whole number of hours from 1 to 720/,
        )
        assert.match(error.message, /RETENTION_YEARS must be a whole number of years from 1 to 100/)
        assert.doesNotMatch(error.message, /received NaN|expected/)
        return true
      },
    )
  })

  test('takes a blank number as its default', () => {
    const config = loadConfig({ SESSION_IDLE_MINUTES: '', PORT: ' ', MAX_UPLOAD_MB: '' })
    assert.equal(config.sessions.idleMinutes, 30)
    assert.equal(config.port, 3000)
    assert.equal(config.maxUploadBytes, 20 * 1024 * 1024)
  })

  test('lists every invalid variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'abc', MAX_UPLOAD_MB: '-1' }),
      (error: Error) => {
        assert.match(error.message, /PORT/)
        assert.match(error.message, /MAX_UPLOAD_MB/)
        return true
      },
    )
  })
})

describe('retention settings', () => {
  test('default to erasure only', () => {
    const config = loadConfig({})

    assert.equal(config.retentionYears, 6)
    assert.equal(config.pseudonymiseAfterYears, null)
  })

  test('read both year counts', () => {
    const config = loadConfig({ RETENTION_YEARS: '8', PSEUDONYMISE_AFTER_YEARS: '3' })

    assert.equal(config.retentionYears, 8)
    assert.equal(config.pseudonymiseAfterYears, 3)
  })

  test('treat blank pseudonymisation as off', () => {
    assert.equal(loadConfig({ PSEUDONYMISE_AFTER_YEARS: ' ' }).pseudonymiseAfterYears, null)
  })

  test('reject pseudonymisation not before erasure', () => {
    assert.throws(
      () => loadConfig({ RETENTION_YEARS: '4', PSEUDONYMISE_AFTER_YEARS: '4' }),
      (error: Error) => {
        assert.ok(error instanceof ConfigError)
        assert.match(
          error.message,
          /PSEUDONYMISE_AFTER_YEARS \(4\) must be less than RETENTION_YEARS \(4\)/,
        )
        return true
      },
    )
  })

  test('reject a fractional or zero year count', () => {
    assert.throws(() => loadConfig({ RETENTION_YEARS: '2.5' }), /RETENTION_YEARS must be a whole/)
    assert.throws(
      () => loadConfig({ RETENTION_YEARS: '0' }),
      /RETENTION_YEARS must be a whole number of years from 1 to 100/,
    )
    assert.throws(
      () => loadConfig({ PSEUDONYMISE_AFTER_YEARS: 'soon' }),
      /PSEUDONYMISE_AFTER_YEARS/,
    )
  })
})

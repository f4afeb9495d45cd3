// The pg_dump and pg_restore command lines for a PostgreSQL URL, printed by `send-careers backup`.
// The password, if the URL has one, is left out: pg_dump reads it from PGPASSWORD or ~/.pgpass.

export interface PgDumpCommands {
  dump: string
  createDatabase: string
  restore: string
  /** True when the URL held a password, which the commands leave out. */
  hadPassword: boolean
}

/** Quotes a value for a POSIX shell when it contains anything but safe characters. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

/** Builds the commands that dump the database at `url` to `file` and restore it as a new database. */
export function pgDumpCommands(url: string, file: string): PgDumpCommands {
  const parsed = new URL(url)
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres'
  const connection = [
    parsed.hostname ? `--host=${shellQuote(parsed.hostname.replace(/^\[|\]$/g, ''))}` : '',
    parsed.port ? `--port=${parsed.port}` : '',
    parsed.username ? `--username=${shellQuote(decodeURIComponent(parsed.username))}` : '',
  ].filter(Boolean)
  const target = `${database}_restored`
  return {
    dump: [
      'pg_dump',
      '--format=custom',
      ...connection,
      `--file=${shellQuote(file)}`,
      `--dbname=${shellQuote(database)}`,
    ].join(' '),
    createDatabase: ['createdb', ...connection, shellQuote(target)].join(' '),
    restore: [
      'pg_restore',
      ...connection,
      '--no-owner',
      `--dbname=${shellQuote(target)}`,
      shellQuote(file),
    ].join(' '),
    hadPassword: parsed.password !== '',
  }
}

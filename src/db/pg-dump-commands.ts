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
  // A host in the query, such as ?host=/var/run/postgresql, is a socket folder that libpq reads.
  const host = parsed.hostname || parsed.searchParams.get('host') || ''
  const connection = [
    host ? `--host=${shellQuote(host.replace(/^\[|\]$/g, ''))}` : '',
    parsed.port ? `--port=${parsed.port}` : '',
    parsed.username ? `--username=${shellQuote(decodeURIComponent(parsed.username))}` : '',
  ].filter(Boolean)
  const target = `${database}_restored`
  const environment = libpqEnvironment(parsed)
  return {
    dump: [
      ...environment,
      'pg_dump',
      '--format=custom',
      ...connection,
      `--file=${shellQuote(file)}`,
      `--dbname=${shellQuote(database)}`,
    ].join(' '),
    createDatabase: [...environment, 'createdb', ...connection, shellQuote(target)].join(' '),
    restore: [
      ...environment,
      'pg_restore',
      ...connection,
      '--no-owner',
      `--dbname=${shellQuote(target)}`,
      shellQuote(file),
    ].join(' '),
    hadPassword: parsed.password !== '',
  }
}

/** The URL's TLS parameters that libpq reads from the environment, with their variables. */
const TLS_VARIABLES: Record<string, string> = {
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  sslcrl: 'PGSSLCRL',
}

/**
 * Returns NAME=value prefixes that give the PostgreSQL tools the URL's TLS settings, so a backup
 * of a remote database checks the server's certificate as the app does.
 */
function libpqEnvironment(parsed: URL): string[] {
  return Object.entries(TLS_VARIABLES).flatMap(([parameter, variable]) => {
    const value = parsed.searchParams.get(parameter)
    return value ? [`${variable}=${shellQuote(value)}`] : []
  })
}

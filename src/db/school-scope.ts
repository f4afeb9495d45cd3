import { sql } from 'kysely'
import type { RawBuilder, SqlBool } from 'kysely'

/**
 * Builds the condition that limits a query to rows whose `column` is one of the school ids. With
 * no ids it matches nothing, because `in ()` is invalid SQL and an empty scope must see no rows.
 */
export function inSchools(column: string, schoolIds: readonly number[]): RawBuilder<SqlBool> {
  if (schoolIds.length === 0) return sql<SqlBool>`1 = 0`
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join([...schoolIds])})`
}

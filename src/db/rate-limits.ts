import type { Kysely } from 'kysely'

import type { Tables } from './tables.js'

/** A counter's state after one hit: requests in the window so far, and when the window ends. */
export interface RateLimitCount {
  hits: number
  /** Milliseconds since 1970 UTC. */
  resetAt: number
}

/**
 * Counts one request against `key` in a fixed window of `windowMs` that starts at the key's first
 * request, and returns the count. A single upsert does the work, so hits from several processes
 * at once are all counted: PostgreSQL locks the row for the conflicting insert, and SQLite runs
 * one write at a time. A window that ended before `now` starts again at 1.
 */
export async function countRateLimitHit(
  db: Kysely<Tables>,
  key: string,
  windowMs: number,
  now: number,
): Promise<RateLimitCount> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, reset_at: now + windowMs })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => {
        // Both engines evaluate every SET expression on the row as it was before the update.
        const ended = eb('rate_limits.reset_at', '<=', now)
        return {
          hits: eb
            .case()
            .when(ended)
            .then(eb.lit(1))
            .else(eb('rate_limits.hits', '+', 1))
            .end(),
          reset_at: eb
            .case()
            .when(ended)
            .then(eb.ref('excluded.reset_at'))
            .else(eb.ref('rate_limits.reset_at'))
            .end(),
        }
      }),
    )
    .returning(['hits', 'reset_at'])
    .executeTakeFirstOrThrow()

  return { hits: Number(row.hits), resetAt: Number(row.reset_at) }
}

/** Deletes the counters whose window ended at or before `now`, and returns how many it deleted. */
export async function deleteExpiredRateLimits(db: Kysely<Tables>, now: number): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('reset_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Binds the counter queries to one database, for the web app's rate-limit store. */
export function createRateLimitRepository(db: Kysely<Tables>) {
  return {
    countHit: (key: string, windowMs: number, now: number) =>
      countRateLimitHit(db, key, windowMs, now),
    deleteExpired: (now: number) => deleteExpiredRateLimits(db, now),
  }
}

export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>

import { createHash } from 'node:crypto'

import rateLimit from '@fastify/rate-limit'
import type { FastifyRateLimitStore } from '@fastify/rate-limit'
import type { FastifyInstance, RouteOptions } from 'fastify'

import type { RateLimitCount, RateLimitRepository } from '../../db/rate-limits.js'

// Two kinds of limit share one @fastify/rate-limit registration. The plugin-wide limit on every
// route counts in this process's memory, and a route's own limit (the sign-in, code and password
// posts) counts in the database, so that several web processes on one database count a client's
// attempts together. docs/decisions/2026-12-04-several-web-processes.md gives the reasons.

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void

/**
 * The parts of the plugin's settings that a store reads. NOTE: the plugin's types declare that child()
 * receives the route's options, but @fastify/rate-limit 10.3 passes its settings merged with the
 * route's `config.rateLimit`, with the route's options under `routeInfo`.
 */
interface StoreSettings {
  continueExceeding?: boolean
  exponentialBackoff?: boolean
  routeInfo?: Partial<Pick<RouteOptions, 'method' | 'url'>>
}

/**
 * A store as @fastify/rate-limit uses it. child() takes any object, because the plugin passes
 * its merged settings there (see StoreSettings). The type fits the plugin's own store types.
 */
export interface RateLimitStore extends FastifyRateLimitStore {
  incr(key: string, callback: Callback, timeWindow?: number): void
  child(settings: object): RateLimitStore
}

export interface RateLimitStoreOptions {
  /** Milliseconds since 1970 UTC. Tests pass a clock they can move. */
  now?: () => number
  /** Minimum time between two deletions of ended windows by this process, in milliseconds. */
  sweepIntervalMs?: number
}

const DEFAULT_SWEEP_INTERVAL_MS = 60_000
// The plugin always passes the window to incr(). This is the plugin's own default, for a caller
// that does not.
const DEFAULT_WINDOW_MS = 60_000

/** Counts hits in fixed windows in a Map. The plugin-wide limit of one process. */
class MemoryCounter {
  private readonly counts = new Map<string, RateLimitCount>()
  private nextSweepAt = 0

  constructor(private readonly options: Required<RateLimitStoreOptions>) {}

  hit(key: string, windowMs: number): RateLimitCount {
    const now = this.options.now()
    // Ended windows are dropped now and then, so the Map contains about one window's clients.
    if (now >= this.nextSweepAt) {
      for (const [storedKey, count] of this.counts) {
        if (count.resetAt <= now) this.counts.delete(storedKey)
      }
      this.nextSweepAt = now + this.options.sweepIntervalMs
    }
    const count = this.counts.get(key)
    const next =
      count && count.resetAt > now
        ? { hits: count.hits + 1, resetAt: count.resetAt }
        : { hits: 1, resetAt: now + windowMs }
    this.counts.set(key, next)
    return next
  }
}

/** Counts hits in the rate_limits table, shared by every process on the database. */
class DatabaseCounter {
  private nextSweepAt = 0

  constructor(
    private readonly repository: RateLimitRepository,
    private readonly options: Required<RateLimitStoreOptions>,
  ) {}

  async hit(key: string, windowMs: number): Promise<RateLimitCount> {
    const now = this.options.now()
    if (now >= this.nextSweepAt) {
      this.nextSweepAt = now + this.options.sweepIntervalMs
      await this.repository.deleteExpired(now)
    }
    return this.repository.countHit(key, windowMs, now)
  }
}

/** Returns the database key of a client on a route: a hash, so no address is stored as written. */
export function rateLimitKey(route: string, client: string): string {
  return createHash('sha256').update(`${route}\n${client}`).digest('hex')
}

function routeName(settings: StoreSettings): string {
  const method = settings.routeInfo?.method
  const methods = Array.isArray(method) ? method.join(',') : (method ?? '')
  return `${methods} ${settings.routeInfo?.url ?? ''}`
}

function rejectUnsupported(settings: StoreSettings) {
  if (settings.continueExceeding || settings.exponentialBackoff) {
    throw new Error(
      'The rate-limit store counts fixed windows only: remove continueExceeding and ' +
        'exponentialBackoff from the rate-limit settings',
    )
  }
}

/**
 * Returns the store class for @fastify/rate-limit. The plugin makes one instance for its own
 * limit, which counts in memory, and calls child() for each route with a limit of its own, which
 * counts in the database through `repository`.
 */
export function createRateLimitStore(
  repository: RateLimitRepository,
  options: RateLimitStoreOptions = {},
): new (pluginSettings: object) => RateLimitStore {
  const settings: Required<RateLimitStoreOptions> = {
    now: options.now ?? Date.now,
    sweepIntervalMs: options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS,
  }
  const memory = new MemoryCounter(settings)
  const database = new DatabaseCounter(repository, settings)

  function routeStore(routeSettings: object): RouteStore {
    const merged = routeSettings as StoreSettings
    rejectUnsupported(merged)
    return new RouteStore(routeName(merged))
  }

  class RouteStore implements RateLimitStore {
    constructor(private readonly route: string) {}

    incr(key: string, callback: Callback, timeWindow?: number) {
      database.hit(rateLimitKey(this.route, key), timeWindow ?? DEFAULT_WINDOW_MS).then(
        (count) => callback(null, toResult(count, settings.now())),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      )
    }

    child(routeSettings: object): RateLimitStore {
      return routeStore(routeSettings)
    }
  }

  class PluginStore implements RateLimitStore {
    constructor(pluginSettings: object) {
      rejectUnsupported(pluginSettings as StoreSettings)
    }

    incr(key: string, callback: Callback, timeWindow?: number) {
      callback(null, toResult(memory.hit(key, timeWindow ?? DEFAULT_WINDOW_MS), settings.now()))
    }

    child(routeSettings: object): RateLimitStore {
      return routeStore(routeSettings)
    }
  }

  return PluginStore
}

function toResult(count: RateLimitCount, now: number) {
  return { current: count.hits, ttl: Math.max(0, count.resetAt - now) }
}

/**
 * Registers @fastify/rate-limit: `maxPerMinute` requests a minute from one client on any route,
 * counted per process, and the limits that routes set for themselves, counted in the database.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  repository: RateLimitRepository,
  maxPerMinute: number,
  options: RateLimitStoreOptions = {},
) {
  await app.register(rateLimit, {
    max: maxPerMinute,
    timeWindow: '1 minute',
    store: createRateLimitStore(repository, options),
  })
}

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'

import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'

import {
  countRateLimitHit,
  createRateLimitRepository,
  deleteExpiredRateLimits,
} from '../../db/rate-limits.js'
import type { RateLimitRepository } from '../../db/rate-limits.js'
import { forEachEngine } from '../../db/test-database.js'
import { createRateLimitStore, registerRateLimits } from './rate-limit.js'

const MINUTE = 60_000
const START = Date.UTC(2026, 11, 4, 10, 0, 0)

/** Builds an app with the rate limits on `repository`: 3 requests a minute on /page, 2 on /limited. */
async function buildLimitedApp(repository: RateLimitRepository): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  await registerRateLimits(app, repository, 3)
  app.get('/page', () => 'page')
  app.post('/limited', { config: { rateLimit: { max: 2, timeWindow: MINUTE } } }, () => 'posted')
  await app.ready()
  return app
}

forEachEngine('rate-limit store', (getDatabase) => {
  test('hits in one window add up', async () => {
    const { db } = getDatabase()
    const key = randomUUID()

    const first = await countRateLimitHit(db, key, MINUTE, START)
    const second = await countRateLimitHit(db, key, MINUTE, START + 1000)
    const third = await countRateLimitHit(db, key, MINUTE, START + 2000)

    assert.deepEqual(first, { hits: 1, resetAt: START + MINUTE })
    assert.deepEqual(second, { hits: 2, resetAt: START + MINUTE })
    assert.deepEqual(third, { hits: 3, resetAt: START + MINUTE })
  })

  test('ended window starts again at 1', async () => {
    const { db } = getDatabase()
    const key = randomUUID()
    await countRateLimitHit(db, key, MINUTE, START)
    await countRateLimitHit(db, key, MINUTE, START + 1000)

    const later = await countRateLimitHit(db, key, MINUTE, START + MINUTE)

    assert.deepEqual(later, { hits: 1, resetAt: START + 2 * MINUTE })
  })

  test('keys count apart', async () => {
    const { db } = getDatabase()
    const one = randomUUID()
    const other = randomUUID()
    await countRateLimitHit(db, one, MINUTE, START)

    const count = await countRateLimitHit(db, other, MINUTE, START)

    assert.equal(count.hits, 1)
  })

  test('concurrent hits are all counted', async () => {
    const { db } = getDatabase()
    const key = randomUUID()

    // On PostgreSQL the pool sends these on several connections at once.
    const counts = await Promise.all(
      Array.from({ length: 20 }, () => countRateLimitHit(db, key, MINUTE, START)),
    )

    const hits = counts.map((count) => count.hits).sort((a, b) => a - b)
    assert.deepEqual(
      hits,
      Array.from({ length: 20 }, (_, index) => index + 1),
    )
  })

  test('expired rows are deleted', async () => {
    const { db } = getDatabase()
    const ended = randomUUID()
    const running = randomUUID()
    await countRateLimitHit(db, ended, MINUTE, START - 2 * MINUTE)
    await countRateLimitHit(db, running, MINUTE, START)

    const deleted = await deleteExpiredRateLimits(db, START)

    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((row) => row.key)
    assert.ok(deleted >= 1, `deleted ${deleted} rows`)
    assert.ok(!keys.includes(ended), 'the ended counter is still stored')
    assert.ok(keys.includes(running), 'the running counter was deleted')
  })

  test('store sweeps ended rows on a hit', async () => {
    const { db } = getDatabase()
    const old = randomUUID()
    await countRateLimitHit(db, old, MINUTE, START - 2 * MINUTE)
    const Store = createRateLimitStore(createRateLimitRepository(db), { now: () => START })
    const store = new Store({}).child({ routeInfo: { method: 'POST', url: '/sign-in' } })

    await new Promise<void>((resolve, reject) =>
      store.incr('127.0.0.1', (error) => (error ? reject(error) : resolve())),
    )

    const row = await db.selectFrom('rate_limits').where('key', '=', old).select('key').execute()
    assert.deepEqual(row, [])
  })

  test('store returns count and ttl', async () => {
    const { db } = getDatabase()
    let now = START + 5 * MINUTE
    const Store = createRateLimitStore(createRateLimitRepository(db), { now: () => now })
    const store = new Store({}).child({ routeInfo: { method: 'POST', url: '/x' } })
    const client = randomUUID()
    const incr = () =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(client, (error, result) => (result ? resolve(result) : reject(error)), MINUTE),
      )

    const first = await incr()
    now += 20_000
    const second = await incr()

    assert.deepEqual(first, { current: 1, ttl: MINUTE })
    assert.deepEqual(second, { current: 2, ttl: MINUTE - 20_000 })
  })

  test('route limit is shared between apps', async () => {
    const repository = createRateLimitRepository(getDatabase().db)
    const processA = await buildLimitedApp(repository)
    const processB = await buildLimitedApp(repository)
    const post = (app: FastifyInstance) => app.inject({ method: 'POST', url: '/limited' })

    try {
      const first = await post(processA)
      const second = await post(processB)
      const third = await post(processA)
      const fourth = await post(processB)

      assert.equal(first.statusCode, 200)
      assert.equal(second.statusCode, 200)
      assert.equal(third.statusCode, 429)
      assert.equal(fourth.statusCode, 429)
    } finally {
      await processA.close()
      await processB.close()
    }
  })

  test('global limit counts per app', async () => {
    const repository = createRateLimitRepository(getDatabase().db)
    const processA = await buildLimitedApp(repository)
    const processB = await buildLimitedApp(repository)
    const before = await getDatabase().db.selectFrom('rate_limits').select('key').execute()
    const get = (app: FastifyInstance) => app.inject({ method: 'GET', url: '/page' })

    try {
      const onA = [await get(processA), await get(processA), await get(processA)]
      const fourthOnA = await get(processA)
      const firstOnB = await get(processB)

      const after = await getDatabase().db.selectFrom('rate_limits').select('key').execute()
      assert.deepEqual(
        onA.map((response) => response.statusCode),
        [200, 200, 200],
      )
      assert.equal(fourthOnA.statusCode, 429)
      assert.equal(firstOnB.statusCode, 200)
      assert.equal(after.length, before.length, 'the global limit wrote to the database')
    } finally {
      await processA.close()
      await processB.close()
    }
  })
})

test('store rejects continueExceeding', () => {
  const Store = createRateLimitStore({
    countHit: () => Promise.reject(new Error('not used')),
    deleteExpired: () => Promise.resolve(0),
  })

  assert.throws(() => new Store({ continueExceeding: true }), /fixed windows only/)
})

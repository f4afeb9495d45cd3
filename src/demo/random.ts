/** A seeded pseudo-random generator (mulberry32), so the same seed always gives the same school. */
export interface Random {
  /** A number in [0, 1). */
  next(): number
  integer(min: number, maxInclusive: number): number
  pick<T>(items: readonly T[]): T
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T
  chance(probability: number): boolean
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  function integer(min: number, maxInclusive: number): number {
    return min + Math.floor(next() * (maxInclusive - min + 1))
  }

  function pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) throw new Error('Cannot pick from an empty list')
    return item
  }

  function weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0)
    let target = next() * total
    for (const item of items) {
      target -= weightOf(item)
      if (target < 0) return item
    }
    return pick(items)
  }

  return { next, integer, pick, weighted, chance: (probability) => next() < probability }
}

// The choice of the one destination spell that a return or a summary reports for a student.
import type { IsoDate } from './types.js'

/** The fields of a spell the choice reads. */
export interface DatedSpell {
  intent: string
  startDate: IsoDate
  endDate: IsoDate | null
}

/**
 * Returns the index of the preferred spell: an actual spell over an intended one, then the later
 * start, then the one later in the list (the later record).
 */
function preferredIndex(spells: readonly DatedSpell[], indexes: number[]): number | undefined {
  return [...indexes].sort((a, b) => {
    const first = spells[a] as DatedSpell
    const second = spells[b] as DatedSpell
    if (first.intent !== second.intent) return first.intent === 'actual' ? -1 : 1
    if (first.startDate !== second.startDate) return first.startDate > second.startDate ? -1 : 1
    return b - a
  })[0]
}

/**
 * Chooses the spell to report on `today`: one current today (started, and not ended before
 * today), else the most recent that has started, else the next to start. At each step an actual
 * spell wins over an intended one. Returns undefined when there is no spell.
 */
export function reportedDestination<T extends DatedSpell>(
  spells: readonly T[],
  today: IsoDate,
): T | undefined {
  const all = spells.map((_, index) => index)
  const started = all.filter((index) => (spells[index] as T).startDate <= today)
  const current = started.filter((index) => {
    const end = (spells[index] as T).endDate
    return end === null || end >= today
  })

  let chosen: number | undefined
  if (current.length > 0) chosen = preferredIndex(spells, current)
  else if (started.length > 0) chosen = preferredIndex(spells, started)
  else {
    const earliest = all.map((index) => (spells[index] as T).startDate).sort()[0]
    const next = all.filter((index) => (spells[index] as T).startDate === earliest)
    chosen = preferredIndex(spells, next)
  }
  return chosen === undefined ? undefined : spells[chosen]
}

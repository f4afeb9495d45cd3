import type { AreaOfNeed } from './types.js'

/** The four broad areas of need, in the order the SEND Code of Practice 0 to 25 (2015) lists them. */
export const AREAS_OF_NEED: readonly { id: AreaOfNeed; name: string }[] = [
  { id: 'communication_interaction', name: 'Communication and interaction' },
  { id: 'cognition_learning', name: 'Cognition and learning' },
  { id: 'semh', name: 'Social, emotional and mental health difficulties' },
  { id: 'sensory_physical', name: 'Sensory and/or physical needs' },
]

export function areaName(id: AreaOfNeed): string {
  const area = AREAS_OF_NEED.find((candidate) => candidate.id === id)
  if (!area) throw new RangeError(`Unknown area of need: ${String(id)}`)
  return area.name
}

export function isAreaOfNeed(value: string): value is AreaOfNeed {
  return AREAS_OF_NEED.some((area) => area.id === value)
}

import type { AreaOfNeed, CareerSendGroup } from './types.js'

export function groupLabel(group: CareerSendGroup | null): string {
  if (group === 'one') return 'Group One'
  if (group === 'two') return 'Group Two'
  return 'Unassigned'
}

/** Communication and interaction or cognition and learning suggest Group One, the other areas Group Two. */
export function groupForArea(area: AreaOfNeed): CareerSendGroup {
  return area === 'communication_interaction' || area === 'cognition_learning' ? 'one' : 'two'
}

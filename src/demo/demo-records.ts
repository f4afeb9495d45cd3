// Gives the demo school a careers record after its register is imported: career plans, careers
// activities, offers, tracking consent and leavers with destinations. Every record goes through
// the services, so validation and the audit trail apply as they do to a person's entries.
import type { Kysely } from 'kysely'

import type { Tables } from '../db/tables.js'
import type { Services } from '../services.js'
import { addDemoActivities } from './demo-activities.js'
import { createContext, toDemoStudent } from './demo-context.js'
import { addDemoLeavers, addDemoOffers, chooseLeavers } from './demo-destinations.js'
import { addDemoPlans } from './demo-plans.js'
import { createRandom } from './random.js'

export interface DemoRecordCounts {
  plans: number
  activities: number
  destinations: number
  consents: number
  leavers: number
}

export interface DemoRecordOptions {
  schoolId: number
  /** The demo's seed, so the same register always gets the same records. */
  seed: number
}

/**
 * Adds the demo records to a school with none yet, dated relative to today. Returns what was
 * added, or null when the school already has careers records, so a second run adds nothing. Throws with the service's message when a service rejects a record.
 */
export async function addDemoRecords(
  services: Services,
  db: Kysely<Tables>,
  options: DemoRecordOptions,
): Promise<DemoRecordCounts | null> {
  if (await schoolHasRecords(db, options.schoolId)) return null

  const context = createContext(services, options.schoolId, createRandom(options.seed), new Date())
  const details = await services.students.listAllDetails(context.scope)
  const students = details
    .filter((detail) => detail.student.leftOn === null)
    .map((detail) => toDemoStudent(detail, context.academicYear))

  const leavers = chooseLeavers(context, students)
  const leaverIds = new Set(leavers.map((leaver) => leaver.student.id))
  const current = students.filter((student) => !leaverIds.has(student.id))
  const leftOn = new Map(leavers.map((leaver) => [leaver.student.id, leaver.leftOn]))

  const plans = await addDemoPlans(context, students, leftOn)
  const activities = await addDemoActivities(context, current)
  const offers = await addDemoOffers(context, current)
  const leaverRecords = await addDemoLeavers(context, leavers)
  return {
    plans,
    activities,
    destinations: offers.spells + leaverRecords.spells,
    consents: offers.consents + leaverRecords.consents,
    leavers: leavers.length,
  }
}

/**
 * Returns true when the school has a career plan, careers activity or destination. A small school
 * can get activities and no plans, so plans alone would let a second run add the activities again.
 */
async function schoolHasRecords(db: Kysely<Tables>, schoolId: number): Promise<boolean> {
  for (const table of ['career_plans', 'careers_activities', 'destination_spells'] as const) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('school_id', '=', schoolId)
      .limit(1)
      .executeTakeFirst()
    if (row) return true
  }
  return false
}

/** Returns the line the demo command prints about the careers records. */
export function describeDemoRecords(counts: DemoRecordCounts | null): string {
  if (counts === null) {
    return 'Careers records: none added, because the school already has careers records.'
  }
  const parts = [
    plural(counts.plans, 'career plan'),
    plural(counts.activities, 'careers activity', 'careers activities'),
    plural(counts.destinations, 'destination'),
    plural(counts.consents, 'tracking consent record'),
  ]
  return `Added careers records: ${parts.join(', ')} and ${plural(counts.leavers, 'leaver')}.`
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

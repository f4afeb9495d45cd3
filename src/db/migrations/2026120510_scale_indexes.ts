import type { AnyKysely } from '../dialect.js'

// Indexes for the work lists, which read plans, target outcomes and destination spells by school.
// Without them each work list scans the whole table, so at a million students a local authority's
// lists read every school's plans. bench/index-case.ts shows the plans and times with and
// without each index, and docs/benchmarks.md holds its latest figures.
const INDEXES = [
  { name: 'career_plans_school_idx', table: 'career_plans' },
  { name: 'plan_targets_school_idx', table: 'plan_targets' },
  { name: 'destination_spells_school_idx', table: 'destination_spells' },
] as const

export async function up(db: AnyKysely): Promise<void> {
  for (const { name, table } of INDEXES) {
    await db.schema.createIndex(name).on(table).column('school_id').execute()
  }
}

export async function down(db: AnyKysely): Promise<void> {
  for (const { name } of INDEXES) {
    await db.schema.dropIndex(name).execute()
  }
}

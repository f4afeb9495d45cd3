import type { AnyKysely } from '../dialect.js'

// Adds `plan_reviews.pfa_reason`: why a review did not cover every Preparing for Adulthood area,
// in the words of the person who recorded it. An EHC plan annual review from Year 9 that leaves an
// area unticked is saved only with this reason. Null when the review covered all four areas or
// nobody gave a reason.

export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('plan_reviews').addColumn('pfa_reason', 'text').execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('plan_reviews').dropColumn('pfa_reason').execute()
}

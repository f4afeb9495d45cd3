import type { Database } from './db/connection.js'
import { createRateLimitRepository } from './db/rate-limits.js'
import { createActivityService } from './features/activities/activity.service.js'
import { createAccountService } from './features/accounts/account.service.js'
import type { SessionSettings } from './features/accounts/account.service.js'
import { createAuditService } from './features/audit/audit.service.js'
import { createDataProtectionService } from './features/data-protection/data-protection.service.js'
import { createExportService } from './features/exports/export.service.js'
import { createHandOverService } from './features/hand-over/hand-over.service.js'
import { createDestinationService } from './features/destinations/destination.service.js'
import { createDestinationImportService } from './features/destinations/import/destination-import.service.js'
import { createImportService } from './features/import/import.service.js'
import { createMyFutureService } from './features/my-future/my-future.service.js'
import { createNeedCodeService } from './features/need-codes/need-code.service.js'
import { createPlanService } from './features/plans/plan.service.js'
import { createSummaryService } from './features/summary/summary.service.js'
import { createReportService } from './features/reports/report.service.js'
import { createStudentService } from './features/students/student.service.js'
import { createWorkListService } from './features/work-lists/work-lists.service.js'

/** Wires every service to one database. The server, the command line and the demo all start here. */
export function createServices(database: Database, options: { sessions?: SessionSettings } = {}) {
  return {
    accounts: createAccountService(database.db, { sessions: options.sessions }),
    students: createStudentService(database.db),
    imports: createImportService(database.db),
    needCodes: createNeedCodeService(database.db),
    audit: createAuditService(database.db),
    dataProtection: createDataProtectionService(database.db),
    workLists: createWorkListService(database.db),
    handOver: createHandOverService(database.db),
    activities: createActivityService(database.db),
    plans: createPlanService(database.db),
    destinations: createDestinationService(database.db),
    destinationImports: createDestinationImportService(database.db),
    exports: createExportService(database.db),
    summaries: createSummaryService(database.db),
    myFuture: createMyFutureService(database.db),
    reports: createReportService(database.db),
    rateLimits: createRateLimitRepository(database.db),
  }
}

export type Services = ReturnType<typeof createServices>

import cookie from '@fastify/cookie'
import formBody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import Fastify from 'fastify'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'

import type { Config } from '../config.js'
import type { RateLimitRepository } from '../db/rate-limits.js'
import type { AccountService } from '../features/accounts/account.service.js'
import { registerAccessibilityRoutes } from '../features/accessibility/accessibility.routes.js'
import { registerActivitiesRoutes } from '../features/activities/activities.routes.js'
import type { ActivityService } from '../features/activities/activity.service.js'
import { registerSignInRoutes } from '../features/accounts/sign-in.routes.js'
import { registerDataProtectionRoutes } from '../features/data-protection/data-protection.routes.js'
import type { DataProtectionService } from '../features/data-protection/data-protection.service.js'
import { registerUserRoutes } from '../features/accounts/users.routes.js'
import { registerAuditRoutes } from '../features/audit/audit.routes.js'
import type { AuditService } from '../features/audit/audit.service.js'
import { registerImportRoutes } from '../features/import/import.routes.js'
import { registerDestinationRoutes } from '../features/destinations/destinations.routes.js'
import type { DestinationService } from '../features/destinations/destination.service.js'
import { registerDestinationImportRoutes } from '../features/destinations/import/destination-import.routes.js'
import type { DestinationImportService } from '../features/destinations/import/destination-import.service.js'
import type { ImportService } from '../features/import/import.service.js'
import { registerNeedCodeRoutes } from '../features/need-codes/need-codes.routes.js'
import type { NeedCodeService } from '../features/need-codes/need-code.service.js'
import { registerOutcomeRoutes } from '../features/outcomes/outcomes.routes.js'
import { registerPlanRoutes } from '../features/plans/plans.routes.js'
import type { PlanService } from '../features/plans/plan.service.js'
import { registerReportRoutes } from '../features/reports/reports.routes.js'
import type { ReportService } from '../features/reports/report.service.js'
import { registerStudentRoutes } from '../features/students/students.routes.js'
import type { StudentService } from '../features/students/student.service.js'
import { registerExportRoutes } from '../features/exports/exports.routes.js'
import type { ExportService } from '../features/exports/export.service.js'
import { registerGlossaryRoutes } from '../features/glossary/glossary.routes.js'
import { registerSummaryRoutes } from '../features/summary/summary.routes.js'
import { registerMyFutureRoutes } from '../features/my-future/my-future.routes.js'
import type { MyFutureService } from '../features/my-future/my-future.service.js'
import type { SummaryService } from '../features/summary/summary.service.js'
import { registerHandOverRoutes } from '../features/hand-over/hand-over.routes.js'
import type { HandOverService } from '../features/hand-over/hand-over.service.js'
import { registerWorkListRoutes } from '../features/work-lists/work-lists.routes.js'
import type { WorkListService } from '../features/work-lists/work-lists.service.js'
import { registerHomeRoutes } from './home.routes.js'
import './access.js'
import { webLoggerOptions } from './logger.js'
import { registerAssets } from './plugins/assets.js'
import { registerCsrf } from './plugins/csrf.js'
import { registerRateLimits } from './plugins/rate-limit.js'
import { handleFrameworkErrors, registerErrorPages } from './plugins/errors.js'
import { registerSecurityHeaders } from './plugins/security.js'
import { registerSessions } from './plugins/session.js'
import { registerViews } from './plugins/views.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL when set: the start of links shown to copy, such as one-time password links. */
    publicUrl: string | null
  }
}

export interface AppConfig extends Pick<Config, 'nodeEnv' | 'cookieSecret' | 'maxUploadBytes'> {
  configuredPublicUrl?: string | null
  /** Behind a reverse proxy, the proxies to trust, so rate limits count each client, not the proxy. */
  trustProxy?: Config['trustProxy']
  logLevel?: string
  /** Requests one client may make in a minute before it gets 429 Too Many Requests. */
  rateLimitPerMinute?: number
  /** Sign-in, code and password posts one client may make in a minute. */
  signInPostsPerMinute?: number
}

export interface AppServices {
  accounts: AccountService
  students: StudentService
  imports: ImportService
  needCodes: NeedCodeService
  dataProtection: DataProtectionService
  audit: AuditService
  workLists: WorkListService
  handOver: HandOverService
  activities: ActivityService
  plans: PlanService
  destinations: DestinationService
  destinationImports: DestinationImportService
  exports: ExportService
  summaries: SummaryService
  myFuture: MyFutureService
  reports: ReportService
  /** The counters of the rate limits that every web process on the database shares. */
  rateLimits: RateLimitRepository
}

export interface AppDeps {
  config: AppConfig
  services: AppServices
  /** A pino logger to use in place of the default one, or false for no request logs (tests). */
  logger?: FastifyBaseLogger | false
}

const DEFAULT_RATE_LIMIT_PER_MINUTE = 600

function createFastify({ config, logger }: AppDeps): FastifyInstance {
  let app: FastifyInstance | null = null
  const options = {
    trustProxy: config.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    frameworkErrors: handleFrameworkErrors(() => app),
  }
  if (logger) app = Fastify({ ...options, loggerInstance: logger })
  else if (logger === false) app = Fastify({ ...options, logger: false })
  else app = Fastify({ ...options, logger: webLoggerOptions(config.logLevel) })
  return app
}

/** Builds the web app with its plugins in a fixed order. The caller listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, services } = deps
  const production = config.nodeEnv === 'production'
  const app = createFastify(deps)
  app.decorate('publicUrl', config.configuredPublicUrl ?? null)

  await registerSecurityHeaders(app, production)
  await app.register(cookie, { secret: config.cookieSecret })
  // After the cookie parser, before any route, so every route is checked as it is added.
  registerSessions(app, services.accounts, production)
  app.get('/health', { config: { access: 'public' } }, () => ({ status: 'ok' }))
  await app.register(formBody)
  await app.register(multipart, {
    attachFieldsToBody: true,
    // One byte over the limit is kept, so the import's own size check reports the file as too large
    // and the upload page can report it, in place of a bare 413 error page.
    limits: { fileSize: config.maxUploadBytes + 1, files: 1, fields: 10 },
    throwFileSizeLimit: false,
  })
  await registerRateLimits(
    app,
    services.rateLimits,
    config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
  )
  await registerAssets(app, production)
  registerViews(app, !production)
  await registerCsrf(app, production, config.cookieSecret)

  await registerSignInRoutes(app, services.accounts, {
    production,
    postsPerMinute: config.signInPostsPerMinute,
  })
  await registerHomeRoutes(app, services)
  await registerGlossaryRoutes(app)
  await registerAccessibilityRoutes(app)
  await registerStudentRoutes(app, services.students)
  await registerOutcomeRoutes(app)
  await registerNeedCodeRoutes(app, services)
  await registerImportRoutes(app, services, config)
  await registerDataProtectionRoutes(app, services)
  await registerUserRoutes(app, services)
  await registerAuditRoutes(app, services)
  await registerWorkListRoutes(app, services)
  await registerHandOverRoutes(app, services)
  await registerActivitiesRoutes(app, services.activities)
  await registerPlanRoutes(app, services)
  await registerDestinationRoutes(app, services.destinations)
  await registerDestinationImportRoutes(app, services, config)
  await registerExportRoutes(app, services)
  await registerSummaryRoutes(app, services)
  await registerMyFutureRoutes(app, services)
  await registerReportRoutes(app, services.reports)

  registerErrorPages(app, !production)
  return app
}

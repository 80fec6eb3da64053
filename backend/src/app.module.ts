import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule } from './config/config.module';
import { AppConfig } from './config/app-config.service';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './auth/auth.module';
import { HealthModule } from './health/health.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';
import { OutboxModule } from './outbox/outbox.module';
import { RealtimeModule } from './realtime/realtime.module';
import { NotificationsModule } from './notifications/notifications.module';
import { LeadsModule } from './leads/leads.module';
import { AuditModule } from './audit/audit.module';
import { TicketsModule } from './tickets/tickets.module';
import { TicketNotesModule } from './ticket-notes/ticket-notes.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { DispositionsModule } from './dispositions/dispositions.module';
import { CallsModule } from './calls/calls.module';
import { SlaModule } from './sla/sla.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { PoliciesGuard } from './common/auth/policies.guard';
import { TenantTransactionInterceptor } from './common/auth/tenant-transaction.interceptor';
import { ProblemFilter } from './common/errors/problem.filter';
import { loggerOptions } from './common/http/logger';

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggerOptions }),
    DatabaseModule,
    RateLimitModule,
    AuthModule,
    HealthModule,
    TenantsModule,
    UsersModule,
    OutboxModule,
    RealtimeModule,
    NotificationsModule,
    LeadsModule,
    AuditModule,
    TicketsModule,
    TicketNotesModule,
    ApiKeysModule,
    DispositionsModule,
    CallsModule,
    SlaModule,
    AnalyticsModule,
  ],
  providers: [
    // in this order: who is calling, then their rate limits, then whether they may
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: PoliciesGuard },
    // one transaction per authenticated request, with the tenant set for row-level security
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class AppModule {}

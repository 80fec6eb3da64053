import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { transactionalInTenant } from '../../database/rls';
import { currentTenantId } from '../../database/tenant.filter';
import type { AuthenticatedRequest } from './authenticated-request';

/**
 * Runs each authenticated request's handler in one transaction on a fresh fork of the request's
 * EntityManager (scoped to the principal's tenant by AuthenticationGuard). Its start sets
 * `app.tenant_id` for row-level security (in the BEGIN's round trip: transactionalInTenant), and
 * everything the handler does through the injected EntityManager joins it (MikroORM's
 * TransactionContext), so one request costs two round trips more than its own statements
 * (BEGIN with set_config, COMMIT), whatever it reads. A failing handler rolls back.
 * Public routes (login, refresh, health) have no principal and run without it.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(private readonly em: EntityManager) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Partial<AuthenticatedRequest>>();
    if (!req.principal) return next.handle();
    const em = this.em.fork({ clear: true });
    const tenantId = currentTenantId(em);
    // subscribing inside the callback makes the handler's EntityManager calls use the transaction
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    return from(tenantId ? transactionalInTenant(em, tenantId, handle) : em.transactional(handle));
  }
}

import { describeCrossTenantSweep } from './cross-tenant-sweep';

describeCrossTenantSweep({ title: 'security: cross-tenant sweep over the OpenAPI spec' });

import { Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AppConfig } from '../config/app-config.service';
import { ormConfig, STATEMENT_TIMEOUT_MS } from './mikro-orm.config';

@Global()
@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const url = config.get('DATABASE_URL');
        if (!url) throw new Error('DATABASE_URL is not set (the launcher starts an embedded PostgreSQL and sets it)');
        // validateEnv refuses the switch outside NODE_ENV=test
        const ormTenantFilter = !config.get('CALLPRO_TEST_DISABLE_ORM_TENANT_FILTER');
        return { ...ormConfig({ clientUrl: url, statementTimeoutMs: STATEMENT_TIMEOUT_MS, ormTenantFilter }), registerRequestContext: true };
      },
      driver: PostgreSqlDriver,
    }),
  ],
})
export class DatabaseModule {}

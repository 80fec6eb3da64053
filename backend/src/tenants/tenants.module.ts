import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { UsersModule } from '../users/users.module';
import { Tenant } from './tenant.entity';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';
import { TenantDefaults } from './tenant-defaults.service';

@Module({
  imports: [MikroOrmModule.forFeature([Tenant]), UsersModule],
  controllers: [TenantsController],
  providers: [TenantsService, TenantDefaults],
})
export class TenantsModule {}

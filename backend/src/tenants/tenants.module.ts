import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Tenant } from './tenant.entity';

@Module({
  imports: [MikroOrmModule.forFeature([Tenant])],
})
export class TenantsModule {}

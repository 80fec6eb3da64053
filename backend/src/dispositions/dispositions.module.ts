import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Disposition } from './disposition.entity';
import { DispositionsController } from './dispositions.controller';
import { DispositionsService } from './dispositions.service';

@Module({
  imports: [MikroOrmModule.forFeature([Disposition])],
  controllers: [DispositionsController],
  providers: [DispositionsService],
})
export class DispositionsModule {}

import { Global, Module } from '@nestjs/common';
import { ClockService } from './clock.service';

/** One ClockService for the whole app (tests replace it with `overrideProvider(ClockService)`). */
@Global()
@Module({
  providers: [ClockService],
  exports: [ClockService],
})
export class ClockModule {}

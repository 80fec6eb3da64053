import { Injectable } from '@nestjs/common';

/**
 * The current time, as one injectable: code whose outcome depends on "now" (SLA due dates, the SLA
 * job) asks this instead of `new Date()`, so that tests can move time without sleeping.
 */
@Injectable()
export class ClockService {
  now(): Date {
    return new Date();
  }
}

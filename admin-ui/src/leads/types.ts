import type { LeadStatus } from '@callpro/contracts';

/** A row of the leads resource. */
export interface LeadRecord {
  id: string;
  name: string;
  /** E.164. */
  phone: string | null;
  email: string | null;
  company: string | null;
  status: LeadStatus;
  /** Where the lead came from (campaign, referral, web form …). */
  source: string | null;
  /** The responsible user; null = nobody yet. */
  ownerId: string | null;
  /** Time of the latest call with this lead. */
  lastContactedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

import { ApiProperty } from '@nestjs/swagger';
import type { Disposition } from '../disposition.entity';

export class DispositionResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  tenantId!: string;
  name!: string;
  active!: boolean;
  @ApiProperty({ type: 'integer' })
  position!: number;
  createdAt!: Date;
  updatedAt!: Date;

  static from(d: Disposition): DispositionResponse {
    const { id, tenantId, name, active, position, createdAt, updatedAt } = d;
    return Object.assign(new DispositionResponse(), { id, tenantId, name, active, position, createdAt, updatedAt });
  }
}

import { ApiProperty } from '@nestjs/swagger';

export const INGEST_RESULTS = ['created', 'updated', 'unchanged'] as const;
export type IngestResult = (typeof INGEST_RESULTS)[number];

export class BulkItemResult {
  /** Position of the item in the request's `items`. */
  @ApiProperty({ type: 'integer' })
  index!: number;
  @ApiProperty({ format: 'uuid' })
  id!: string;
  /** `updated`: an earlier call with the same externalId moved forward; `unchanged`: it was already as far or further. */
  @ApiProperty({ enum: INGEST_RESULTS, enumName: 'CallLogIngestResult' })
  result!: IngestResult;
}

export class BulkItemRejection {
  @ApiProperty({ type: 'integer' })
  index!: number;
  /** The status a single POST would have answered: 400 invalid fields, 422 unknown references, 409 someone else's externalId. */
  @ApiProperty({ type: 'integer', enum: [400, 409, 422] })
  status!: number;
  /** Messages by field. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  errors!: Record<string, string>;
}

/** Per-item outcome of POST /call-logs/bulk; valid items are stored even when others are rejected. */
export class BulkCallLogsResponse {
  @ApiProperty({ type: 'integer' })
  created!: number;
  @ApiProperty({ type: 'integer' })
  updated!: number;
  @ApiProperty({ type: 'integer' })
  unchanged!: number;
  @ApiProperty({ type: [BulkItemRejection] })
  rejected!: BulkItemRejection[];
  /** One entry per stored (or already stored) item, in request order. */
  @ApiProperty({ type: [BulkItemResult] })
  items!: BulkItemResult[];
}

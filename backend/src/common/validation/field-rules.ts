import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims strings; an empty one means "no value" (react-admin sends '' for a cleared input). */
export const TrimmedOrNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Absent or null both pass; anything else is validated. */
export const IsNullable = () => ValidateIf((_obj, value) => value !== undefined && value !== null);

/** Optional in an update, but not nullable: absent means "unchanged", null is refused. */
export const IsOptionalNotNull = () => ValidateIf((_obj, value) => value !== undefined);

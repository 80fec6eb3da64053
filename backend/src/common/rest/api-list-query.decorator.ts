import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { ProblemResponse } from '../http/problem.response';
import { MAX_PAGE, type FilterField, type ListSpec } from './list-query';

function describeFilter(key: string, field: FilterField): string[] {
  const what = field.kind === 'enum' ? `one of ${field.values?.join(' | ')}` : field.kind === 'uuid' && field.allowMe ? 'uuid or "me"' : field.kind;
  const entry = `\`${key}\` (${what})`;
  return field.range ? [entry, `\`${key}_gte\``, `\`${key}_lte\``] : [entry];
}

/**
 * Documents a react-admin simple-rest list route: the `sort`, `range` and `filter` query
 * parameters (with the fields `spec` allows), the `Range` header, the array body with its
 * `Content-Range` / `X-Total-Count` headers, and the 400 a bad parameter gets.
 */
export function ApiListQuery(spec: ListSpec, type: Type<unknown>) {
  const filters = [
    ...(spec.search ? ['`q` (full-text search)'] : []),
    '`id` (uuid or array of uuids: getMany)',
    ...Object.entries(spec.filters).flatMap(([key, field]) => describeFilter(key, field)),
  ];
  const [defaultField, defaultOrder] = spec.defaultSort;
  return applyDecorators(
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON \`["field", "ASC" | "DESC"]\`. Fields: ${spec.sortable.join(', ')}. Default \`["${defaultField}", "${defaultOrder}"]\`.`,
      schema: { type: 'string', example: `["${defaultField}","${defaultOrder}"]` },
    }),
    ApiQuery({
      name: 'range',
      required: false,
      description: `JSON \`[start, end]\`, both inclusive, at most ${MAX_PAGE} rows. Default \`[0, 24]\`.`,
      schema: { type: 'string', example: '[0,24]' },
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object; fields are ANDed, arrays mean "any of". Fields: ${filters.join(', ')}.`,
      schema: { type: 'string', example: '{}' },
    }),
    ApiHeader({ name: 'Range', required: false, description: `Instead of \`range\`: \`${spec.resource}=0-24\`` }),
    ApiOkResponse({
      type: [type],
      description: 'One page of rows',
      headers: {
        'Content-Range': { description: `\`${spec.resource} 0-24/319\` (\`*\` for an empty page)`, schema: { type: 'string' } },
        'X-Total-Count': { description: 'Rows matching the filter, over all pages', schema: { type: 'integer' } },
      },
    }),
    ApiBadRequestResponse({ type: ProblemResponse, description: 'Invalid sort, range or filter (`errors` names the parameter)' }),
  );
}

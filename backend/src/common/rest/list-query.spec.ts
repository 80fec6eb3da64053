import { ValidationProblem } from '../errors/problem';
import { MAX_PAGE, parseListQuery, type ListSpec, type RawListQuery } from './list-query';

const USER_ID = '11111111-1111-4111-8111-111111111111';
const OTHER_ID = '22222222-2222-4222-8222-222222222222';

const spec: ListSpec = {
  resource: 'things',
  sortable: ['id', 'name', 'createdAt'],
  defaultSort: ['name', 'ASC'],
  filters: {
    status: { kind: 'enum', values: ['open', 'closed'] },
    active: { kind: 'boolean' },
    ownerId: { kind: 'uuid', allowMe: true },
    parentId: { kind: 'uuid' },
    score: { kind: 'number', range: true },
    createdAt: { kind: 'date', range: true },
    label: { kind: 'string', property: 'title' },
    tags: { kind: 'tags' },
  },
  search: (q) => ({ name: { $ilike: `%${q}%` } }),
};

const parse = (raw: RawListQuery, rangeHeader?: string, s: ListSpec = spec) => parseListQuery(raw, s, { userId: USER_ID }, rangeHeader);

/** The problem a bad query throws: its `errors` map, which names the parameter. */
function problemOf(fn: () => unknown): { status: number; errors: Record<string, string> } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationProblem);
    const body = (e as ValidationProblem).getResponse() as { status: number; errors: Record<string, string> };
    return { status: body.status, errors: body.errors };
  }
  throw new Error('expected a ValidationProblem');
}

describe('parseListQuery', () => {
  describe('defaults', () => {
    it('sorts by the default sort with id as tie-breaker, first 25 rows, no conditions', () => {
      expect(parse({})).toEqual({ orderBy: [{ name: 'asc' }, { id: 'asc' }], offset: 0, limit: 25, where: {} });
    });
  });

  describe('sort', () => {
    it('accepts an allow-listed field in either direction', () => {
      expect(parse({ sort: '["createdAt","DESC"]' }).orderBy).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    });

    it('does not add a second id when sorting by id', () => {
      expect(parse({ sort: '["id","ASC"]' }).orderBy).toEqual([{ id: 'asc' }]);
    });

    it.each([
      ['a field that is not sortable', '["passwordHash","ASC"]'],
      ['a bad direction', '["name","UP"]'],
      ['a lower-case direction', '["name","asc"]'],
      ['invalid JSON', '["name",'],
      ['JSON null', 'null'],
      ['a JSON number', '42'],
      ['a JSON object', '{"name":"ASC"}'],
      ['a bare string', '"name"'],
    ])('refuses %s with a 400 naming sort', (_label, sort) => {
      const p = problemOf(() => parse({ sort }));
      expect(p.status).toBe(400);
      expect(Object.keys(p.errors)).toEqual(['sort']);
    });
  });

  describe('range', () => {
    it('turns [start, end] (inclusive) into offset and limit', () => {
      expect(parse({ range: '[10,19]' })).toMatchObject({ offset: 10, limit: 10 });
    });

    it('allows exactly MAX_PAGE rows', () => {
      expect(parse({ range: `[0,${MAX_PAGE - 1}]` }).limit).toBe(MAX_PAGE);
    });

    it('reads the Range header when there is no range parameter', () => {
      expect(parse({}, 'things=5-9')).toMatchObject({ offset: 5, limit: 5 });
    });

    it('prefers the range parameter over the Range header', () => {
      expect(parse({ range: '[0,1]' }, 'things=5-9')).toMatchObject({ offset: 0, limit: 2 });
    });

    it.each([
      ['more than MAX_PAGE rows', `[0,${MAX_PAGE}]`],
      ['end before start', '[10,5]'],
      ['a negative start', '[-1,5]'],
      ['fractions', '[0.5,3]'],
      ['three numbers', '[0,1,2]'],
      ['strings', '["0","9"]'],
      ['an object', '{"start":0}'],
      ['invalid JSON', '[0,'],
      ['numbers beyond what PostgreSQL can offset', '[100000000000000000000,100000000000000000001]'],
    ])('refuses %s with a 400 naming range', (_label, range) => {
      const p = problemOf(() => parse({ range }));
      expect(p.status).toBe(400);
      expect(Object.keys(p.errors)).toEqual(['range']);
    });

    it.each([['items 0-9'], ['things=a-b'], ['things=9-0'], ['things=0-5000'], ['things=1000000000000000000-1000000000000000001']])(
      'refuses the Range header %p',
      (header) => {
        expect(Object.keys(problemOf(() => parse({}, header)).errors)).toEqual(['range']);
      },
    );
  });

  describe('filter', () => {
    it('treats an empty object as no condition', () => {
      expect(parse({ filter: '{}' }).where).toEqual({});
    });

    it('turns one field into an equality condition', () => {
      expect(parse({ filter: '{"status":"open"}' }).where).toEqual({ status: 'open' });
    });

    it('combines several fields with $and', () => {
      expect(parse({ filter: '{"status":"open","active":false}' }).where).toEqual({ $and: [{ status: 'open' }, { active: false }] });
    });

    it('turns arrays into $in', () => {
      expect(parse({ filter: '{"status":["open","closed"]}' }).where).toEqual({ status: { $in: ['open', 'closed'] } });
    });

    it('accepts null as "is null"', () => {
      expect(parse({ filter: '{"parentId":null}' }).where).toEqual({ parentId: null });
    });

    it('maps a filter key to its entity property', () => {
      expect(parse({ filter: '{"label":"x"}' }).where).toEqual({ title: 'x' });
    });

    it('resolves "me" to the current user where allowed', () => {
      expect(parse({ filter: '{"ownerId":"me"}' }).where).toEqual({ ownerId: USER_ID });
    });

    it('refuses "me" where it is not allowed, and without a user', () => {
      expect(Object.keys(problemOf(() => parse({ filter: '{"parentId":"me"}' })).errors)).toEqual(['filter.parentId']);
      const noUser = () => parseListQuery({ filter: '{"ownerId":"me"}' }, spec, {});
      expect(Object.keys(problemOf(noUser).errors)).toEqual(['filter.ownerId']);
    });

    it('builds getMany conditions from id arrays and a single id', () => {
      expect(parse({ filter: `{"id":["${USER_ID}","${OTHER_ID}"]}` }).where).toEqual({ id: { $in: [USER_ID, OTHER_ID] } });
      expect(parse({ filter: `{"id":"${USER_ID}"}` }).where).toEqual({ id: { $in: [USER_ID] } });
    });

    it('supports _gte/_lte on range fields, with dates parsed', () => {
      const where = parse({ filter: '{"score_gte":3,"createdAt_lte":"2025-01-02T03:04:05Z"}' }).where;
      expect(where).toEqual({ $and: [{ score: { $gte: 3 } }, { createdAt: { $lte: new Date('2025-01-02T03:04:05Z') } }] });
    });

    it('matches tags by overlap', () => {
      expect(parse({ filter: '{"tags":["vip","b2b"]}' }).where).toEqual({ tags: { $overlap: ['vip', 'b2b'] } });
      expect(parse({ filter: '{"tags":"vip"}' }).where).toEqual({ tags: { $overlap: ['vip'] } });
    });

    it('passes the trimmed q to the search builder and ignores a blank q', () => {
      expect(parse({ filter: '{"q":"  ann "}' }).where).toEqual({ name: { $ilike: '%ann%' } });
      expect(parse({ filter: '{"q":"   "}' }).where).toEqual({});
    });

    it.each([
      ['an unknown field', '{"passwordHash":"x"}', 'filter.passwordHash'],
      ['an Object.prototype member as field', '{"constructor":"x"}', 'filter.constructor'],
      ['a prototype member with a range suffix', '{"toString_gte":"x"}', 'filter.toString_gte'],
      ['_gte on a field without ranges', '{"status_gte":"open"}', 'filter.status_gte'],
      ['a value outside the enum', '{"status":"pending"}', 'filter.status'],
      ['an enum array with a bad member', '{"status":["open","nope"]}', 'filter.status'],
      ['a string for a boolean', '{"active":"true"}', 'filter.active'],
      ['a string for a number', '{"score_gte":"3"}', 'filter.score_gte'],
      ['a bad date', '{"createdAt_gte":"yesterday"}', 'filter.createdAt_gte'],
      ['a non-UUID id', '{"id":["1"]}', 'filter.id'],
      ['a non-UUID uuid field', '{"parentId":"abc"}', 'filter.parentId'],
      ['non-string tags', '{"tags":[1]}', 'filter.tags'],
      ['an object as string value', '{"label":{"$ne":"x"}}', 'filter.label'],
      ['a non-string q', '{"q":5}', 'filter.q'],
      ['an over-long q', `{"q":"${'a'.repeat(201)}"}`, 'filter.q'],
    ])('refuses %s with a 400 naming the field', (_label, filter, key) => {
      const p = problemOf(() => parse({ filter }));
      expect(p.status).toBe(400);
      expect(Object.keys(p.errors)).toEqual([key]);
    });

    it('refuses too many id values', () => {
      const ids = JSON.stringify(Array.from({ length: MAX_PAGE + 1 }, () => USER_ID));
      expect(Object.keys(problemOf(() => parse({ filter: `{"id":${ids}}` })).errors)).toEqual(['filter.id']);
    });

    it('refuses q where the resource has no search', () => {
      const noSearch: ListSpec = { ...spec, search: undefined };
      expect(Object.keys(problemOf(() => parse({ filter: '{"q":"x"}' }, undefined, noSearch)).errors)).toEqual(['filter.q']);
    });

    it.each([['[1,2]'], ['"open"'], ['null'], ['{bad json']])('refuses the filter %p with a 400 naming filter', (filter) => {
      expect(Object.keys(problemOf(() => parse({ filter })).errors)).toEqual(['filter']);
    });
  });
});

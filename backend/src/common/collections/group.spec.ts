import { addToGroup } from './group';

describe('addToGroup', () => {
  it('starts a list for a new key and appends to it after, in order', () => {
    const groups = new Map<string, number[]>();
    addToGroup(groups, 'a', 1);
    addToGroup(groups, 'b', 2);
    addToGroup(groups, 'a', 3);
    expect([...groups]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });
});

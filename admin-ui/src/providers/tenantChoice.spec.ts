import { createTenantChoice } from './tenantChoice';
import { memoryStorage } from './__tests__/fakeAuthServer';

describe('createTenantChoice', () => {
  const tab = (local: ReturnType<typeof memoryStorage>) => {
    const session = memoryStorage();
    return createTenantChoice({ session: () => session, local: () => local });
  };

  it('remembers the choice for new tabs', () => {
    const local = memoryStorage();
    tab(local).set('t-1');
    expect(tab(local).get()).toBe('t-1');
  });

  it('keeps each open tab on its own tenant when another tab switches', () => {
    const local = memoryStorage();
    const first = tab(local);
    first.set('t-1');
    const second = tab(local);
    expect(second.get()).toBe('t-1');
    first.set('t-2');
    expect([first.get(), second.get(), tab(local).get()]).toEqual(['t-2', 't-1', 't-2']);
  });

  it('clear removes the choice for this tab and for new ones', () => {
    const local = memoryStorage();
    const first = tab(local);
    first.set('t-1');
    first.clear();
    expect([first.get(), tab(local).get()]).toEqual([null, null]);
  });
});

import { whileRunning } from './while-running';

describe('whileRunning', () => {
  it('lets the statement start before the work and returns both results', async () => {
    const order: string[] = [];
    const statement = Promise.resolve()
      .then(() => order.push('statement sent'))
      .then(() => new Promise<string>((resolve) => setTimeout(() => resolve('rows'), 20)));
    const result = await whileRunning(statement, () => {
      order.push('work');
      return 42;
    });
    expect(result).toEqual(['rows', 42]);
    expect(order).toEqual(['statement sent', 'work']);
  });

  it("rejects with the statement's error, without an unhandled rejection while the work runs", async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const failing = Promise.reject(new Error('deadlock detected'));
      await expect(
        whileRunning(failing, () => {
          const until = Date.now() + 5;
          while (Date.now() < until);
          return 'built';
        }),
      ).rejects.toThrow('deadlock detected');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

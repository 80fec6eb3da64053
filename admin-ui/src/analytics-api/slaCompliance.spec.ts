import { overallCompliance } from './slaCompliance';

describe('overallCompliance', () => {
  it('pools every metric’s targets, and has no figure when none fell due', () => {
    const c = (met: number, breached: number) => ({ met, breached, compliance: null });
    expect(overallCompliance({ firstResponse: c(3, 1), nextResponse: c(0, 0), resolution: c(1, 1) })).toBeCloseTo(4 / 6, 9);
    expect(overallCompliance({ firstResponse: c(0, 0), nextResponse: c(0, 0), resolution: c(0, 0) })).toBeNull();
  });
});

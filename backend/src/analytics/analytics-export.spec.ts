import { compactInstant, defuseFormula } from './analytics-export.service';

describe('CSV export helpers', () => {
  it('writes instants for file names without colons', () => {
    expect(compactInstant(new Date('2026-03-01T00:00:00.000Z'))).toBe('20260301T000000Z');
    expect(compactInstant(new Date('2026-11-01T05:30:15.250Z'))).toBe('20261101T053015Z');
  });

  it('defuses cells a spreadsheet would run as formulas, and leaves the rest alone', () => {
    for (const cell of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(defuseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Printer on fire', '', 'a=b', "'quoted"]) expect(defuseFormula(cell)).toBe(cell);
  });
});

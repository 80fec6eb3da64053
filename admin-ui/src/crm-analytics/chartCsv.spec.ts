import { cellText, chartCsv, type DataColumn } from './chartCsv';

interface Row {
  policy: string | null;
  compliance: number | null;
  met: number;
}
const columns: DataColumn<Row>[] = [
  { key: 'policy', label: 'Policy', value: (r) => r.policy },
  { key: 'compliance', label: 'Compliance', value: (r) => r.compliance, format: (r) => (r.compliance === null ? 'n/a' : `${r.compliance * 100}%`), numeric: true },
  { key: 'met', label: 'Met', value: (r) => r.met, numeric: true },
];

describe('chartCsv', () => {
  it('writes the column labels, then raw figures (not the table’s formatting), empty cells for none', () => {
    const csv = chartCsv(columns, [
      { policy: 'Gold', compliance: 0.75, met: 3 },
      { policy: null, compliance: null, met: 0 },
    ]);
    expect(csv.split('\r\n')).toEqual(['Policy,Compliance,Met', 'Gold,0.75,3', ',,0']);
  });

  it('quotes separators and defuses formulas in text (names come from people)', () => {
    const csv = chartCsv(columns, [
      { policy: 'Gold, "VIP"', compliance: 1, met: 1 },
      { policy: '=cmd()', compliance: -0.5, met: 1 },
    ]);
    expect(csv.split('\r\n').slice(1)).toEqual(['"Gold, ""VIP""",1,1', "'=cmd(),-0.5,1"]);
  });
});

describe('cellText', () => {
  it('uses the format when there is one, the raw figure otherwise, and a dash for none', () => {
    expect(cellText(columns[1], { policy: 'x', compliance: 0.5, met: 1 })).toBe('50%');
    expect(cellText(columns[2], { policy: 'x', compliance: 0.5, met: 7 })).toBe('7');
    expect(cellText(columns[0], { policy: null, compliance: 0.5, met: 7 })).toBe('—');
  });
});

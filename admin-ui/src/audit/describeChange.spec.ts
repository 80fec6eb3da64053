import { describeNoteChange, fieldLabel, formatValue } from './describeChange';

describe('history wording', () => {
  it('labels fields, known or not', () => {
    expect(fieldLabel('assigneeId')).toBe('Assignee');
    expect(fieldLabel('requesterPhone')).toBe('Requester phone');
    expect(fieldLabel('slaNextDueAt')).toBe('Sla next due at');
  });

  it('shows statuses and priorities by label, tags joined, and nothing as a dash', () => {
    expect(formatValue('status', 'pending')).toBe('Pending');
    expect(formatValue('priority', 'urgent')).toBe('Urgent');
    expect(formatValue('tags', ['billing', 'vip'])).toBe('billing, vip');
    expect(formatValue('tags', [])).toBe('—');
    expect(formatValue('description', null)).toBe('—');
    expect(formatValue('number', 1042)).toBe('#1042');
  });

  it('shortens long texts', () => {
    const text = formatValue('description', 'x'.repeat(500));
    expect(text).toHaveLength(120);
    expect(text.endsWith('…')).toBe(true);
  });

  it('tells added, edited and deleted notes apart, and which kind', () => {
    const internal = { id: 'n1', visibility: 'internal', body: 'Called back' };
    expect(describeNoteChange({ field: 'note', from: null, to: internal })).toEqual({ summary: 'Added an internal note', body: 'Called back' });
    expect(describeNoteChange({ field: 'note', from: internal, to: { ...internal, visibility: 'public' } }).summary).toBe('Edited a public reply (now public)');
    expect(describeNoteChange({ field: 'note', from: internal, to: null }).summary).toBe('Deleted an internal note');
  });
});

import { errorMessage, isVersionConflict } from './saveErrors';

describe('save errors', () => {
  it('recognises a version conflict by status and problem type, not any 409', () => {
    expect(isVersionConflict({ status: 409, body: { type: 'https://callpro.dev/problems/version-conflict' } })).toBe(true);
    expect(isVersionConflict({ status: 409, body: { type: 'https://callpro.dev/problems/conflict', errors: { phone: 'taken' } } })).toBe(false);
    expect(isVersionConflict({ status: 422, body: { type: 'https://callpro.dev/problems/version-conflict' } })).toBe(false);
    expect(isVersionConflict(null)).toBe(false);
  });

  it("shows the API's message, or a generic one", () => {
    expect(errorMessage({ message: 'A pending ticket cannot become new' })).toBe('A pending ticket cannot become new');
    expect(errorMessage(new TypeError(''))).toBe('The change could not be saved');
  });
});

interface ProblemError {
  status?: number;
  message?: string;
  body?: { type?: string; errors?: Record<string, string> } | null;
}

const asProblem = (error: unknown): ProblemError => (typeof error === 'object' && error !== null ? (error as ProblemError) : {});

/** A 409 `version-conflict`: someone else saved the record since it was read. */
export function isVersionConflict(error: unknown): boolean {
  const { status, body } = asProblem(error);
  return status === 409 && typeof body?.type === 'string' && body.type.endsWith('/version-conflict');
}

/** What to tell the user: the API's message (problem+json `message`), or a generic one. */
export function errorMessage(error: unknown): string {
  const { message } = asProblem(error);
  return typeof message === 'string' && message.trim() ? message : 'The change could not be saved';
}

export const TICKET_CONFLICT_MESSAGE = 'This ticket was changed by someone else — reloaded';

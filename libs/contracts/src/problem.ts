/** RFC 9457 problem details, plus `message` and `errors` as react-admin reads them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Same as `detail`: react-admin shows `body.message`. */
  message: string;
  /** Validation errors by field, shown by react-admin on form fields. */
  errors?: Record<string, string>;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

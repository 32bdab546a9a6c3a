/**
 * RFC 9457 problem details: every error the API returns has this shape, so
 * a client can branch on `type` and show `detail` to a person.
 */
export interface FieldProblem {
  /** Dotted path into the request body, e.g. `items.0.controlCode`. */
  field: string;
  /** The rule that was broken, e.g. `too_small` or `invalid_format`. */
  rule: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** Stable machine-readable code, e.g. `license.quantity_exceeded`. */
  code: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs name the stable code, so documentation can link to them. */
export function problemType(code: string): string {
  return `urn:export-licensing:problem:${code}`;
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  // Extensions first: a detail named like a standard member never replaces it.
  return { ...extensions, type: problemType(code), title, status, detail, code };
}

/**
 * Typed domain errors with stable codes. The HTTP layer maps each code to a
 * status and renders RFC 9457 problem+json; the domain never knows about HTTP.
 */
export type DomainErrorCode =
  | 'UNKNOWN_PLACE' // a from/to/via/avoid reference matches no place
  | 'NO_ROUTE' // the places exist but no path satisfies the constraints
  | 'INVALID_CONSTRAINT' // e.g. from equals to, via repeats an endpoint, an unknown crossing/corridor/link id
  | 'NOT_FOUND' // an entity looked up by id does not exist
  | 'BUDGET_EXCEEDED' // planning would need more work or time than one request may use
  | 'INVALID_DATA'; // the data set failed validation (start-up only)

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Structured detail safe to show to a client (never a stack or a path on disk). */
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** One violation found while validating the data set: which file, which record, which field. */
export interface DataIssue {
  file: string;
  record: string;
  field: string;
  message: string;
}

export class InvalidDataError extends DomainError {
  readonly issues: readonly DataIssue[];

  constructor(issues: readonly DataIssue[]) {
    super(
      'INVALID_DATA',
      `the data set is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.file}: record "${i.record}", field "${i.field}": ${i.message}`).join('\n'),
      { count: issues.length },
    );
    this.name = 'InvalidDataError';
    this.issues = issues;
  }
}

/**
 * The RFC 9457 problem document every error answer uses, and helpers that
 * document error responses for an operation from the code table, so the
 * statuses in the OpenAPI document are the ones error-handler.ts really sends.
 */
import { z } from 'zod';
import { PROBLEM_CODES, PROBLEM_CODE_LIST, PROBLEM_CONTENT_TYPE, problemType, type ProblemCode } from '../error-handler.js';
import { PlaceRefSchema } from './common.js';

export const ParameterIssueSchema = z
  .object({
    parameter: z.string().describe('Query parameter or body field, e.g. "alternatives" or "via[1]".'),
    message: z.string().describe('What is wrong with it.'),
    value: z.string().optional().describe('UNKNOWN_PLACE: the reference that matched nothing.'),
    suggestions: z.array(PlaceRefSchema).optional().describe('UNKNOWN_PLACE: the closest known places, best first.'),
  })
  .meta({
    id: 'ParameterIssue',
    description: 'One offending request parameter.',
    example: { parameter: 'alternatives', message: 'must be at least 1, got "0"' },
  });

export const ProblemSchema = z
  .looseObject({
    type: z.string().describe('URI naming the kind of problem; one per `code`.'),
    title: z.string().describe('Short summary of the kind of problem; fixed per `code`.'),
    status: z.number().int().describe('HTTP status code.'),
    detail: z.string().describe('What went wrong with this request.'),
    instance: z.string().describe('The request path and query that caused it.'),
    code: z.enum(PROBLEM_CODE_LIST).describe('Stable machine-readable code.'),
    requestId: z.string().describe('Id of this request in the service log; quote it when reporting a problem.'),
    errors: z
      .array(ParameterIssueSchema)
      .optional()
      .describe('VALIDATION_ERROR: every offending parameter, not just the first. UNKNOWN_PLACE: every unknown place.'),
    parameter: z.string().optional().describe('UNKNOWN_PLACE, INVALID_CONSTRAINT: the parameter at fault.'),
    value: z.string().optional().describe('UNKNOWN_PLACE: the place reference that matched nothing.'),
    suggestions: z
      .array(PlaceRefSchema)
      .optional()
      .describe('UNKNOWN_PLACE: the closest known places, best first.'),
    allow: z.array(z.string()).optional().describe('METHOD_NOT_ALLOWED: the methods this path accepts.'),
  })
  .meta({
    id: 'Problem',
    description:
      'An error, as RFC 9457 application/problem+json. `code` is stable and decides `status` and `title`; ' +
      'members beyond the standard ones depend on the code. Further extension members may be added.',
  });

export type ProblemExample = z.input<typeof ProblemSchema>;

/** What an operation documents for one problem code: when it happens and an example body. */
export interface ProblemDoc {
  when: string;
  detail: string;
  extensions?: Record<string, unknown>;
}

/** Builds a complete example body as error-handler.ts would send it. */
export function problemExample(code: ProblemCode, instance: string, doc: ProblemDoc): ProblemExample {
  const { status, title } = PROBLEM_CODES[code];
  return {
    type: problemType(code),
    title,
    status,
    detail: doc.detail,
    instance,
    code,
    requestId: 'req-1f',
    ...doc.extensions,
  };
}

/** The refusals of a JSON request body, the same for every operation that takes one. */
export const JSON_BODY_DOCS = {
  PAYLOAD_TOO_LARGE: { when: 'the body is larger than the service accepts', detail: 'The request body is larger than this service accepts.' },
  UNSUPPORTED_MEDIA_TYPE: { when: 'the body is not sent as application/json', detail: 'Send the request body as application/json.' },
} as const satisfies Partial<Record<ProblemCode, ProblemDoc>>;

/** The internal-error answer is the same for every operation. */
export const INTERNAL_DOC: ProblemDoc = {
  when: 'an unexpected fault; the cause is logged, never returned',
  detail: 'An unexpected error occurred. It has been logged; quote the requestId when reporting it.',
};

export interface ProblemResponse {
  description: string;
  content: Record<string, { schema: typeof ProblemSchema; examples?: Record<string, { summary: string; value: ProblemExample }> }>;
}

/**
 * Response docs for the given codes, grouped by status: one response per
 * status with one named example per code. `instance` is an example request path.
 */
export function problemResponses(instance: string, docs: Partial<Record<ProblemCode, ProblemDoc>>): Record<number, ProblemResponse> {
  const byStatus = new Map<number, [ProblemCode, ProblemDoc][]>();
  for (const code of PROBLEM_CODE_LIST) {
    const doc = docs[code];
    if (!doc) continue;
    const status = PROBLEM_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), [code, doc]]);
  }
  const out: Record<number, ProblemResponse> = {};
  for (const [status, entries] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[status] = {
      description: entries.map(([code, doc]) => `${code}: ${doc.when}.`).join(' '),
      content: {
        [PROBLEM_CONTENT_TYPE]: {
          schema: ProblemSchema,
          examples: Object.fromEntries(
            entries.map(([code, doc]) => [code, { summary: doc.when, value: problemExample(code, instance, doc) }]),
          ),
        },
      },
    };
  }
  return out;
}

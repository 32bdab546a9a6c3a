import { UsageError } from '../cli-failure';
import { required } from './command-options';

/** Which recorded decision a command audits: an application's, or an amendment request's on a license. */
export interface DecisionTarget {
  /** The resource the service answers it under: `/applications/<id>` or `/licenses/<id>`. */
  readonly path: string;
  /** The amendment request, for a license's decision; nothing for an application's. */
  readonly query: Readonly<Record<string, string>>;
  /** How the output names it. */
  readonly label: string;
}

export const DECISION_OPTIONS = {
  application: { type: 'string' },
  license: { type: 'string' },
  amendment: { type: 'string' },
} as const;

export const decisionUsage = (verb: string) => `  --application <id>   the application whose decision to ${verb}
  --license <id> --amendment <request id>
                       or an amendment request's decision on a license`;

/** An application's decision unless --license names a license (then --amendment names the request). */
export function decisionTarget(
  values: { application?: string; license?: string; amendment?: string },
  command: string,
  verb: string,
): DecisionTarget {
  if (values.license === undefined && values.amendment === undefined) {
    const id = required(values.application, 'application', command, `the application whose decision to ${verb}`);
    return { path: `/applications/${encodeURIComponent(id)}`, query: {}, label: `application ${id}` };
  }
  if (values.application !== undefined)
    throw new UsageError('Name one decision: --application, or --license with --amendment.', command);
  const licenseId = required(values.license, 'license', command, 'the license the amendment request is on');
  const amendmentRequestId = required(
    values.amendment,
    'amendment',
    command,
    `the amendment request whose decision to ${verb}`,
  );
  return {
    path: `/licenses/${encodeURIComponent(licenseId)}`,
    query: { amendmentRequestId },
    label: `amendment request ${amendmentRequestId} of license ${licenseId}`,
  };
}

/**
 * Whose recorded decision a replay is about: an application's, or an
 * amendment request's on a license (`GET /licenses/{id}/decision-replay?amendmentRequestId=`).
 */
export type DecisionSubject =
  | { readonly kind: 'application'; readonly applicationId: string }
  | { readonly kind: 'amendment'; readonly licenseId: string; readonly amendmentRequestId: string };

/** The console page of the decision. */
export function decisionPage(subject: DecisionSubject): string {
  return subject.kind === 'application'
    ? `/decisions/${encodeURIComponent(subject.applicationId)}`
    : `/decisions/licenses/${encodeURIComponent(subject.licenseId)}/amendments/${encodeURIComponent(subject.amendmentRequestId)}`;
}

/** The API's replay and what-if of the decision: their common path prefix and the query naming the request. */
export function decisionApi(subject: DecisionSubject): {
  readonly base: string;
  readonly query: Record<string, string>;
} {
  return subject.kind === 'application'
    ? { base: `/applications/${encodeURIComponent(subject.applicationId)}`, query: {} }
    : {
        base: `/licenses/${encodeURIComponent(subject.licenseId)}`,
        query: { amendmentRequestId: subject.amendmentRequestId },
      };
}

/** The subject named by a decision page's address, or null when it names none. */
export function subjectOf(params: Readonly<Record<string, string | undefined>>): DecisionSubject | null {
  const { applicationId, licenseId, amendmentRequestId } = params;
  if (licenseId && amendmentRequestId) return { kind: 'amendment', licenseId, amendmentRequestId };
  if (applicationId) return { kind: 'application', applicationId };
  return null;
}

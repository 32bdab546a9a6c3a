import { shortHex } from '../output';

/*
 * The decision audit's answers (decision-replay, what-if) printed for a
 * person. Read defensively: every field may be missing or shaped otherwise
 * (an older or newer service), and then is shown as it is, never a crash.
 */

type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown => (isObject(value) ? value[name] : undefined);

/** A scalar as it is; anything else as compact JSON, cut at 160 characters. */
export function show(value: unknown, missing = '–'): string {
  if (value === undefined || value === null) return missing;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const json = JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 159)}…` : json;
}

export function findingLines(answer: unknown): string[] {
  const findings = list(field(answer, 'findings'));
  return findings.length === 0 ? [] : ['Findings:', ...findings.map((finding) => `  - ${show(finding)}`)];
}

/** The rule-by-rule comparison (or an older service's list of JSON paths). */
export function differenceLines(differences: unknown): string[] {
  if (differences === undefined) return [];
  if (Array.isArray(differences))
    return [
      'Differences:',
      ...(differences.length === 0 ? ['  none'] : differences.map((d) => `  ${pathDifference(d)}`)),
    ];
  if (!isObject(differences)) return ['Differences:', `  ${show(differences)}`];
  if (differences['same'] === true) return ['Differences: none (the re-evaluation gives the recorded decision)'];
  const lines: string[] = [];
  const verdict = differences['verdict'];
  const before = field(field(verdict, 'before'), 'verdict');
  const after = field(field(verdict, 'after'), 'verdict');
  if (field(verdict, 'changed') === true) lines.push(`verdict: ${show(before)} → ${show(after)}`);
  else if (before !== undefined) lines.push(`verdict: ${show(before)} (unchanged)`);
  const reasons = (side: string) => list(field(field(verdict, side), 'reasons'));
  if (JSON.stringify(reasons('before')) !== JSON.stringify(reasons('after')))
    lines.push(
      'its reasons differ:',
      ...reasons('before').map((reason) => `  recorded:     ${show(reason)}`),
      ...reasons('after').map((reason) => `  re-evaluated: ${show(reason)}`),
    );
  for (const outcome of list(differences['outcomes'])) lines.push(outcomeDifference(outcome));
  for (const measure of list(differences['measures'])) lines.push(measureDifference(measure));
  for (const other of list(differences['otherFields'])) lines.push(pathDifference(other));
  return ['Differences:', ...(lines.length === 0 ? ['  none listed'] : lines.map((line) => `  ${line}`))];
}

function outcomeDifference(d: unknown): string {
  const where = [field(d, 'measureId'), field(d, 'lineId')].filter((x) => typeof x === 'string' && x !== '');
  const side = (s: unknown) =>
    isObject(s) ? `${show(s['outcome'])}${s['reason'] ? ` (${show(s['reason'])})` : ''}` : '(none)';
  return `rule ${show(field(d, 'rule'))}${where.length ? ` [${where.join(', ')}]` : ''}, ${show(field(d, 'change'))}: ${side(field(d, 'before'))} → ${side(field(d, 'after'))}`;
}

function measureDifference(d: unknown): string {
  const side = (s: unknown) =>
    isObject(s)
      ? `v${show(s['version'])} ${show(s['status'])}, ${s['applies'] === true ? 'applies' : 'does not apply'}`
      : '(none)';
  return `measure ${show(field(d, 'measureId'))}, ${show(field(d, 'change'))}: ${side(field(d, 'before'))} → ${side(field(d, 'after'))}`;
}

function pathDifference(d: unknown): string {
  if (!isObject(d) || !('path' in d)) return show(d);
  return `${show(d['path'])}: ${show(d['recorded'], '(absent)')} → ${show(d['replayed'], '(absent)')}`;
}

/** The hash chains of the streams the audit read. */
export function integrityLines(integrity: unknown): string[] {
  if (!isObject(integrity)) return [];
  // An application's decision is in its stream; an amendment request's in its license's.
  const decided = integrity['license'] === undefined ? 'application' : 'license';
  const streams = [integrity[decided], ...list(integrity['policy'])].filter(isObject);
  if (integrity['ok'] === true)
    return [`Integrity: every hash chain holds (${streams.length} stream(s): the ${decided} and its measures).`];
  const broken = streams.filter((stream) => stream['ok'] !== true);
  return [
    `Integrity: BROKEN in ${broken.length} of ${streams.length} stream(s):`,
    ...broken.map(
      (s) => `  ${show(s['streamId'])} at revision ${show(s['firstBrokenRevision'], '?')}: ${show(s['detail'])}`,
    ),
  ];
}

/** The inclusion proofs of the events the replay read, against one signed tree head. */
export function proofLines(proofs: unknown): string[] {
  if (!isObject(proofs)) return [];
  const head = proofs['treeHead'];
  const proved = (proofs['decisionEvent'] ? 1 : 0) + list(proofs['policyEvents']).length;
  const against = isObject(head)
    ? ` against the tree head of size ${show(head['treeSize'])} signed at ${show(head['timestamp'])} (root ${shortHex(head['rootHash'])}, key ${shortHex(head['keyId'])})`
    : '';
  const missing = list(proofs['notInTreeHead']).map(
    (e) => `${show(field(e, 'streamId'))}@${show(field(e, 'revision'))}`,
  );
  return [
    `Proofs: ${show(proofs['status'])}: ${proved} event(s) proved included${against}.`,
    ...(missing.length ? [`  not in that head yet: ${missing.join(', ')}`] : []),
    ...(typeof proofs['detail'] === 'string' ? [`  ${proofs['detail']}`] : []),
  ];
}

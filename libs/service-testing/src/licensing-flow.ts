import { director, exporterUser, officer, reviewer, type ServiceClient } from './service-client';
import { magnetApplication, registerNingbo } from './walkthrough-data';

function expectOk(step: string, reply: { status: number; body: unknown }): void {
  if (reply.status >= 300) throw new Error(`${step} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
}

/** Registers the exporter (once) and takes one application to an approved decision. */
export async function approvedApplication(
  client: ServiceClient,
  applicationId: string,
  overrides: Record<string, unknown> = {},
): Promise<void> {
  const registered = await client.post('/exporters', exporterUser, registerNingbo, {
    'Idempotency-Key': 'register-ningbo',
  });
  expectOk('register', registered);
  const steps: [string, Parameters<ServiceClient['post']>[1], unknown?][] = [
    ['submit', exporterUser],
    ['accept', officer],
    ['assign-reviewer', officer, { reviewerId: reviewer.id }],
    ['complete-review', reviewer, { recommendation: 'approve', notes: 'End user verified on site' }],
    ['approve', director],
  ];
  expectOk('draft', await client.post('/applications', exporterUser, magnetApplication(applicationId, overrides)));
  for (const [action, as, body] of steps) {
    expectOk(action, await client.post(`/applications/${applicationId}/${action}`, as, body));
  }
}

/** …and issues its license, valid from `validFrom` to `validUntil`. */
export async function issuedLicense(
  client: ServiceClient,
  applicationId: string,
  validFrom: string,
  validUntil: string,
): Promise<string> {
  await approvedApplication(client, applicationId);
  const issued = await client.post('/licenses', officer, { applicationId, validFrom, validUntil });
  expectOk('issue', issued);
  return issued.body.id as string;
}

import { mintLocalToken } from '@licensing/identity';
import { auditor, policyOfficer } from '@licensing/service-testing';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { licenseStory, registerExporter, SPEC_NOW, withdrawnApplication } from './license-stories';
import { ServiceUnderTest } from './service-under-test';

/** The files of a service's data directory that hold the log and what vouches for it. */
export const LOG_FILES = ['events.sqlite', 'audit-log.sqlite', 'tree-head-key.pem', 'local-issuer-key.json'] as const;

/**
 * A realistic history made through the API of the built service: the seeded
 * policy, a policy correction, licenses through every kind of life, a
 * withdrawn application; heads signed on start and on demand at the end.
 * The service is stopped (cleanly) so the files can be copied and altered.
 */
export async function recordLoggedHistory(service: ServiceUnderTest, licenses: number): Promise<void> {
  await service.start(SPEC_NOW);
  await registerExporter(service);
  await service.command('/control-measures/no-57-2025/record-correction', policyOfficer, {
    correction: { field: 'title', value: 'Announcement No. 57 [2025] (corrected title)' },
    reason: 'Title as gazetted',
  });
  for (let n = 0; n < licenses; n++) await licenseStory(service, `tamper-${n}`, n);
  await withdrawnApplication(service, 'tamper-withdrawn');
  await service.command('/audit/tree-heads', auditor, undefined);
  await service.stop();
}

/**
 * A fresh directory holding copies of the log files of `dataDir`; with the
 * read models too, for a service to start on it (their checkpoints are at the
 * end, so a tampered store is not projected again).
 */
export function copyOfLog(
  dataDir: string,
  into = mkdtempSync(join(tmpdir(), 'tampered-')),
  withReadModels = false,
): string {
  const files = withReadModels ? [...LOG_FILES, 'read-models.sqlite'] : LOG_FILES;
  for (const file of files) copyFileSync(join(dataDir, file), join(into, file));
  return into;
}

export const auditorToken = (dataDir: string) => mintLocalToken(dataDir, { sub: auditor.id, role: 'auditor' });

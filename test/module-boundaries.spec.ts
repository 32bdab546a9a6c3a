import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './support/built-apps';

/**
 * The layers of docs/architecture.md are enforced by ESLint (Nx module
 * boundaries), not by hope: each probe is a real file placed in a project
 * for the length of one lint run, importing what its layer must not.
 */
const probes = [
  {
    why: 'an app importing another app',
    file: 'apps/customs-gate/src/boundary-probe.ts',
    source: "import { loadConfig } from '../../licensing-service/src/config';\nexport const probe = loadConfig;\n",
    message: 'Projects cannot be imported by a relative or absolute path',
  },
  {
    why: 'the domain importing an adapter',
    file: 'libs/domain/src/boundary-probe.ts',
    source:
      "import { openConfiguredEventStore } from '@licensing/eventstoredb';\nexport const probe = openConfiguredEventStore;\n",
    message: 'A project tagged with "layer:domain" cannot depend on any libs with tags',
  },
  {
    why: 'an application library importing an adapter',
    file: 'libs/relay/src/boundary-probe.ts',
    source:
      "import { openConfiguredEventStore } from '@licensing/eventstoredb';\nexport const probe = openConfiguredEventStore;\n",
    message: 'A project tagged with "layer:application" can only depend on libs tagged with',
  },
  {
    why: 'the event store importing anything but domain types',
    file: 'libs/event-store/src/boundary-probe.ts',
    source: "import { Topics } from '@licensing/contracts';\nexport const probe = Topics;\n",
    message: 'A project tagged with "layer:store" can only depend on libs tagged with',
  },
] as const;

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

describe('layer boundaries (ESLint, @nx/enforce-module-boundaries)', () => {
  let results: LintResult[];

  beforeAll(() => {
    for (const probe of probes) writeFileSync(join(REPO_ROOT, probe.file), probe.source);
    try {
      const lint = spawnSync(
        process.execPath,
        [
          join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
          '--format',
          'json',
          ...probes.map((p) => p.file),
        ],
        { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      results = JSON.parse(lint.stdout) as LintResult[];
    } finally {
      for (const probe of probes) rmSync(join(REPO_ROOT, probe.file), { force: true });
    }
  }, 120_000);

  it.each(probes)('refuses $why', ({ file, message }) => {
    const result = results.find((r) => r.filePath === join(REPO_ROOT, file));
    const boundaryErrors = result?.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries') ?? [];
    expect(boundaryErrors.map((m) => m.message)).toEqual([expect.stringContaining(message)]);
  });
});

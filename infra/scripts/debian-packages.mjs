// Installs Debian packages the suites need (promtool from `prometheus`,
// `chromium` for the browser tests) when their program is missing: one
// `apt-get update`, then one `apt-get install -y` for everything missing, so
// two installers never race for dpkg's lock. Needs root on Debian/Ubuntu;
// otherwise it says how to install them by hand.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

/** The path of `program` on PATH, or null. */
export function findOnPath(program) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function aptGet(args, howTo) {
  console.error(`[debian] apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}). ${howTo}`);
  }
}

/**
 * Ensures each `{ program, debianPackage, extraPackages?, requiredFiles?, howTo }` is on PATH
 * (and the files its extra packages bring exist), installing the
 * missing ones' packages in one apt-get run; returns `{ program: path }`.
 */
export function ensureDebianPrograms(tools) {
  const missing = tools.filter(
    (tool) => findOnPath(tool.program) === null || (tool.requiredFiles ?? []).some((file) => !existsSync(file)),
  );
  if (missing.length > 0) {
    const howTo = missing.map((tool) => tool.howTo).join(' ');
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!root || !existsSync('/usr/bin/apt-get')) {
      throw new Error(
        `${missing.map((t) => t.program).join(', ')} not on PATH and cannot be installed here (needs root and apt-get). ${howTo}`,
      );
    }
    const packages = missing.flatMap((tool) => [tool.debianPackage, ...(tool.extraPackages ?? [])]);
    console.error(`[debian] installing ${packages.join(', ')} (for ${missing.map((t) => t.program).join(', ')})`);
    aptGet(['update', '-qq'], howTo);
    aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages], howTo);
  }
  const paths = {};
  for (const tool of tools) {
    const path = findOnPath(tool.program);
    if (path === null)
      throw new Error(
        `The ${tool.debianPackage} package is installed but ${tool.program} is not on PATH. ${tool.howTo}`,
      );
    paths[tool.program] = path;
  }
  return paths;
}

#!/usr/bin/env node
// The Debian programs `npm test` needs, installed in one apt-get run when
// missing: promtool (metrics suite) and chromium (console browser suites).
// Prints one `program path` line each; exits 1 with the reason otherwise.
import { PROMTOOL } from '../prometheus/ensure-promtool.mjs';
import { CHROMIUM, findChromium } from '../browser/ensure-chromium.mjs';
import { ensureDebianPrograms } from './debian-packages.mjs';

try {
  const tools = process.env.CHROMIUM_PATH && findChromium() ? [PROMTOOL] : [PROMTOOL, CHROMIUM];
  const paths = ensureDebianPrograms(tools);
  if (!paths.chromium) paths.chromium = findChromium();
  for (const [program, path] of Object.entries(paths)) console.log(`${program} ${path}`);
} catch (error) {
  console.error(`[debian] ${error.message}`);
  process.exit(1);
}

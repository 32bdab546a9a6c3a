#!/usr/bin/env node
// Chromium for the console's browser suites (Playwright drives it over CDP;
// playwright-core downloads no browser). Finds it on PATH or via CHROMIUM_PATH;
// when missing and running as root on Debian/Ubuntu, installs Debian's
// `chromium` package. Prints its path.
//   node infra/browser/ensure-chromium.mjs
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureDebianPrograms, findOnPath } from '../scripts/debian-packages.mjs';

export const CHROMIUM = {
  program: 'chromium',
  debianPackage: 'chromium',
  // A CJK font: without one, every Chinese page and screenshot is boxes.
  extraPackages: ['fonts-wqy-zenhei'],
  requiredFiles: ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'],
  howTo:
    'Install Chromium: `apt-get install chromium` (Debian, as root), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
};

/** Chromium's path (CHROMIUM_PATH first, then PATH), or null. */
export function findChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  return findOnPath(CHROMIUM.program);
}

/** Finds Chromium, installing Debian's package when it can; returns its path. */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH) return findChromium() ?? ensureDebianPrograms([CHROMIUM]).chromium;
  return ensureDebianPrograms([CHROMIUM]).chromium;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(`[chromium] ${error.message}`);
    process.exit(1);
  }
}

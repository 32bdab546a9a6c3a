import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The build (dist/apps/console, made by the test target's dependsOn; CONSOLE_DIR for another, as the
// browser suites take it) as a browser first loads it.
const BUILD = process.env['CONSOLE_DIR'] ?? join(__dirname, '..', '..', '..', 'dist', 'apps', 'console');
const BUDGET_BYTES = 400 * 1024;

/** The scripts index.html makes the browser fetch before anything renders: the entry and its preloaded imports. */
function firstLoadScripts(): string[] {
  const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script type="module"[^>]*src="\/console\/([^"]+)"/g)].map((m) => m[1]!);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/console\/([^"]+)"/g)].map((m) => m[1]!);
  return [...entry, ...preloaded];
}

/** What a static `import … from "./x.js"` in a chunk pulls in too (the preload list may leave some to the browser). */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(BUILD, file), 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    staticImports(join('assets', match[1]!), seen);
  }
  return seen;
}

/**
 * The reader's words: i18n/index.ts imports them before the first render, one language's
 * (words-<language>.js, named so in vite.config.mts); the larger language is counted.
 */
function readerWords(): string {
  const gzipped = (file: string) => gzipSync(readFileSync(join(BUILD, file))).length;
  const languages = readdirSync(join(BUILD, 'assets'))
    .filter((name) => /^words-[a-z]+-[\w-]+\.js$/.test(name))
    .map((name) => join('assets', name));
  expect(languages.length).toBeGreaterThanOrEqual(2);
  return languages.sort((a, b) => gzipped(b) - gzipped(a))[0]!;
}

describe("the console's first load", () => {
  it('is under 400 kB of gzipped JavaScript', () => {
    const files = new Set<string>();
    for (const script of firstLoadScripts()) for (const file of staticImports(script)) files.add(file);
    files.add(readerWords());
    expect(files.size).toBeGreaterThan(0);
    const gzipped = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(BUILD, file))).length, 0);
    // The figure, for the README and the note.
    process.stdout.write(`console first load: ${files.size} scripts, ${(gzipped / 1024).toFixed(1)} kB gzipped\n`);
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
  });
});

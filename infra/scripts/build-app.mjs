#!/usr/bin/env node
// Compiles one app to JavaScript with tsc (dist/apps/<app>), then makes the
// workspace libraries it imports resolvable by Node: each `@licensing/<lib>`
// path alias of tsconfig.base.json becomes a package stub in
// dist/apps/<app>/node_modules whose `main` is the compiled index. The
// compiled code keeps its imports as written, and Node's own resolution
// finds the libraries there and every npm package in the workspace's
// node_modules above, so nothing rewrites code and nothing runs TypeScript
// at run time.
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = process.argv[2];
if (!app || !existsSync(join(root, 'apps', app, 'tsconfig.app.json'))) {
  console.error(`usage: build-app.mjs <app>  (an app under apps/ with a tsconfig.app.json; got ${app ?? 'nothing'})`);
  process.exit(2);
}
const outDir = join(root, 'dist', 'apps', app);
rmSync(outDir, { recursive: true, force: true });

const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join('apps', app, 'tsconfig.app.json')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
for (const [alias, [target]] of Object.entries(paths)) {
  const compiled = join(outDir, target.replace(/\.ts$/, '.js'));
  if (!existsSync(compiled)) continue; // a library this app does not import
  const stub = join(outDir, 'node_modules', alias);
  mkdirSync(stub, { recursive: true });
  writeFileSync(
    join(stub, 'package.json'),
    JSON.stringify({ name: alias, private: true, main: relative(stub, compiled) }, null, 2) + '\n',
  );
}
console.log(`Built ${app} → ${relative(root, join(outDir, 'apps', app, 'src', 'main.js'))}`);

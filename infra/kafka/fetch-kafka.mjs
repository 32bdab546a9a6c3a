#!/usr/bin/env node
// Fetches the Kafka broker's jars from Maven Central once and keeps them in
// <repo>/.infra-cache/kafka-<version>/libs. The Maven local repository also
// lives under .infra-cache/m2 so a fresh clone relies on nothing outside the
// repo but `mvn`, Java and Maven Central. A stamp (hash of pom.xml) marks a
// complete copy, so an interrupted download is redone instead of trusted.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const cacheDir = join(repoRoot, '.infra-cache');
const pomFile = join(here, 'pom.xml');

function readPom() {
  return readFileSync(pomFile, 'utf8');
}

/** The Kafka release pinned in infra/kafka/pom.xml (its one source of truth). */
export function kafkaVersion() {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readPom());
  if (!match) throw new Error(`infra/kafka/pom.xml has no <kafka.version> property`);
  return match[1].trim();
}

export function libsDirFor(version = kafkaVersion()) {
  return join(cacheDir, `kafka-${version}`, 'libs');
}

function stampFor(pom) {
  return createHash('sha256').update(pom).digest('hex');
}

function isCached(libsDir, stamp) {
  const stampFile = join(libsDir, '.complete');
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
}

/**
 * Returns the directory holding every jar the broker needs, downloading them
 * with Maven first when they are not cached yet.
 */
export function ensureKafkaJars({ log = (line) => console.error(line) } = {}) {
  const pom = readPom();
  const version = kafkaVersion();
  const libsDir = libsDirFor(version);
  const stamp = stampFor(pom);
  if (isCached(libsDir, stamp)) return { version, libsDir, downloaded: false };

  const mvnCheck = spawnSync('mvn', ['-v'], { stdio: 'ignore' });
  if (mvnCheck.error || mvnCheck.status !== 0) {
    throw new Error(
      'Apache Maven (`mvn`) is needed once to fetch the Kafka broker jars from Maven Central, ' +
        'and it was not found on PATH. Install it (e.g. `apt-get install maven`) and retry.',
    );
  }

  // Copy into a private folder, then rename: a second process fetching at the
  // same time, or an interrupted run, never leaves a half-filled libs folder.
  const partial = `${libsDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(dirname(libsDir), { recursive: true });
  log(`[kafka] fetching Apache Kafka ${version} jars from Maven Central into ${libsDir} (first run only)`);
  const started = Date.now();
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pomFile,
      `-Dmaven.repo.local=${join(cacheDir, 'm2')}`,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${partial}`,
    ],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0 || !existsSync(join(partial, `kafka_2.13-${version}.jar`))) {
    rmSync(partial, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `Fetching the Kafka ${version} jars with Maven failed (exit ${result.status}). ` +
        `Check that Maven Central is reachable. Maven said:\n${output || result.error?.message || '(nothing)'}`,
    );
  }
  writeFileSync(join(partial, '.complete'), stamp);
  if (isCached(libsDir, stamp)) {
    rmSync(partial, { recursive: true, force: true });
  } else {
    rmSync(libsDir, { recursive: true, force: true });
    renameSync(partial, libsDir);
  }
  log(`[kafka] jars ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { version, libsDir, downloaded: true };
}

// CLI: `node infra/kafka/fetch-kafka.mjs` fetches (if needed) and prints the folder.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    console.log(ensureKafkaJars().libsDir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

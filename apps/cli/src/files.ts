import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliFailure } from './cli-failure';

/** An input file that must exist and be a file; `what` names it in the message, e.g. "--export". */
export function requireInputFile(file: string, what: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new CliFailure(`${what} ${file} does not exist: check the path.`);
  if (!stat.isFile()) throw new CliFailure(`${what} ${file} is not a file: give the path of a file.`);
  return file;
}

/** An output file whose folder exists; the answer is written next to it as FILE.partial first. */
export function requireOutputFile(file: string): string {
  const folder = dirname(resolve(file));
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new CliFailure(`--out ${file}: the folder ${folder} does not exist; create it first.`);
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
    throw new CliFailure(`--out ${file} is a folder: give the path of a file to write.`);
  return file;
}

export const partialOf = (file: string): string => `${file}.partial`;

/** The partial file becomes FILE only once it is whole. */
export function commitPartial(file: string): void {
  renameSync(partialOf(file), file);
}

/** A failed command leaves nothing half-written. */
export function discardPartial(file: string): void {
  if (existsSync(partialOf(file))) rmSync(partialOf(file), { force: true });
}

/** Writes FILE through FILE.partial, so a reader never sees half of it. */
export function saveWhole(file: string, content: string): void {
  try {
    writeFileSync(partialOf(file), content, { mode: 0o644 });
    commitPartial(file);
  } catch (error) {
    discardPartial(file);
    throw new CliFailure(`Could not write ${file}: ${(error as Error).message}`);
  }
}

import type { CliIo } from '../output';

/** A CliIo that keeps what a command printed, with no terminal (so no progress bar). */
export function capturedIo(): CliIo & { readonly stdout: () => string; readonly stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** test/support/oidc-provider-process.mjs as a child process: a real OpenID provider on loopback. */
export class IdentityProviderProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
  ) {}

  static async start(): Promise<IdentityProviderProcess> {
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider-process.mjs')], {
      env: { ...process.env, AUDIENCE: 'export-licensing' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const issuer = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`The identity provider exited with ${code}:\n${output}`)));
    });
    return new IdentityProviderProcess(child, issuer);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

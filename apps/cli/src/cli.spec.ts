import { runCli } from './cli';
import { capturedIo } from './testing/captured-io';

async function cli(...args: string[]) {
  const io = capturedIo();
  const code = await runCli(args, {}, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('the CLI', () => {
  it.each([['--help'], ['audit', '--help'], ['audit', 'help']])('%s prints the usage: exit 0', async (...args) => {
    const { code, out, err } = await cli(...args);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('Usage: npm run cli -- audit <command> [options]');
    for (const command of ['export', 'verify', 'tree-head', 'public-key', 'replay', 'what-if'])
      expect(out).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
  });

  it.each(['export', 'verify', 'tree-head', 'public-key', 'replay', 'what-if'])(
    'audit %s --help prints its options: exit 0',
    async (command) => {
      const { code, out } = await cli('audit', command, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: npm run cli -- audit ${command} `));
      expect(out).toContain('Exit codes: 0');
    },
  );

  it.each([
    [[], /^Name a command group: audit, ops\.\nRun npm run cli -- --help for the options\.$/],
    [['audits'], /^'audits' is not a command group; try audit or ops\./],
    [
      ['audit'],
      /^Name an audit command: export, verify, tree-head, public-key, replay, what-if\.\nRun npm run cli -- audit --help/,
    ],
    [['audit', 'verfy'], /^'verfy' is not an audit command; they are export, verify/],
    [['audit', 'replay'], /^--application is required: the application whose decision to replay\./],
    [['audit', 'replay', '--application'], /^Option '--application <value>' argument missing/],
    [
      ['audit', 'tree-head', '--out', 'x.json', '--url', 'ftp://host', '--token', 't'],
      /^--url 'ftp:\/\/host' is not an http\(s\) URL/,
    ],
  ])('%j is a usage error: exit 2', async (args, message) => {
    const { code, out, err } = await cli(...args);
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(message);
  });
});

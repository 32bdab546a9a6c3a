import { usesLocalIssuer } from '@licensing/identity';
import { loadConfig } from './config';
import { startService } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const { url, logger } = await startService(config);
  // Whatever LOG_LEVEL says: supervisors and scripts wait for this line (`listening on <url> `).
  const banner = logger.child({}, { level: 'info' });
  banner.info(`Export-license service listening on ${url} (data in ${config.DATA_DIR}/)`);
  banner.info(
    usesLocalIssuer(config)
      ? 'Callers send bearer tokens of the local issuer: npm run token -- --help'
      : `Callers send bearer tokens of ${config.AUTH_ISSUER ?? '(no issuer)'}, audience ${config.AUTH_AUDIENCE}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

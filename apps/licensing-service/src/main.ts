import { loadConfig } from './config';
import { startService } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const { url } = await startService(config);
  console.log(`Export-license service listening on ${url} (data in ${config.DATA_DIR}/)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

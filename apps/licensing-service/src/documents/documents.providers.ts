import type { Provider } from '@nestjs/common';
import { DOCUMENT_CONTENT } from '@licensing/workflow';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';
import { FileDocumentContentStore } from './file-document-content-store';

/** Document bytes live in `DATA_DIR/documents`, beside the event store they are named from. */
export function documentProviders(config: Pick<ServiceConfig, 'DATA_DIR'>): Provider[] {
  return [{ provide: DOCUMENT_CONTENT, useValue: new FileDocumentContentStore(join(config.DATA_DIR, 'documents')) }];
}

import type { Provider } from '@nestjs/common';
import { DecisionAudit, type LogProofs } from '@licensing/audit';
import type { EventStore } from '@licensing/event-store';
import { DocumentStore, RuleHistoryQuery } from '@licensing/projections';
import { EVENT_STORE } from '../infrastructure/tokens';
import { LOG_PROOFS } from './log-proofs.token';

/** The decision audit over the event store, proving with LOG_PROOFS, reading every measure the rule history knows. */
export const decisionAuditProvider: Provider = {
  provide: DecisionAudit,
  useFactory: (store: EventStore, proofs: LogProofs, documents: DocumentStore) => {
    const rules = new RuleHistoryQuery(documents);
    return new DecisionAudit(store, proofs, () => rules.measureIds());
  },
  inject: [EVENT_STORE, LOG_PROOFS, DocumentStore],
};

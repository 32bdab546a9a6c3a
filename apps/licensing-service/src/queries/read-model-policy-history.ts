import type { RecordedPolicyEvent } from '@licensing/domain';
import { type DocumentStore, type ProjectionRunner, RuleHistoryQuery } from '@licensing/projections';
import type { PolicyHistory } from '@licensing/workflow';

/**
 * The policy log from the rule-history read model, caught up with the store
 * first, so a decision sees every policy event committed before it.
 */
export class ReadModelPolicyHistory implements PolicyHistory {
  private readonly rules: RuleHistoryQuery;

  constructor(
    private readonly projections: ProjectionRunner,
    documents: DocumentStore,
  ) {
    this.rules = new RuleHistoryQuery(documents);
  }

  async policyEventsKnownAt(): Promise<RecordedPolicyEvent[]> {
    await this.projections.catchUp();
    // policySnapshot() keeps only what was recorded by knownAt.
    return this.rules.policyEvents();
  }
}

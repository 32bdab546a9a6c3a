/*
 * The answers of the ops API as JSON on the wire (the service's
 * response-schemas.ts, rebuild-schemas.ts and parked-event-schemas.ts
 * describe every field); only what the pages show is typed.
 */

export interface ReadModelStatus {
  readonly name: string;
  readonly version: number;
  /** `$all` position of the last event applied; null: none yet. */
  readonly position: string | null;
  readonly caughtUp: boolean;
  readonly lastError: string | null;
}

export type RelayStatus =
  | { readonly enabled: false; readonly hint: string }
  | {
      readonly enabled: true;
      readonly state: string;
      readonly relayName: string;
      readonly publishedPosition: string | null;
      readonly lagEvents: number;
      readonly lagExact: boolean;
      readonly lastError: string | null;
    };

export interface Consumers {
  readonly readModels: readonly ReadModelStatus[];
  readonly relay: RelayStatus;
}

/** GET /health/ready's read-model part: how many events each read model has still to apply. */
export interface Readiness {
  readonly details: {
    readonly readModels: {
      readonly models: Record<string, { readonly lagEvents: number; readonly lagExact: boolean }>;
    };
  };
}

export interface ReadModelRebuild {
  readonly name: string;
  readonly doneEvents: number;
  readonly totalEvents: number;
  readonly swapped: boolean;
}

export interface Rebuild {
  readonly id: string;
  readonly readModels: readonly ReadModelRebuild[];
  readonly state: 'running' | 'completed' | 'failed';
  readonly doneEvents: number;
  readonly totalEvents: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

export type ParkedState = 'parked' | 'resolved' | 'skipped';

export interface ParkedEvent {
  readonly id: string;
  readonly where: string;
  readonly kind: 'read_model' | 'relay';
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly eventType: string;
  readonly error: string;
  readonly attempts: number;
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly state: ParkedState;
  readonly decidedAt: string | null;
}

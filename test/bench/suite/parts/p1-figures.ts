/** P1's figures: the ceilings, this store judged against them, this store beside Emmett. */
import type { Figure } from '../figures';
import type { AppendLoad } from './p1-append-load';
import { EMMETT_VERSION } from './p1-emmett-peer';

const latencyDetails = (load: AppendLoad) => ({
  p50Ms: load.p50Ms,
  p99Ms: load.p99Ms,
  cpuUsPerAppend: load.cpuUsPerAppend,
  errors: load.errors,
});

const writersLabel = (writers: number) => `${writers} writer${writers === 1 ? '' : 's'}`;

export function ceilingFigure(id: string, what: string, load: AppendLoad): Figure {
  return { id, what, value: load.perSecond, unit: 'rows/s', better: 'higher', details: latencyDetails(load) };
}

export function storeFigure(
  load: AppendLoad,
  appendsPerCommit: number,
  single: AppendLoad,
  hundred: AppendLoad,
  prefilled: number,
): Figure {
  const singleCommit = { what: 'raw better-sqlite3, one INSERT per transaction', value: single.perSecond };
  const hundredRows = { what: 'raw better-sqlite3, 100-row transactions', value: hundred.perSecond };
  // The goals: one writer near a single commit's rate; many writers, batched, near 100-row transactions.
  const judged =
    load.writers === 1
      ? { reference: singleCommit, goal: { ratio: 0.9 } }
      : { reference: hundredRows, ...(load.writers === 64 ? { goal: { ratio: 0.5 } } : {}) };
  return {
    id: `P1.append.${load.writers}-writer${load.writers === 1 ? '' : 's'}`,
    what: `Durable appends, ${writersLabel(load.writers)}, one event each, exact expected revision`,
    value: load.perSecond,
    unit: 'appends/s',
    better: 'higher',
    ...judged,
    details: { ...latencyDetails(load), appendsPerCommit, prefilledEvents: prefilled },
  };
}

export function peerFigure(load: AppendLoad, peer: AppendLoad | string, peerPrefilled: number): Figure {
  const figure: Figure = {
    id: `P1.versus-emmett.${load.writers}-writer${load.writers === 1 ? '' : 's'}`,
    what: `This store against Emmett ${EMMETT_VERSION}'s SQLite store, ${writersLabel(load.writers)}`,
    value: load.perSecond,
    unit: 'appends/s',
    better: 'higher',
  };
  if (typeof peer === 'string') return { ...figure, details: { emmett: peer } };
  return {
    ...figure,
    reference: { what: `Emmett ${EMMETT_VERSION} (sqlite3), same load`, value: peer.perSecond },
    details: {
      // Latencies and CPU per append only when some append succeeded.
      ...(peer.appends > 0
        ? { emmettP50Ms: peer.p50Ms, emmettP99Ms: peer.p99Ms, emmettCpuUsPerAppend: peer.cpuUsPerAppend }
        : {}),
      emmettErrors: peer.errors,
      emmettPrefilledEvents: peerPrefilled,
      ...(peer.errors > 0 ? { emmettErrorKinds: peer.errorKinds } : {}),
    },
  };
}

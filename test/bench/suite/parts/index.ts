import type { BenchPart } from '../figures';
import { p1Store } from './p1-store';
import { p2Http } from './p2-http';
import { p3Rebuild } from './p3-rebuild';
import { p4Relay } from './p4-relay';
import { p5Audit } from './p5-audit';
import { p6Memory } from './p6-memory';

/** Every part of `npm run bench`, in the order they run (the P1–P6). */
export const BENCH_PARTS: readonly BenchPart[] = [p1Store, p2Http, p3Rebuild, p4Relay, p5Audit, p6Memory];

/**
 * Exhaustiveness check for switches over unions. Local on purpose: a
 * downstream service depends on @licensing/contracts alone, never on our domain.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

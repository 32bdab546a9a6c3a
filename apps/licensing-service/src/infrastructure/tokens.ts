/** Injection tokens for the ports the service composes. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_DATABASE = Symbol('READ_DATABASE');
export const IDEMPOTENCY_DATABASE = Symbol('IDEMPOTENCY_DATABASE');

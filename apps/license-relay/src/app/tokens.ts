export const RELAY_CONFIG = Symbol('RELAY_CONFIG');
export const RELAY_EVENT_STORE = Symbol('RELAY_EVENT_STORE');
export const RELAY_CHECKPOINTS = Symbol('RELAY_CHECKPOINTS');
export const LICENSE_RELAY = Symbol('LICENSE_RELAY');

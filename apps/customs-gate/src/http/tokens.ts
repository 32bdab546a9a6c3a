export const GATE_CONFIG = Symbol('GATE_CONFIG');
export const GATE_CLOCK = Symbol('GATE_CLOCK');
/** The consumer group of this running gate: the configured prefix plus an instance id. */
export const GATE_GROUP = Symbol('GATE_GROUP');

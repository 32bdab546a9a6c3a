/**
 * The role names as plain values, apart from their zod schemas
 * (./metadata): the permission table is read by the browser console's
 * navigation on every first load, which should not have to load zod for it.
 */
export const ROLE_NAMES = [
  'exporter',
  'licensing_officer',
  'reviewer',
  'policy_officer',
  'auditor',
  'ops',
  'system',
] as const;

/** The roles a person (an identity provider's token) may hold: all but the service's own `system`. */
export const PERSON_ROLE_NAMES = ROLE_NAMES.filter(
  (role): role is Exclude<(typeof ROLE_NAMES)[number], 'system'> => role !== 'system',
);

/** Whether a token's claim names a role a person may hold (PersonRole's check, without zod). */
export function isPersonRoleName(value: unknown): value is (typeof PERSON_ROLE_NAMES)[number] {
  return (PERSON_ROLE_NAMES as readonly unknown[]).includes(value);
}

import type { z } from 'zod';

/**
 * An app's settings from the environment, read once at start through the
 * app's zod schema. Anything wrong stops the start with one error that
 * lists every bad variable at once (not the first only), each with what it
 * accepts, so one edit of the deployment fixes them all:
 *
 *   Invalid licensing-service configuration:
 *     PORT: Invalid input: expected number, received NaN
 *     EVENT_STORE: Invalid option: expected one of "sqlite"|"eventstoredb"
 *
 * Values are not echoed: a connection string may carry a password.
 */
export function loadSettings<S extends z.ZodType>(
  appName: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid ${appName} configuration:\n${settingProblems(parsed.error.issues)}`);
  return parsed.data;
}

/** One line per issue: the variable (and item, e.g. `KAFKA_BROKERS.0`) and the schema's message. */
function settingProblems(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  ${issue.path.map(String).join('.') || '(settings)'}: ${issue.message}`).join('\n');
}

import { Decider, fold } from '../shared/decider';
import { DomainError } from '../shared/errors';

/**
 * Given/When/Then for deciders, in the spirit of Emmett's
 * DeciderSpecification:
 *
 *   spec.given([...events]).when(command).then([...expected])
 *   spec.given([...events]).when(command).thenThrows('license.quantity_exceeded')
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, fold(decider, history));
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            /** Asserts the refusal's stable code and, optionally, part of its message. */
            thenThrows(code: string, messageIncludes?: string | RegExp): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              const error = thrown as DomainError;
              expect(error.code).toBe(code);
              if (messageIncludes !== undefined) expect(error.message).toMatch(messageIncludes);
            },
          };
        },
      };
    },
  };
}

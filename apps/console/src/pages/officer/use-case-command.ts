import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** What a command answers (README, "The API": answers). */
export interface CommandOutcome {
  readonly id: string;
  readonly revision: string | null;
  readonly events: readonly { id: string; type: string; revision: string }[];
}

/**
 * One command on a case. `revision` is the stream revision the reader saw:
 * sent as If-Match, so acting on a page someone else has changed since is a
 * 409 problem rather than a decision on stale facts. Every case view is read
 * again afterwards (the API answers once its read models show the command).
 */
export function useCaseCommand<Body extends object>(path: string, revision?: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      api<CommandOutcome>(path, {
        method: 'POST',
        body,
        headers: revision === undefined ? {} : { 'If-Match': `"${revision}"` },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

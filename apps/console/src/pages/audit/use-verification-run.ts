import { useCallback, useEffect, useRef, useState } from 'react';
import { linesOf, streamedText } from '../../api/streamed-response';
import type { VerificationLine, VerificationProgress, VerificationReport } from './audit-types';

export type VerificationRun =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: VerificationProgress | null }
  | { readonly phase: 'done'; readonly report: VerificationReport }
  | { readonly phase: 'error'; readonly message: string };

/**
 * One verification of the whole store by the service (GET /audit/verify):
 * its NDJSON `progress` lines as they come, then the `report`. A body that
 * ends without its report was cut short, which is an error, never a pass.
 */
export function useVerificationRun(cutShortMessage: string) {
  const [run, setRun] = useState<VerificationRun>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const start = useCallback(async () => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRun({ phase: 'running', progress: null });
    try {
      const stream = streamedText('/audit/verify', {
        headers: { Accept: 'application/x-ndjson' },
        signal: controller.signal,
      });
      for await (const line of linesOf(stream)) {
        if (line.trim() === '') continue;
        const parsed = JSON.parse(line) as VerificationLine;
        if (parsed.kind === 'report') {
          setRun({ phase: 'done', report: parsed });
          return;
        }
        setRun({ phase: 'running', progress: parsed });
      }
      setRun({ phase: 'error', message: cutShortMessage });
    } catch (error) {
      if (!controller.signal.aborted) setRun({ phase: 'error', message: (error as Error).message });
    }
  }, [cutShortMessage]);

  return { run, start };
}

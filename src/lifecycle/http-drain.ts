/**
 * Clean stops (src/lifecycle): how a process ends without dropping work. A stop closes the
 * listening socket, lets the requests already in flight finish within a grace period, answers
 * them with `connection: close` so keep-alive clients reconnect elsewhere, closes idle
 * connections at once and cuts the rest only when the grace runs out. `stop-signals.ts` turns
 * SIGTERM/SIGINT into such a stop and an exit code; the server's other parts (worker,
 * database) are closed by the app after the drain.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface HttpDrain {
  /** Requests whose responses have not finished yet. */
  readonly inFlight: number;
  /**
   * Stops accepting, waits for in-flight requests up to `graceMs`, then cuts what is left.
   * Resolves with how many requests were cut (0 when everything finished). Idempotent.
   */
  drain(graceMs: number): Promise<{ cut: number }>;
}

export function trackHttpDrain(server: Server): HttpDrain {
  const active = new Set<ServerResponse>();
  let stopping = false;
  let drained: Promise<{ cut: number }> | undefined;

  // Runs before the router's handler, so even a response it writes at once says `close`.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (stopping) res.shouldKeepAlive = false;
    active.add(res);
    res.once('close', () => active.delete(res));
  });

  return {
    get inFlight() {
      return active.size;
    },
    drain(graceMs) {
      drained ??= (async () => {
        stopping = true;
        for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let cut = 0;
        const timer = setTimeout(() => {
          cut = active.size;
          server.closeAllConnections();
        }, graceMs);
        // Responses finishing on connections that were keep-alive: close those sockets too.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        try {
          await closed;
        } finally {
          clearTimeout(timer);
          clearInterval(sweep);
        }
        return { cut };
      })();
      return drained;
    },
  };
}

/**
 * Availability: how ispgraph behaves while its database is away (PostgreSQL restarting, the
 * network to it cut). A failure of that kind is not a fault of the request: every surface
 * answers it in its own "service unavailable" shape with HTTP 503 and Retry-After, logs it once
 * with the request id, and leaks nothing of the statement; /healthz answers 503; the job worker
 * backs off. The classification (`isDatabaseUnavailable`) and the shared reply live here; each
 * surface's one error mapping uses them.
 */
export { isDatabaseUnavailable } from './database-unavailable';
export { UNAVAILABLE_MESSAGE, RETRY_AFTER_HEADER, RETRY_AFTER_SECONDS, logUnavailable } from './reply';

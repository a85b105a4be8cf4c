/**
 * Process supervision: `WORKERS=N` runs N server processes under a node:cluster primary that
 * restarts any that die (see supervisor.ts). `supervising(config)` tells main.ts whether this
 * process is that primary.
 */
import cluster from 'node:cluster';
import type { Config } from '../config';

export { runSupervisor } from './supervisor';

export function supervising(config: Config): boolean {
  return (config.workers ?? 1) > 1 && cluster.isPrimary;
}

/**
 * The Jaze ISP manager API v1: its 41 documented endpoints (E1–E41), declared in the same
 * catalogue form as the SIMPLer operations, so they share argument validation and docs.
 */
import type { LegacyOperation } from '../catalog/operation';
import { jazeLocationCollectionOperations } from './operations/locations-collections';
import { jazeNetworkMessageOperations } from './operations/network-messages';
import { jazeUserOperations } from './operations/users';

export const JAZE_OPERATIONS: readonly LegacyOperation[] = [...jazeUserOperations, ...jazeLocationCollectionOperations, ...jazeNetworkMessageOperations];

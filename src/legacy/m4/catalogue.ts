/**
 * The Kolmisoft M4 dialect's operations, in the shared catalogue form: user_details_raw_get,
 * the one operation the M4 document (shared/spec/003_…) describes.
 */
import type { LegacyOperation } from '../catalog/operation';
import { m4Operations } from './operations';

export const M4_OPERATIONS: readonly LegacyOperation[] = [...m4Operations];

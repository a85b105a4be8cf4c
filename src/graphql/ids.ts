/** Reading global ids out of arguments and inputs, with errors that name the field at fault. */
import { DomainError } from '../shared/errors';
import { fromGlobalId } from './global-id';

/** The numeric id inside a global id of the expected type. */
export function idOf(globalId: string, type: string, field: string[]): number {
  const parsed = fromGlobalId(globalId);
  if (!parsed || parsed.type !== type) {
    throw new DomainError('INVALID', `${field.join('.')} is not a ${type} id`, [{ field, message: `not a ${type} id`, code: 'INVALID' }]);
  }
  return parsed.id;
}

/** Like idOf, keeping undefined (unchanged) and null (clear) as they are. */
export function optionalIdOf(globalId: string | null | undefined, type: string, field: string[]): number | null | undefined {
  if (globalId === undefined || globalId === null) return globalId;
  return idOf(globalId, type, field);
}

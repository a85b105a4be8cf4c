/**
 * The FreeRADIUS attribute operators as a GraphQL enum: the names say what each does, the
 * values are the operators themselves (radius-op.ts is the list the tables allow).
 */
import { registerEnumType } from 'type-graphql';
import type { RadiusOperator as StoredOperator } from './radius-op';

export enum RadiusOperator {
  ADD = '=',
  SET = ':=',
  EQUAL = '==',
  APPEND = '+=',
  NOT_EQUAL = '!=',
  GREATER = '>',
  GREATER_OR_EQUAL = '>=',
  LESS = '<',
  LESS_OR_EQUAL = '<=',
  MATCHES = '=~',
  NOT_MATCHES = '!~',
  PRESENT = '=*',
  ABSENT = '!*',
}

// Fails to compile when radius-op.ts gains an operator this enum lacks.
type Missing = Exclude<StoredOperator, `${RadiusOperator}`>;
export const everyOperatorNamed: [Missing] extends [never] ? true : never = true;

registerEnumType(RadiusOperator, {
  name: 'RadiusOperator',
  description: 'How a RADIUS attribute is compared (check items) or given (reply items), as FreeRADIUS operators.',
  valuesConfig: {
    ADD: { description: '`=`: give the attribute unless the reply already has it.' },
    SET: { description: '`:=`: always set the attribute, replacing any value.' },
    EQUAL: { description: '`==`: the request must carry exactly this value.' },
    APPEND: { description: '`+=`: add the attribute, even when it is already there.' },
    NOT_EQUAL: { description: '`!=`: the request must not carry this value.' },
    GREATER: { description: '`>`: the request value must be greater.' },
    GREATER_OR_EQUAL: { description: '`>=`: the request value must be at least this.' },
    LESS: { description: '`<`: the request value must be less.' },
    LESS_OR_EQUAL: { description: '`<=`: the request value must be at most this.' },
    MATCHES: { description: '`=~`: the request value must match this regular expression.' },
    NOT_MATCHES: { description: '`!~`: the request value must not match this regular expression.' },
    PRESENT: { description: '`=*`: the request must carry the attribute, whatever its value.' },
    ABSENT: { description: '`!*`: the request must not carry the attribute.' },
  },
});

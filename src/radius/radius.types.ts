/**
 * The GraphQL shape of RADIUS logins and accounting sessions. A login's password is stored in
 * clear for PAP/CHAP but never served: `hasPassword` says whether one is set.
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LEGACY_ID_DESCRIPTION, Node, NumberedNode } from '../graphql/node';
import { BigIntScalar, DateTimeScalar, DecimalScalar, IPScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { UPDATED_FROM_DESCRIPTION, UPDATED_TO_DESCRIPTION } from '../sync/updated-range';

@ObjectType('RadiusAccount', { implements: Node, description: "A customer's RADIUS login (SIMPLer RADIUS details)." })
export class RadiusAccount extends NumberedNode {
  @Field(() => String, { description: 'Unique across every operator.' }) username!: string;
  @Field(() => Boolean, { description: 'Whether a password is set (it is never returned).' }) hasPassword!: boolean;
  @Field(() => Int, { nullable: true, description: "Order among the customer's logins." }) priority!: number | null;
  @Field(() => Boolean, { description: 'Whether the login keeps its RADIUS group when groups are re-derived from subscriptions.' }) excludeFromAutoGroupFromBucket!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the login was recorded.' }) createdAt!: Date;

  customerId!: number;
}

@ObjectType('RadiusSession', {
  implements: Node,
  description: 'One RADIUS accounting session (FreeRADIUS radacct).',
})
export class RadiusSession extends Node {
  @Field(() => BigIntScalar, { description: `${LEGACY_ID_DESCRIPTION} Sessions are numbered in 64 bits, so it is a decimal string (a BigInt).` })
  legacyId!: string;
  @Field(() => String, { description: 'Acct-Session-Id.' }) sessionId!: string;
  @Field(() => String, { nullable: true, description: 'The RADIUS username of the session.' }) username!: string | null;
  @Field(() => String, { nullable: true, description: 'The realm part of the login, if any.' }) realm!: string | null;
  @Field(() => IPScalar, { description: 'The NAS (gateway) that reported the session.' }) nasIpAddress!: string;
  @Field(() => String, { nullable: true, description: 'NAS-Port-Id: the port of the NAS the session came in on.' }) nasPortId!: string | null;
  @Field(() => String, { nullable: true, description: 'NAS-Port-Type, e.g. Ethernet or Wireless-802.11.' }) nasPortType!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'Framed-IP-Address: the IPv4 address the user was given.' }) framedIpAddress!: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'Framed-IPv6-Address.' }) framedIpv6Address!: string | null;
  @Field(() => String, { nullable: true, description: 'Framed-IPv6-Prefix, e.g. "2001:db8:1::/64".' }) framedIpv6Prefix!: string | null;
  @Field(() => String, { nullable: true, description: 'Delegated-IPv6-Prefix (DHCPv6 prefix delegation), e.g. "2001:db8:100::/56".' }) delegatedIpv6Prefix!: string | null;
  @Field(() => String, { nullable: true, description: 'Framed-Interface-Id (the IPv6 interface identifier).' }) framedInterfaceId!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the session started.' }) startTime!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last interim update.' }) updateTime!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while the session is open.' }) stopTime!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Length in seconds, as the NAS last reported it.' }) sessionTime!: number | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Bytes received from the user (a whole number; may exceed 2^31).' }) inputOctets!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Bytes sent to the user (a whole number; may exceed 2^31).' }) outputOctets!: string | null;
  @Field(() => String, { nullable: true, description: 'Acct-Terminate-Cause: why the session ended; null while it is open.' }) terminateCause!: string | null;
  @Field(() => String, { nullable: true, description: "The user's device, usually its MAC." }) callingStationId!: string | null;
  @Field(() => String, { nullable: true, description: 'Called-Station-Id: the NAS side, usually its MAC or SSID.' }) calledStationId!: string | null;
  @Field(() => Boolean, { description: 'The session is open (no stop time yet).' }) online!: boolean;

  customerId!: number | null;
}

@InputType({ description: 'Conditions on the RADIUS session objects to list; all given ones must hold.' })
export class RadiusSessionFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only this customer\'s sessions.' }) customerId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact RADIUS username.' }) username?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only sessions still open.' }) onlineOnly?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only sessions started at or after this moment.' }) startedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only sessions started at or before this moment.' }) startedTo?: Date | null;
  @Field(() => IPScalar, { nullable: true, description: 'The address the session was given (Framed-IP-Address).' }) framedIpAddress?: string | null;
  @Field(() => IPScalar, { nullable: true, description: 'The NAS that reported the session (NAS-IP-Address).' }) nasIpAddress?: string | null;
  @Field(() => String, { nullable: true, description: "The NAS by name: a RADIUS client's short name or a gateway's name, any case." }) nasName?: string | null;
  @Field(() => String, { nullable: true, description: 'The user\'s device (Calling-Station-Id): a MAC in any notation, or the exact text the NAS sent.' }) callingStationId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: `${UPDATED_FROM_DESCRIPTION} An open session changes with every interim update.` }) updatedFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: UPDATED_TO_DESCRIPTION }) updatedTo?: Date | null;
}

export enum RadiusSessionOrderField {
  ID = 'ID',
  START_TIME = 'START_TIME',
  STOP_TIME = 'STOP_TIME',
  UPDATE_TIME = 'UPDATE_TIME',
  SESSION_TIME = 'SESSION_TIME',
  INPUT_OCTETS = 'INPUT_OCTETS',
  OUTPUT_OCTETS = 'OUTPUT_OCTETS',
}
registerEnumType(RadiusSessionOrderField, {
  name: 'RadiusSessionOrderField',
  description: 'What sessions can be ordered by. Every field but ID may be null; sessions without a value come after all others ascending, and first descending.',
  valuesConfig: {
    ID: { description: 'The order they were recorded in (radacctid), which follows start order.' },
    START_TIME: { description: 'When the session started.' },
    STOP_TIME: { description: 'When the session stopped; open sessions have none.' },
    UPDATE_TIME: { description: 'When the NAS last reported on the session (interim update).' },
    SESSION_TIME: { description: 'The length of the session: descending lists the longest first.' },
    INPUT_OCTETS: { description: 'Bytes received from the user (uploaded).' },
    OUTPUT_OCTETS: { description: 'Bytes sent to the user (downloaded): descending lists the heaviest first.' },
  },
});

@InputType({ description: 'How to sort a list of RADIUS session objects.' })
export class RadiusSessionOrder {
  @Field(() => RadiusSessionOrderField, { description: 'What to order by.' }) field!: RadiusSessionOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'Ascending or descending.' }) direction?: SortDirection;
}

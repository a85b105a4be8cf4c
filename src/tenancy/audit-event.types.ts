/** The GraphQL shape of the audit trail: one entry per write, its credential, and its filters. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node, NumberedNode } from '../graphql/node';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';
import { SortDirection } from '../graphql/sort-direction';
import { StaffUser } from './staff-user.types';

export enum AuditSurface {
  GRAPHQL = 'graphql',
  SOAP = 'soap',
  REST = 'rest',
  JAZE = 'jaze',
  CRM = 'crm',
  M4 = 'm4',
  CLI = 'cli',
  SEED = 'seed',
  WORKER = 'worker',
}
registerEnumType(AuditSurface, {
  name: 'AuditSurface',
  description: 'Where a write came from: GraphQL, SIMPLer SOAP or REST, Jaze, the CRM API, M4, the command line, the demo seed or the job worker.',
  valuesConfig: {
    WORKER: { description: 'The background job worker.' },
    SEED: { description: 'The demo data seed.' },
    CLI: { description: 'The command line.' },
    M4: { description: 'The Kolmisoft M4 API.' },
    CRM: { description: 'The ISP CRM API.' },
    JAZE: { description: 'The Jaze API.' },
    REST: { description: 'The SIMPLer REST API.' },
    SOAP: { description: 'The SIMPLer SOAP API.' },
    GRAPHQL: { description: 'This GraphQL API.' },
  },
});

export enum AuditCredentialKind {
  API_TOKEN = 'api_token',
  API_CREDENTIAL = 'api_credential',
  M4_SECRET = 'm4_secret',
}
registerEnumType(AuditCredentialKind, {
  name: 'AuditCredentialKind',
  description: 'API_TOKEN a bearer token (GraphQL, Jaze); API_CREDENTIAL a SIMPLer api_username/api_password or a CRM userid/api_key; M4_SECRET the operator’s M4 API secret.',
  valuesConfig: {
    M4_SECRET: { description: 'The operator\'s M4 API secret.' },
    API_CREDENTIAL: { description: 'A SIMPLer api_username/api_password or a CRM userid/api_key.' },
    API_TOKEN: { description: 'A bearer token (GraphQL, Jaze).' },
  },
});

@ObjectType('AuditCredential', { description: 'The credential a write authenticated with: what it is and what it is called, never its secret.' })
export class AuditCredential {
  @Field(() => AuditCredentialKind, { description: 'What kind of credential it is.' }) kind!: AuditCredentialKind;
  @Field(() => Int, { description: 'Its number (an API token id, an API credential id, or for M4 the operator id).' }) legacyId!: number;
  @Field(() => String, { nullable: true, description: "A token's label, a SIMPLer api_username, a CRM userid; null once the credential is deleted." }) label!: string | null;
}

@ObjectType('AuditEvent', { implements: Node, description: 'One write to the operator’s data: who, through which surface and credential, what changed.' })
export class AuditEvent extends NumberedNode {
  @Field(() => DateTimeScalar, { description: 'When the write happened.' }) createdAt!: Date;
  @Field(() => AuditSurface, { description: 'Which API or tool the write came through.' }) surface!: AuditSurface;
  @Field(() => String, { description: 'What was done, e.g. `customer.create`, `invoice.pay`.' }) action!: string;
  @Field(() => String, { description: 'The kind of object changed, e.g. `customer`, `invoice`.' }) entityType!: string;
  @Field(() => ID, { nullable: true, description: 'The global id of the object changed, when its kind is a Node.' }) entityId!: string | null;
  @Field(() => Int, { nullable: true, description: 'The number of the object changed (as the legacy APIs use it).' }) entityLegacyId!: number | null;
  @Field(() => StaffUser, { nullable: true, description: 'Who acted; null for the seed and the worker acting on their own.' }) staffUser!: StaffUser | null;
  @Field(() => AuditCredential, { nullable: true, description: 'The credential the call authenticated with; null for the seed, the worker and the CLI.' }) credential!: AuditCredential | null;
  @Field(() => [String], { description: 'Names of the fields the write set.' }) changedFields!: string[];
  @Field(() => JSONScalar, { nullable: true, description: 'The fields set and their new values; secrets are never recorded (shown as "[redacted]").' }) changes!: unknown;
  @Field(() => String, { nullable: true, description: 'The request id (the X-Request-Id reply header) of the call that wrote it.' }) requestId!: string | null;
}

@InputType({ description: 'Which audit entries to list; every condition given must hold.' })
export class AuditEventFilterInput {
  @Field(() => ID, { nullable: true, description: 'Entries written by this staff user.' }) actor?: string | null;
  @Field(() => AuditSurface, { nullable: true, description: 'Only entries written through this surface.' }) surface?: AuditSurface | null;
  @Field(() => String, { nullable: true, description: 'Exactly this action, e.g. `customer.update`.' }) action?: string | null;
  @Field(() => String, { nullable: true, description: 'Entries about this kind of object, e.g. `customer`.' }) entityType?: string | null;
  @Field(() => ID, { nullable: true, description: 'Entries about this object (a global id; implies its entityType).' }) entityId?: string | null;
  @Field(() => Int, { nullable: true, description: 'Entries about the object with this number (with entityType, for kinds that are not Nodes).' }) entityLegacyId?: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Written at or after this moment.' }) since?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Written before this moment.' }) until?: Date | null;
}

export enum AuditEventOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AuditEventOrderField, {
  name: 'AuditEventOrderField',
  description: 'What audit entries can be ordered by; ties in the order they were written.',
  valuesConfig: {
    ID: { description: 'The order they were written in.' },
    CREATED_AT: { description: 'When the write happened (its transaction\'s start).' },
  },
});

@InputType({ description: 'How to sort a list of audit event objects.' })
export class AuditEventOrder {
  @Field(() => AuditEventOrderField, { description: 'What to order by.' }) field!: AuditEventOrderField;
  @Field(() => SortDirection, { nullable: true, description: 'DESC when omitted (newest first).' }) direction?: SortDirection;
}

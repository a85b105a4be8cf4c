/** GraphQL adapter for the audit trail: parse the filter, call the service, format. */
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, toConnection } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/context';
import { fromGlobalId, toGlobalId } from '../graphql/global-id';
import { optionalIdOf } from '../graphql/ids';
import { asNode, isNodeType, registerNodeType } from '../graphql/node';
import { PageArgs } from '../graphql/page-args';
import { SortDirection } from '../graphql/sort-direction';
import type { CredentialRef } from '../shared/context';
import { DomainError } from '../shared/errors';
import * as auditEventService from './audit-event.service';
import { AuditCredential, AuditCredentialKind, AuditEvent, AuditEventFilterInput, AuditEventOrder, AuditEventOrderField } from './audit-event.types';
import { staffUserById, toStaffUser } from './staff-user.resolver';
import { StaffUser } from './staff-user.types';

const AuditEventConnection = ConnectionType('AuditEvent', AuditEvent);

/** `maintenance_ticket` ↔ `MaintenanceTicket`: audit entity types are the node types in snake case. */
const nodeTypeOf = (entityType: string) => entityType.replace(/(^|_)([a-z])/g, (_, _sep: string, c: string) => c.toUpperCase());
const entityTypeOf = (nodeType: string) => nodeType.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase());

type AuditEventValue = AuditEvent & { staffUserId: number | null; credentialRef: CredentialRef | null };

function toAuditEvent(row: auditEventService.AuditEventRow): AuditEventValue {
  const { operatorId: _operatorId, entityId, credential, changes, ...rest } = row;
  const nodeType = nodeTypeOf(row.entityType);
  return {
    ...(asNode('AuditEvent', rest) as unknown as AuditEvent),
    entityId: entityId != null && isNodeType(nodeType) ? toGlobalId(nodeType, entityId) : null,
    entityLegacyId: entityId,
    changes,
    changedFields: changes && typeof changes === 'object' ? Object.keys(changes) : [],
    staffUserId: row.staffUserId,
    credentialRef: auditEventService.parseCredential(credential),
  } as AuditEventValue;
}

registerNodeType('AuditEvent', async (ctx, id) => {
  const [row] = await auditEventService.findByIds(ctx, [id]);
  return row ? toAuditEvent(row) : null;
});

const credentialLabel = (ctx: GraphQLContext) =>
  ctx.loaders.get<string, string | null>('auditCredential.label', async (keys) => {
    const refs = keys.map((k) => auditEventService.parseCredential(k)!);
    const labels = await auditEventService.credentialLabels(ctx.db, ctx.actor.operatorId, refs);
    return keys.map((k) => labels.get(k) ?? null);
  });

function filterOf(input: AuditEventFilterInput | undefined): auditEventService.AuditEventFilter {
  if (!input) return {};
  let entityType = input.entityType ?? null;
  let entityId = input.entityLegacyId ?? null;
  if (input.entityId != null) {
    const parsed = fromGlobalId(input.entityId);
    const problem = !parsed
      ? 'entityId is not a global id'
      : entityType != null && entityTypeOf(parsed.type) !== entityType
        ? `entityId is a ${parsed.type} id, not one of ${entityType}`
        : entityId != null && entityId !== parsed.id
          ? 'entityId and entityLegacyId name different objects'
          : null;
    if (problem) throw new DomainError('INVALID', problem, [{ field: ['filter', 'entityId'], message: problem, code: 'INVALID' }]);
    entityType = entityTypeOf(parsed!.type);
    entityId = parsed!.id;
  }
  return {
    staffUserId: optionalIdOf(input.actor, 'StaffUser', ['filter', 'actor']),
    surface: input.surface,
    action: input.action,
    entityType,
    entityId,
    since: input.since,
    until: input.until,
  };
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventConnection, { nullable: true, description: "The operator's audit trail, newest first: one entry per write, on every surface. Needs the audit.read permission." })
  async auditEvents(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => AuditEventFilterInput, { nullable: true, description: "Only the audit event objects meeting these conditions." }) filter?: AuditEventFilterInput,
    @Arg('orderBy', () => AuditEventOrder, { nullable: true, description: 'How to sort the list; newest first when omitted.' }) orderBy?: AuditEventOrder,
  ) {
    const sort = auditEventService.auditSort(orderBy?.field ?? AuditEventOrderField.CREATED_AT, orderBy?.direction ?? SortDirection.DESC);
    const { page: result, count } = await auditEventService.list(ctx, filterOf(filter), page, sort);
    return toConnection(result, toAuditEvent, count);
  }

  @FieldResolver(() => StaffUser, { nullable: true })
  async staffUser(@Root() event: AuditEventValue, @Ctx() ctx: GraphQLContext): Promise<StaffUser | null> {
    if (event.staffUserId == null) return null;
    const row = await staffUserById(ctx).load(event.staffUserId);
    return row ? toStaffUser(row) : null;
  }

  @FieldResolver(() => AuditCredential, { nullable: true })
  async credential(@Root() event: AuditEventValue, @Ctx() ctx: GraphQLContext): Promise<AuditCredential | null> {
    const ref = event.credentialRef;
    if (!ref) return null;
    return { kind: ref.kind as AuditCredentialKind, legacyId: ref.id, label: await credentialLabel(ctx).load(`${ref.kind}:${ref.id}`) };
  }
}

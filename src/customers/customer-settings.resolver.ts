/** Customer fields that read back what the inputs write: bucket, sales hierarchy, referrer, groups, custom fields, sand settings. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { byKeys, groupByKeys } from '../graphql/loaders';
import { loadCustomer } from './customer.resolver';
import * as settings from './customer-settings.service';
import { CustomFieldType } from './customer.enums';
import { Bucket, CustomerGroup, CustomerSandSettings, CustomFieldValue, SalesPerson } from './customer-settings.types';
import { Customer } from './customer.types';

/** The foreign keys toCustomer keeps from the row (not GraphQL fields themselves). */
type CustomerKeys = Customer & {
  bucketId: number | null;
  referrerCustomerId: number | null;
  salesmanId: number | null;
  valueAddedResellerId: number | null;
  masterAgentId: number | null;
  regionalSalesManagerId: number | null;
};

const bucketById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, Bucket | null>('bucket.byId', async (ids) =>
    byKeys(ids, await settings.bucketsByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id).map((row) =>
      row ? { legacyId: row.id, name: row.name, trafficLimitGb: row.trafficLimitGb, radiusGroup: row.radiusGroup } : null,
    ),
  );

const salesPersonById = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, SalesPerson | null>('salesPerson.byId', async (ids) =>
    byKeys(ids, await settings.salesPeopleByIds(ctx.db, ctx.actor.operatorId, ids), (row) => row.id).map((row) =>
      row ? ({ legacyId: row.id, role: row.role, name: row.name, email: row.email, phone: row.phone } as SalesPerson) : null,
    ),
  );

const groupsByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, CustomerGroup[]>('customerGroups.byCustomer', async (ids) =>
    groupByKeys(ids, await settings.groupsOfCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId).map((rows) =>
      rows.map((row) => ({ legacyId: row.id, name: row.name })),
    ),
  );

const customFieldsByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, CustomFieldValue[]>('customFieldValues.byCustomer', async (ids) =>
    groupByKeys(ids, await settings.customFieldValuesOfCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId).map((rows) =>
      rows.map(({ customerId: _c, ...field }) => ({ ...field, type: field.type as CustomFieldType })),
    ),
  );

const sandByCustomer = (ctx: GraphQLContext) =>
  ctx.loaders.get<number, CustomerSandSettings | null>('sand.byCustomer', async (ids) =>
    byKeys(ids, await settings.sandOfCustomers(ctx.db, ctx.actor.operatorId, ids), (row) => row.customerId).map((row) => {
      if (!row) return null;
      const { customerId: _c, operatorId: _o, updatedAt: _u, ...fields } = row;
      return fields as unknown as CustomerSandSettings;
    }),
  );

const salesPerson = (ctx: GraphQLContext, id: number | null) => (id == null ? null : salesPersonById(ctx).load(id));

@Resolver(() => Customer)
export class CustomerSettingsResolver {
  @FieldResolver(() => Bucket, { nullable: true, description: 'The SIMPLer bucket (CustomerFieldsInput.bucketId).' })
  bucket(@Root() customer: CustomerKeys, @Ctx() ctx: GraphQLContext) {
    return customer.bucketId == null ? null : bucketById(ctx).load(customer.bucketId);
  }

  @FieldResolver(() => SalesPerson, { nullable: true, description: 'Sales person acting as salesman.' })
  salesman(@Root() customer: CustomerKeys, @Ctx() ctx: GraphQLContext) {
    return salesPerson(ctx, customer.salesmanId);
  }

  @FieldResolver(() => SalesPerson, { nullable: true, description: 'Sales person acting as value-added reseller.' })
  valueAddedReseller(@Root() customer: CustomerKeys, @Ctx() ctx: GraphQLContext) {
    return salesPerson(ctx, customer.valueAddedResellerId);
  }

  @FieldResolver(() => SalesPerson, { nullable: true, description: 'Sales person acting as master agent.' })
  masterAgent(@Root() customer: CustomerKeys, @Ctx() ctx: GraphQLContext) {
    return salesPerson(ctx, customer.masterAgentId);
  }

  @FieldResolver(() => SalesPerson, { nullable: true, description: 'Sales person acting as regional sales manager.' })
  regionalSalesManager(@Root() customer: CustomerKeys, @Ctx() ctx: GraphQLContext) {
    return salesPerson(ctx, customer.regionalSalesManagerId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer who referred this one (CustomerFieldsInput.referrerCustomerId).' })
  referrer(@Root() customer: CustomerKeys, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, customer.referrerCustomerId);
  }

  @FieldResolver(() => [CustomerGroup], { description: 'The groups the customer belongs to, by name (CustomerFieldsInput.groupIds).' })
  groups(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return groupsByCustomer(ctx).load(customer.legacyId);
  }

  @FieldResolver(() => [CustomFieldValue], { description: "Every customer custom field of the operator with this customer's value, in field order (CustomerFieldsInput.customFields)." })
  customFields(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return customFieldsByCustomer(ctx).load(customer.legacyId);
  }

  @FieldResolver(() => CustomerSandSettings, { nullable: true, description: 'Sand settings; null while the customer follows the operator defaults (CustomerFieldsInput.sand).' })
  sand(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return sandByCustomer(ctx).load(customer.legacyId);
  }
}

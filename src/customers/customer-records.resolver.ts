/**
 * GraphQL adapter for a customer's records: notes, community codes, sub-account links,
 * custom-table rows and the status list. Parse, call the service, format.
 */
import { DeleteTypes, deleteMutation } from '../graphql/delete';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { childConnection } from '../graphql/child-connection';
import { ConnectionType } from '../graphql/connection';
import { PageArgs } from '../graphql/page-args';
import { staffUserById } from '../tenancy/staff-user.resolver';
import { customerNotes } from './note.table';
import { customerSubaccounts } from './subaccount.table';
import type { GraphQLContext } from '../graphql/context';
import { idOf } from '../graphql/ids';
import { asNode, registerNodeType } from '../graphql/node';
import { mutate } from '../graphql/user-error';
import * as communityCodeService from './community-code.service';
import * as customTableService from './custom-table.service';
import * as noteService from './customer-note.service';
import * as statusService from './customer-status.service';
import * as subaccountService from './subaccount.service';
import { loadCustomer } from './customer.resolver';
import { CustomFieldType } from './customer.enums';
import { Customer } from './customer.types';
import {
  communityCodeById,
  customColumnById,
  customTableRowById,
  customTableRowsByCustomer,
  masterLinkByCustomer,
  noteById,
  subaccountLinkById,
} from './customer-records.loaders';
import {
  CommunityCode,
  CommunityCodeCreateInput,
  CommunityCodeCreatePayload,
  CommunityCodeDeleteInput,
  CommunityCodeDeletePayload,
  CommunityCodeUpdateInput,
  CommunityCodeUpdatePayload,
  CustomerNote,
  CustomerNoteCreateInput,
  CustomerNoteCreatePayload,
  CustomerNoteOrder,
  CustomerNoteUpdateInput,
  CustomerNoteUpdatePayload,
  CustomerStatus,
  CustomTable,
  CustomTableCell,
  CustomTableCellInput,
  CustomTableRow,
  CustomTableRowCreateInput,
  CustomTableRowCreatePayload,
  CustomTableRowDeleteInput,
  CustomTableRowDeletePayload,
  CustomTableRowUpdateInput,
  CustomTableRowUpdatePayload,
  SubaccountFlagsInput,
  SubaccountLink,
  SubaccountLinkCreatePayload,
  SubaccountLinkCreateInput,
  SubaccountLinkInput,
  SubaccountLinkOrder,
  SubaccountLinkUpdateInput,
  SubaccountLinkUpdatePayload,
} from './customer-records.types';

const toNote = (row: noteService.CustomerNoteRow) => asNode('CustomerNote', row) as unknown as CustomerNote;
const toCode = (row: communityCodeService.CommunityCodeRow) => asNode('CommunityCode', row) as unknown as CommunityCode;
const toLink = (row: subaccountService.SubaccountLinkRow) => asNode('SubaccountLink', row) as unknown as SubaccountLink;
function toCustomTable(t: Awaited<ReturnType<typeof customTableService.listTables>>[number]): CustomTable {
  const table = asNode('CustomTable', { id: t.tableId, name: t.name });
  return {
    ...table,
    columns: t.columns.map((c) => ({
      columnId: c.id,
      label: c.label,
      type: c.type as CustomFieldType,
      options: (c.options ?? '').split(/\r?\n/).map((o) => o.trim()).filter(Boolean),
      note: c.note,
      maxLength: c.maxLength,
      defaultValue: c.defaultValue,
      mandatory: c.mandatory,
      locked: c.locked,
    })),
  } as unknown as CustomTable;
}
/** Keeps the raw cell values beside the node; the `cells` resolver adds column labels. */
type RowNode = CustomTableRow & { cellValues: Record<number, string> };
function rowNode(row: customTableService.CustomTableRowData): RowNode {
  const node = asNode('CustomTableRow', { id: row.rowId, customerId: row.customerId, tableName: row.tableName });
  return { ...node, cellValues: row.cells } as unknown as RowNode;
}

registerNodeType('CustomerNote', async (ctx, id) => {
  const row = await noteById(ctx).load(id);
  return row ? toNote(row) : null;
});
registerNodeType('CommunityCode', async (ctx, id) => {
  const row = await communityCodeById(ctx).load(id);
  return row ? toCode(row) : null;
});
registerNodeType('SubaccountLink', async (ctx, id) => {
  const row = await subaccountLinkById(ctx).load(id);
  return row ? toLink(row) : null;
});
// An operator has a handful of custom tables: the listing is the lookup.
registerNodeType('CustomTable', async (ctx, id) => {
  const table = (await customTableService.listTables(ctx)).find((t) => t.tableId === id);
  return table ? toCustomTable(table) : null;
});
registerNodeType('CustomTableRow', async (ctx, id) => {
  const row = await customTableRowById(ctx).load(id);
  return row ? rowNode(row) : null;
});

function cellValues(cells: CustomTableCellInput[]): customTableService.CellValues {
  return Object.fromEntries(cells.map((c) => [c.columnId, c.value ?? null]));
}

function flagsOf(input: SubaccountFlagsInput): subaccountService.SubaccountFlags {
  return {
    masterDisplaySubaccountInvoices: input.masterDisplaySubaccountInvoices ?? undefined,
    masterDisplaySubaccountUsage: input.masterDisplaySubaccountUsage ?? undefined,
    subaccountDisplayMasterInvoices: input.subaccountDisplayMasterInvoices ?? undefined,
    syncCustomerStatus: input.syncCustomerStatus ?? undefined,
    syncUsageAllowance: input.syncUsageAllowance ?? undefined,
    masterAllowPortalRelogin: input.masterAllowPortalRelogin ?? undefined,
    invoiceFromMaster: input.invoiceFromMaster ?? undefined,
    invoiceFromMasterProrate: input.invoiceFromMasterProrate ?? undefined,
  };
}

function linkKey(input: { masterCustomerId: string; subCustomerId: string }): subaccountService.SubaccountKey {
  return {
    masterCustomerId: idOf(input.masterCustomerId, 'Customer', ['masterCustomerId']),
    subCustomerId: idOf(input.subCustomerId, 'Customer', ['subCustomerId']),
  };
}

const CustomerNoteConnection = ConnectionType('CustomerNote', CustomerNote);
const SubaccountLinkConnection = ConnectionType('SubaccountLink', SubaccountLink);

const CustomerNoteDelete = DeleteTypes('CustomerNote', 'customer note');
const SubaccountLinkDelete = DeleteTypes('SubaccountLink', 'sub-account link');

@Resolver(() => Customer)
export class CustomerRecordsResolver {
  @FieldResolver(() => CustomerNoteConnection, { description: 'Notes on the account, newest first unless ordered otherwise.' })
  async notes(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => CustomerNoteOrder, { nullable: true, description: 'How to sort the list; newest first when omitted.' }) orderBy?: CustomerNoteOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'customerNotes.byCustomer',
        table: customerNotes,
        idColumn: customerNotes.id,
        parentColumn: customerNotes.customerId,
        ...noteService.customerNotesQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toNote,
    );
  }

  @FieldResolver(() => CommunityCode, { nullable: true, description: 'The community code the customer is assigned; null when none.' })
  async communityCode(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    if (customer.communityCodeId == null) return null;
    const row = await communityCodeById(ctx).load(customer.communityCodeId);
    return row ? toCode(row) : null;
  }

  @FieldResolver(() => SubaccountLink, { nullable: true, description: 'The link to this customer’s master account, when it is a sub-account.' })
  async masterAccount(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    const row = await masterLinkByCustomer(ctx).load(customer.legacyId);
    return row ? toLink(row) : null;
  }

  @FieldResolver(() => SubaccountLinkConnection, { description: 'Links to this customer’s sub-accounts, in the order they were made unless ordered otherwise.' })
  async subaccounts(
    @Root() customer: Customer,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
    @Arg('orderBy', () => SubaccountLinkOrder, { nullable: true, description: 'How to sort the list; in the order they were made when omitted.' }) orderBy?: SubaccountLinkOrder,
  ) {
    return childConnection(
      ctx,
      {
        name: 'subaccountLinks.byMaster',
        table: customerSubaccounts,
        idColumn: customerSubaccounts.id,
        parentColumn: customerSubaccounts.masterCustomerId,
        ...subaccountService.customerSubaccountsQuery(ctx.actor.operatorId, orderBy?.field, orderBy?.direction),
      },
      { orderBy },
      page,
      customer.legacyId,
      toLink,
    );
  }

  @FieldResolver(() => [CustomTableRow], { description: 'Rows of the operator’s custom tables (e.g. `voip`) for this customer.' })
  async customTableRows(@Root() customer: Customer, @Ctx() ctx: GraphQLContext) {
    return (await customTableRowsByCustomer(ctx).load(customer.legacyId)).map(rowNode);
  }

  @Query(() => [CommunityCode], { description: "The operator's community codes, newest first (SIMPLer listCommunityCode)." })
  async communityCodes(@Ctx() ctx: GraphQLContext) {
    return (await communityCodeService.list(ctx)).map(toCode);
  }

  @Query(() => [CustomTable], { description: "The operator's custom tables with their column definitions." })
  async customTables(@Ctx() ctx: GraphQLContext): Promise<CustomTable[]> {
    return (await customTableService.listTables(ctx)).map(toCustomTable);
  }

  @Query(() => [CustomerStatus], { description: "The operator's customer statuses in order, with their sub-statuses." })
  async customerStatuses(@Ctx() ctx: GraphQLContext) {
    return statusService.list(ctx);
  }

  @Mutation(() => CustomerNoteCreatePayload, { description: 'Adds a note to a customer (title and text are required).' })
  async customerNoteCreate(@Arg('input', () => CustomerNoteCreateInput, { description: 'The new note.' }) input: CustomerNoteCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      return { customerNote: toNote(await noteService.add(ctx, { customerId, title: input.title, text: input.text })) };
    }, { customerNote: null });
  }

  @Mutation(() => CustomerNoteUpdatePayload, { description: "Changes a note's title or text (neither may be blank); its customer, author and date stay." })
  async customerNoteUpdate(@Arg('input', () => CustomerNoteUpdateInput, { description: 'The note to change and its new title or text.' }) input: CustomerNoteUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const { id, ...changes } = input;
      return { customerNote: toNote(await noteService.update(ctx, idOf(id, 'CustomerNote', ['id']), changes)) };
    }, { customerNote: null });
  }

  @Mutation(() => CustomerNoteDelete.Payload, { description: 'Deletes a note from a customer.' })
  async customerNoteDelete(@Arg('input', () => CustomerNoteDelete.Input, { description: 'The note to delete.' }) input: InstanceType<typeof CustomerNoteDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('CustomerNote', input, (id) => noteService.remove(ctx, id));
  }

  @Mutation(() => CommunityCodeCreatePayload, { description: 'Adds a community code; a code already in use is a CONFLICT.' })
  async communityCodeCreate(@Arg('input', () => CommunityCodeCreateInput, { description: 'The new community code.' }) input: CommunityCodeCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ communityCode: toCode(await communityCodeService.add(ctx, { code: input.code })) }), { communityCode: null });
  }

  @Mutation(() => CommunityCodeUpdatePayload, { description: 'Renames a community code; the new code must be free.' })
  async communityCodeUpdate(@Arg('input', () => CommunityCodeUpdateInput, { description: 'The community code and its new value.' }) input: CommunityCodeUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const id = idOf(input.id, 'CommunityCode', ['id']);
      return { communityCode: toCode(await communityCodeService.rename(ctx, { id }, input.code)) };
    }, { communityCode: null });
  }

  @Mutation(() => CommunityCodeDeletePayload, { description: 'Deletes a community code no customer uses.' })
  async communityCodeDelete(@Arg('input', () => CommunityCodeDeleteInput, { description: 'The community code to delete.' }) input: CommunityCodeDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      await communityCodeService.remove(ctx, { id: idOf(input.id, 'CommunityCode', ['id']) });
      return { deletedId: input.id };
    }, { deletedId: null });
  }

  @Mutation(() => SubaccountLinkCreatePayload, { description: 'Makes a customer a sub-account of a master account.' })
  async subaccountLinkCreate(@Arg('input', () => SubaccountLinkCreateInput, { description: 'The master, the sub-account and the link flags.' }) input: SubaccountLinkInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ subaccountLink: toLink(await subaccountService.add(ctx, linkKey(input), flagsOf(input))) }), { subaccountLink: null });
  }

  @Mutation(() => SubaccountLinkUpdatePayload, { description: 'Changes the flags of a master/sub-account link.' })
  async subaccountLinkUpdate(@Arg('input', () => SubaccountLinkUpdateInput, { description: 'The link and its changed flags.' }) input: SubaccountLinkInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => ({ subaccountLink: toLink(await subaccountService.update(ctx, linkKey(input), flagsOf(input))) }), { subaccountLink: null });
  }

  @Mutation(() => SubaccountLinkDelete.Payload, { description: 'Removes a master/sub-account link; both customers stay.' })
  async subaccountLinkDelete(@Arg('input', () => SubaccountLinkDelete.Input, { description: 'The link to remove.' }) input: InstanceType<typeof SubaccountLinkDelete.Input>, @Ctx() ctx: GraphQLContext) {
    return deleteMutation('SubaccountLink', input, (id) => subaccountService.removeById(ctx, id));
  }

  @Mutation(() => CustomTableRowCreatePayload, { description: "Adds a row to one of a customer's custom tables." })
  async customTableRowCreate(@Arg('input', () => CustomTableRowCreateInput, { description: 'The new row.' }) input: CustomTableRowCreateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const customerId = idOf(input.customerId, 'Customer', ['customerId']);
      const row = await customTableService.addEntry(ctx, { customerId, tableName: input.tableName, values: cellValues(input.cells) });
      return { customTableRow: rowNode(row) };
    }, { customTableRow: null });
  }

  @Mutation(() => CustomTableRowUpdatePayload, { description: 'Sets (or clears) cells of a custom-table row; other cells stay.' })
  async customTableRowUpdate(@Arg('input', () => CustomTableRowUpdateInput, { description: 'The row and its changed cells.' }) input: CustomTableRowUpdateInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const rowId = idOf(input.id, 'CustomTableRow', ['id']);
      const existing = await customTableService.getRow(ctx, rowId, ['id']);
      const row = await customTableService.modifyEntry(ctx, { customerId: existing.customerId, rowId, values: cellValues(input.cells) });
      return { customTableRow: rowNode(row) };
    }, { customTableRow: null });
  }

  @Mutation(() => CustomTableRowDeletePayload, { description: 'Deletes a custom-table row.' })
  async customTableRowDelete(@Arg('input', () => CustomTableRowDeleteInput, { description: 'The row to delete.' }) input: CustomTableRowDeleteInput, @Ctx() ctx: GraphQLContext) {
    return mutate(async () => {
      const rowId = idOf(input.id, 'CustomTableRow', ['id']);
      const existing = await customTableService.getRow(ctx, rowId, ['id']);
      await customTableService.deleteEntry(ctx, { customerId: existing.customerId, rowId });
      return { deletedId: input.id };
    }, { deletedId: null });
  }
}

@Resolver(() => CustomerNote)
export class CustomerNoteResolver {
  // loaded by id (batched), so that a page of notes needs no join of its own
  @FieldResolver(() => String, { nullable: true, description: 'Display name of the staff user who wrote it.' })
  async authorName(@Root() note: CustomerNote, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    if (note.authorStaffId == null) return null;
    return (await staffUserById(ctx).load(note.authorStaffId))?.displayName ?? null;
  }
}

@Resolver(() => SubaccountLink)
export class SubaccountLinkResolver {
  @FieldResolver(() => Customer, { nullable: true, description: 'The master customer of the link.' })
  master(@Root() link: SubaccountLink, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, link.masterCustomerId);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The sub-account customer of the link.' })
  subaccount(@Root() link: SubaccountLink, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, link.subCustomerId);
  }
}

@Resolver(() => CustomTableRow)
export class CustomTableRowResolver {
  @FieldResolver(() => [CustomTableCell])
  async cells(@Root() row: CustomTableRow, @Ctx() ctx: GraphQLContext): Promise<CustomTableCell[]> {
    const values = (row as RowNode).cellValues ?? {};
    const columns = await Promise.all(Object.keys(values).map((id) => customColumnById(ctx).load(Number(id))));
    return columns
      .filter((c): c is customTableService.CustomColumnRow => c != null)
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((c) => ({ columnId: c.id, label: c.label, type: c.type as CustomFieldType, value: values[c.id]! }));
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the row belongs to.' })
  customer(@Root() row: CustomTableRow, @Ctx() ctx: GraphQLContext) {
    return loadCustomer(ctx, row.customerId);
  }
}

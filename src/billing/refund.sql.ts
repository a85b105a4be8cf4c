/**
 * Where the compiled read path (src/graphql/compiled) finds refunds: the Refund type, the root
 * `refunds` connection, `Customer.refunds`, `Payment.refunds` and `Payment.refundableAmount`, with the filters and orders
 * of refund.service.ts (the resolvers' own).
 */
import { addSqlFields, mapRootFieldToSql, mapTypeToSql, sameNamedColumns, type ListQuery } from '../graphql/compiled/mapping';
import { refundFilter } from './billing.mapping';
import { REFUNDS_OF_PAYMENT_ORDER, refundableSql, refundConditions } from './refund.service';
import { refundSortOf } from './refund.resolver';
import { refunds } from './refund.table';
import type { RefundFilterInput, RefundOrder } from './refund.types';

mapTypeToSql('Refund', {
  table: refunds,
  idColumn: refunds.id,
  operatorColumn: refunds.operatorId,
  fields: {
    ...sameNamedColumns(refunds, ['amount', 'refundDate', 'method', 'reason', 'createdAt', 'updatedAt']),
    customer: { one: 'Customer', via: refunds.customerId },
    payment: { one: 'Payment', via: refunds.paymentId },
  },
});

const refundList = (args: Record<string, unknown>, operatorId: number): ListQuery => ({
  where: refundConditions(operatorId, refundFilter(args.filter as RefundFilterInput | undefined)),
  sort: refundSortOf(args.orderBy as RefundOrder | undefined),
  page: args,
});

mapRootFieldToSql('refunds', { connection: 'Refund', query: refundList });

addSqlFields('Customer', { refunds: { connection: 'Refund', by: refunds.customerId, query: refundList } });
addSqlFields('Payment', {
  refunds: { many: 'Refund', by: refunds.paymentId, orderBy: REFUNDS_OF_PAYMENT_ORDER },
  refundableAmount: { expression: refundableSql },
});

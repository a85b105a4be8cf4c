/** The compiled read path's form of the customer aggregates: the services' own SQL rules. */
import { addSqlFields } from '../graphql/compiled/mapping';
import { customerOnlineSql } from '../radius/online';
import { customerMoney } from './customer-data.service';

addSqlFields('Customer', {
  balance: { expression: customerMoney.balance },
  outstandingAmount: { expression: customerMoney.outstanding },
  overdueAmount: { expression: customerMoney.overdue },
  online: { expression: customerOnlineSql },
});

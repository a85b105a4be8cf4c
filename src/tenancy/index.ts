export * from './operator.table';
export * from './staff-user.table';
export * from './api-credential.table';
export * from './api-token.table';
export * from './ip-access.table';
export * from './audit-log.table';

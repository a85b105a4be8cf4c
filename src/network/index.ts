export * from './gateway.table';
export * from './interface.table';
export * from './customer-ip.table';
export * from './site.table';
export * from './equipment.table';
export * from './equipment-login.table';
export * from './cpe.table';
export * from './basestation.table';

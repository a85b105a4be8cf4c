export * from './deleted-record.table';

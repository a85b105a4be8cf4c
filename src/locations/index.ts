export * from './area.table';
export * from './street.table';
export * from './building.table';

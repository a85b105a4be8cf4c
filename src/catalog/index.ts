export * from './bandwidth-template.table';
export * from './bucket.table';
export * from './overage-allowance.table';
export * from './plan.table';
export * from './sub-plan.table';
export * from './tax-zone.table';

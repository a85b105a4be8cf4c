export * from './maintenance-type.table';
export * from './maintenance-ticket.table';
export * from './installer-tracking.table';
export * from './salesman-task.table';
export * from './message.table';
export * from './attachment.table';
export * from './background-job.table';

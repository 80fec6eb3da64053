export * from './roles';
export * from './tickets';
export * from './calls';
export * from './leads';
export * from './sla';
export * from './events';
export * from './problem';

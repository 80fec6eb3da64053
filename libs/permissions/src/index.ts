export * from './principal';
export * from './subjects';
export * from './ability';
export * from './helpers';
export * from './pack';
export { compareValues } from './conditions';

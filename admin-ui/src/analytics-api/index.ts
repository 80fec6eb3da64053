export * from './analyticsFetchers';
export * from './analyticsQuery';
export * from './slaCompliance';
export * from './types';

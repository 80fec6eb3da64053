export * from './analyticsFetchers';
export * from './analyticsQuery';
export * from './types';

export * from './glance';
export * from './filters';
export * from './columns';
export * from './queryFleet';

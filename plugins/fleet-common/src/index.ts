/**
 * Types, permissions and conventions shared by the Fleet Portal plugins. Imports nothing of ours.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './nodes';
export * from './dnsRecords';
export * from './services';
export * from './drift';
export * from './ownership';
export * from './entityNames';
export * from './gitops';
export * from './labels';
export * from './permissions';
export * from './k0sVersion';
export * from './history';
export * from './requests';
export * from './forms';
export * from './fleetList';

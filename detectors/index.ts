export { DEFAULT_THRESHOLD, scan } from './engine';
export { REGISTRY } from './registry';
export * from './types';

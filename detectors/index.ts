export { scan, DEFAULT_THRESHOLD } from './engine';
export { REGISTRY } from './registry';
export * from './types';

export { DEFAULT_THRESHOLD, scan } from './engine';
// The health-context score ships with the detectors (the decision weighs findings by it), so the bundle-size
// target (bench/detect.ts) counts it too.
export { healthScore } from './health-context';
export { REGISTRY } from './registry';
export * from './types';

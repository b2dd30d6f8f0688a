/**
 * Run by scan-cache.test.ts in a child process (node --allow-natives-syntax). A library that gives
 * thousands of `{}` objects a key of their own (a lexicon) fills the transition list of the realm's
 * empty-object hidden class; after that, each object filled field by field from `{}` gets a hidden class
 * of its own, and code reading such objects sees a new class every time. This fills the list, then
 * reports whether two objects filled from `{}` share a class (the pollution took), and whether the caches
 * of two scans share one (the engine is immune to it).
 */
import { scanInput, scanInputOf } from './engine';

const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

for (let i = 0; i < 5000; i++) {
  const o: Record<string, number> = {};
  o[`k${i}`] = i;
}
const fromEmpty = (): object => {
  const o: Record<string, unknown> = {};
  o.tokens = [];
  o.places = 1;
  return o;
};

const cacheOf = (text: string): object => {
  const input = scanInputOf(text);
  if (!input) throw new Error('scanInputOf gave no cache');
  scanInput(input);
  return input.cache as object;
};
const a = cacheOf('Seen by Dr. Ann Roe at 12 Elm Street on 3/4/2026, MRN: 00000000.');
const b = cacheOf('Follow-up for Mr. Bob Doe at 14 Oak Road on 5/6/2026, MRN: 00000001.');
process.stdout.write(
  JSON.stringify({ fromEmptyShared: haveSameMap(fromEmpty(), fromEmpty()), scanCacheShared: haveSameMap(a, b) }),
);

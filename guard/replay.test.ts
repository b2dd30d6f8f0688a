import { describe, expect, it } from 'vitest';
import { ReplayGate } from './replay';

const ev = (type: string, target: EventTarget) => {
  const e = new Event(type);
  Object.defineProperty(e, 'target', { value: target });
  return e;
};

// If these fail, the guard either holds its own replay again (a loop) or lets other events ride on its pass.
describe('ReplayGate', () => {
  const form = new EventTarget();
  const other = new EventTarget();

  it('passes exactly the expected event, once, during the replay only', () => {
    const gate = new ReplayGate();
    const seen: boolean[] = [];
    gate.run([{ type: 'submit', target: form }], () => {
      seen.push(gate.consume(ev('submit', other)));
      seen.push(gate.consume(ev('click', form)));
      seen.push(gate.consume(ev('submit', form)));
      seen.push(gate.consume(ev('submit', form)));
    });
    expect(seen).toEqual([false, false, true, false]);
    expect(gate.consume(ev('submit', form))).toBe(false);
  });

  it('revokes unspent passes when the replay throws', () => {
    const gate = new ReplayGate();
    expect(() =>
      gate.run([{ type: 'submit', target: form }], () => {
        throw new Error('site threw');
      }),
    ).toThrow();
    expect(gate.active).toBe(false);
    expect(gate.consume(ev('submit', form))).toBe(false);
  });
});

/**
 * The guard's one-shot pass for its own replays (see replay.design.md). Replaying a held submission can
 * make the browser fire trusted events (form.requestSubmit() and a submit button's activation fire a
 * trusted `submit`); without a pass the guard would hold its own replay again. The pass lives in this
 * isolated-world object, which page scripts cannot reach; it exists only while the replay call runs
 * (dispatch is synchronous) and is spent by the first matching event.
 */
export interface Expected {
  type: string;
  target: EventTarget;
}

export class ReplayGate {
  #pending: Expected[] = [];

  /** Runs `replay` with a pass for each expected event; whatever was not spent is revoked when it returns. */
  run(expected: Expected[], replay: () => void): void {
    this.#pending = expected;
    try {
      replay();
    } finally {
      this.#pending = [];
    }
  }

  /** Whether `event` is the guard's own replay: spends the matching pass. */
  consume(event: Event): boolean {
    const i = this.#pending.findIndex((p) => p.type === event.type && p.target === event.target);
    if (i < 0) return false;
    this.#pending.splice(i, 1);
    return true;
  }

  /** Whether a replay is running (events it causes are not new user intents). */
  get active(): boolean {
    return this.#pending.length > 0;
  }
}

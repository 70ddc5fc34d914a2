/**
 * How many turns the bot works on at once, and how many wait for a turn of their own. Without a
 * bound, a bot that answers more slowly than messages arrive (a busy database) keeps accepting:
 * a client that gave up (Teams waits 15 s, then redelivers) leaves its turn running, its retry
 * starts another, and the turns in progress, and the heap with them, grow for as long as the
 * load lasts. With it, at most `maxRunning` turns run; up to `maxWaiting` more wait in arrival
 * order; a waiting request whose client has gone is dropped before any work is done (nothing was
 * read or written, and the redelivery is handled as a first delivery); beyond that the answer is
 * 503 with Retry-After, which Teams retries.
 *
 * A turn that has started is never cut off: it may be writing a record.
 */
export interface TurnLimits {
  maxRunning: number;
  maxWaiting: number;
}

/** Generous for one process: the bench's 50 connections never wait; what waits beyond it costs a socket, not a turn. */
export const DEFAULT_TURN_LIMITS: TurnLimits = { maxRunning: 64, maxWaiting: 256 };

/** Admitted: call `release` exactly once when the turn is done. */
export type Admission = { kind: 'admitted'; release: () => void } | { kind: 'busy' } | { kind: 'gone' };

export class TurnAdmission {
  private runningCount = 0;
  /** Requests waiting for a turn, longest-waiting first; one that is dropped leaves it at once. */
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limits: TurnLimits = DEFAULT_TURN_LIMITS) {
    if (!(limits.maxRunning >= 1) || !(limits.maxWaiting >= 0)) throw new Error('TurnAdmission needs maxRunning >= 1 and maxWaiting >= 0');
  }

  get running(): number {
    return this.runningCount;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** Waits for a free turn; `gone` (the client's connection closed) drops the request while it waits. */
  admit(gone?: AbortSignal): Promise<Admission> {
    if (gone?.aborted) return Promise.resolve({ kind: 'gone' });
    if (this.runningCount < this.limits.maxRunning && this.queue.length === 0) {
      this.runningCount += 1;
      return Promise.resolve({ kind: 'admitted', release: this.releaser() });
    }
    if (this.queue.length >= this.limits.maxWaiting) return Promise.resolve({ kind: 'busy' });
    return new Promise<Admission>((resolve) => {
      const admit = () => {
        gone?.removeEventListener('abort', onGone);
        this.runningCount += 1;
        resolve({ kind: 'admitted', release: this.releaser() });
      };
      const onGone = () => {
        const index = this.queue.indexOf(admit);
        if (index >= 0) this.queue.splice(index, 1);
        resolve({ kind: 'gone' });
      };
      gone?.addEventListener('abort', onGone, { once: true });
      this.queue.push(admit);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.runningCount -= 1;
      // Hands the free turn to the longest-waiting request still there.
      if (this.runningCount < this.limits.maxRunning) this.queue.shift()?.();
    };
  }
}

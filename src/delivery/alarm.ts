/**
 * Rings when each of the moments it was given comes: the send slots of messages the worker sent
 * back to the outbox to wait for their turn. Every moment rings, not only the earliest, so a paced
 * message is looked at when its turn comes rather than at the next poll, and does not miss it.
 * Bounded: beyond `maxMoments` a moment is left to the poll.
 */
export class SlotAlarm {
  private readonly moments = new Set<number>();
  private armed: { at: number; timer: NodeJS.Timeout } | undefined;

  constructor(
    /** Told the latest moment that came. */
    private readonly ring: (moment: number) => void,
    private readonly maxMoments = 10_000,
    /** The wall clock the moments are in (tests give one that lags behind the timers). */
    private readonly now: () => number = Date.now,
  ) {}

  at(moment: Date): void {
    if (this.moments.size >= this.maxMoments) return;
    this.moments.add(moment.getTime());
    this.arm();
  }

  stop(): void {
    if (this.armed) clearTimeout(this.armed.timer);
    this.armed = undefined;
    this.moments.clear();
  }

  private arm(): void {
    let next = Infinity;
    for (const moment of this.moments) next = Math.min(next, moment);
    if (next === Infinity || (this.armed && this.armed.at <= next)) return;
    if (this.armed) clearTimeout(this.armed.timer);
    const timer = setTimeout(() => {
      this.armed = undefined;
      // Node's timers run on their own clock and may fire a millisecond before Date.now() says
      // `next` has come: it has, or it would stay in the set and ring a second time.
      const now = Math.max(this.now(), next);
      let came = next;
      for (const moment of this.moments) {
        if (moment > now) continue;
        came = Math.max(came, moment);
        this.moments.delete(moment);
      }
      this.ring(came);
      this.arm();
    }, Math.max(0, next - this.now()));
    timer.unref();
    this.armed = { at: next, timer };
  }
}

import type { DeliveryDocument, OutboxStore, Outcome } from './outbox.js';

type Delivery = Omit<DeliveryDocument, 'schemaVersion'>;

/**
 * What one poll of the delivery worker writes, gathered so that it costs a round trip per kind of
 * write rather than per message: the outcomes of its messages are written when it ends, and a
 * card it adopts (an employee's clicked form card stored by an earlier release; now remembered as
 * it is enqueued) is remembered together with the next delivery it remembers, or when it ends.
 * Until then the poll answers from its own adoptions, so a later message of the same poll finds
 * an adopted card.
 *
 * A delivery that was sent is remembered at once, never at the end: should the worker die after
 * the send, the message is taken again and must find its key delivered, or it is sent twice.
 */
export class Poll {
  private readonly adopted = new Map<string, Delivery>();
  private readonly outcomes: Outcome[] = [];

  constructor(private readonly store: OutboxStore) {}

  /** Remembers a card Teams already shows under its key (when no delivery is remembered under it yet). */
  adopt(delivery: Delivery): void {
    if (!this.adopted.has(delivery._id)) this.adopted.set(delivery._id, delivery);
  }

  /** The delivery remembered under the key: stored ones first, as the adoption would not replace them. */
  async delivered(key: string): Promise<Delivery | undefined> {
    return (await this.store.delivered(key)) ?? this.adopted.get(key);
  }

  async cardsAbout(recordId: string): Promise<Delivery[]> {
    const stored: Delivery[] = await this.store.cardsAbout(recordId);
    const known = new Set(stored.map((delivery) => delivery._id));
    return [...stored, ...[...this.adopted.values()].filter((delivery) => delivery.recordId === recordId && delivery.kind === 'card' && !known.has(delivery._id))];
  }

  /**
   * Remembers a delivery that was just sent, with the adoptions waiting, in one round trip;
   * `replaces` when a delivery was stored under its key before (the message it sent was gone).
   */
  async remember(delivery: Delivery, replaces: boolean): Promise<void> {
    // A delivery under an adopted key supersedes the adoption.
    this.adopted.delete(delivery._id);
    await this.writeAdoptionsWith([{ delivery, adopted: false, replaces }]);
  }

  done(id: string): void {
    this.outcomes.push({ id, kind: 'done' });
  }

  retry(id: string, at: Date, lastError: string): void {
    this.outcomes.push({ id, kind: 'retry', at, lastError });
  }

  paced(id: string, at: Date): void {
    this.outcomes.push({ id, kind: 'paced', at });
  }

  release(id: string, attempts: number): void {
    this.outcomes.push({ id, kind: 'released', attempts });
  }

  /** Writes what is left: the adoptions first, so a message leaves the outbox only once its card is remembered. */
  async settle(now: Date): Promise<void> {
    await this.writeAdoptionsWith([]);
    await this.store.settle(this.outcomes.splice(0), now);
  }

  /**
   * Writes the adoptions waiting with `writes`. They stay answerable from memory until written:
   * messages of other records go meanwhile (the worker's lanes) and may ask for them, and an
   * adoption made meanwhile waits for the next write. Writing one twice changes nothing.
   */
  private async writeAdoptionsWith(writes: Parameters<OutboxStore['remember']>[0]): Promise<void> {
    const adoptions = [...this.adopted.values()];
    await this.store.remember([...adoptions.map((delivery) => ({ delivery, adopted: true })), ...writes]);
    for (const delivery of adoptions) if (this.adopted.get(delivery._id) === delivery) this.adopted.delete(delivery._id);
  }
}

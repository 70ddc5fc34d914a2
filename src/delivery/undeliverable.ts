import type { OutboxDocument } from './outbox.js';
import type { Outbox, OutgoingMessage } from './types.js';
import type { UndeliverableOutcome } from './worker.js';

/** Messages that hand someone work: when they cannot reach their reader, the work must move on. */
const ASSIGNING_PURPOSES = new Set(['assigned', 'escalated', 'reminder']);
export const UNDELIVERABLE_ALERT = 'undeliverable_alert';

export interface UndeliverableServices {
  outbox: Outbox;
  now(): Date;
  /** The engine's entry point for "this actor cannot be reached" (with the configured delay bound in). */
  actorUnreachable(recordId: string, aadObjectId: string, reason: string): Promise<boolean>;
  /** Who to alert in the person's organisation: its integrity coordinators. */
  coordinatorsFor(aadObjectId: string, orgId: string | undefined): Promise<{ orgId: string; coordinators: string[] } | undefined>;
  nameOf(aadObjectId: string): Promise<string | undefined>;
}

/** Why the message did not arrive, in words an integrity coordinator can act on. */
function explanation(outcome: UndeliverableOutcome): string {
  if (outcome.status === 'dead') return 'Teams bleef het bericht 24 uur lang weigeren of was onbereikbaar';
  if (outcome.httpStatus === 403) return 'de persoon heeft de app geblokkeerd, of de app is niet voor deze persoon geïnstalleerd';
  if (outcome.httpStatus === 404) return 'Teams kent deze persoon of het gesprek niet';
  if (outcome.reason === 'no_service_url') return 'er is nog geen Teams-verbinding met deze organisatie bekend';
  return 'Teams kon geen gesprek met deze persoon openen';
}

/**
 * What happens when a message cannot reach its reader: a card that gave someone work makes the
 * record's step move past them (after the configured delay; the owner is told at once), and the
 * integrity coordinator hears about people the bot cannot reach, once a day per person. Nothing
 * is silent; the digest lists every undeliverable and dead-lettered message too.
 */
export function undeliverableHandler(services: UndeliverableServices): (document: OutboxDocument, outcome: UndeliverableOutcome) => Promise<void> {
  return async (document, outcome) => {
    const { message } = document;
    if (message.mode === 'refresh' || message.mode === 'adopt') return;
    if (message.purpose === UNDELIVERABLE_ALERT) return;
    const to = message.to;
    if (message.recordId && ASSIGNING_PURPOSES.has(message.purpose)) {
      await services.actorUnreachable(message.recordId, to, outcome.httpStatus ? `http_${outcome.httpStatus}` : outcome.reason);
    }
    const found = await services.coordinatorsFor(to, message.orgId);
    if (!found) return;
    const name = (await services.nameOf(to)) ?? 'een medewerker';
    const day = services.now().toISOString().slice(0, 10);
    const alerts: OutgoingMessage[] = found.coordinators
      .filter((coordinator) => coordinator !== to)
      .map((coordinator) => ({
        mode: 'send',
        to: coordinator,
        // One alert per person a day: a second failure updates it instead of adding one.
        key: `alert:undeliverable:${to}:${day}:${coordinator}`,
        purpose: UNDELIVERABLE_ALERT,
        orgId: found.orgId,
        content: {
          kind: 'text',
          text: `Let op: de Integriteitsassistent kan ${name} niet bereiken (${explanation(outcome)}). ${message.recordId ? 'Wat op deze persoon wachtte, gaat door naar de volgende in de lijn. ' : ''}Controleer of de app voor deze persoon is geïnstalleerd en niet is geblokkeerd. Het weekoverzicht van P&O toont alle onbezorgde berichten.`,
        },
      }));
    if (alerts.length > 0) await services.outbox.enqueue(alerts);
  };
}

import { randomUUID } from 'node:crypto';
import { localize, type Localized } from '../i18n/index.js';
import { performCardAction, recordNotFound, submitForm, type CardRequest, type FeatureServices, type Reply, type Requester, type WorkflowFeature } from '../workflow/index.js';
import { giftFormCard, giftVerbs } from './cards.js';
import { createGiftDefinition } from './definition.js';
import type { GiftData } from './views.js';
import { allowedReceivedRange, giftFormSpec, parseGiftDecision, parseGiftReference } from './form.js';
import { isGiftReport } from './intent.js';
import { giftPresentation } from './presentation.js';
import { assessGift, loadAllGiftRules } from './rules.js';

export type GiftFeatureServices = FeatureServices;

const texts = {
  noRules: {
    nl: 'Voor je organisatie zijn in de assistent nog geen regels voor cadeaus ingesteld. Meld het cadeau rechtstreeks bij je leidinggevende.',
    en: 'No gift rules have been set up in the assistant for your organisation yet. Please report the gift directly to your manager.',
  },
  notFound: recordNotFound,
  notAllowed: {
    nl: 'Je bent niet bevoegd om over deze melding te beslissen. Dat kan alleen de leidinggevende van de medewerker, of de integriteitscoördinator of P&O van dezelfde organisatie. Er is niets veranderd.',
    en: 'You are not authorised to decide on this notification. Only the employee’s manager, or the integrity coordinator or HR of the same organisation, can do that. Nothing has changed.',
  },
  offer: {
    nl: 'Dank je dat je het meldt. Vul het formulier in; je krijgt direct advies en je leidinggevende beslist.',
    en: 'Thank you for reporting it. Fill in the form; you get advice at once and your manager decides.',
  },
} satisfies Record<string, Localized>;

/**
 * Gift notifications: the form with advice from the organisation's rules at once, the
 * manager's decision in-thread, withdrawal by the employee while it waits.
 */
export function createGiftFeature(services: GiftFeatureServices): WorkflowFeature {
  // Loaded and validated once at start-up: a broken rules file stops the bot instead of giving wrong advice.
  const rules = loadAllGiftRules();
  const definition = createGiftDefinition(services);

  const formCard = (requester: Requester, state: Omit<Parameters<typeof giftFormCard>[0], 'lang' | 'receivedRange'> = { formId: randomUUID() }) =>
    giftFormCard({ lang: requester.lang, receivedRange: allowedReceivedRange(services.now()), organisationName: requester.organisation.name, ...state });

  return {
    definition,
    module(engine) {
      const open = async (requester: Requester): Promise<Reply> =>
        rules.has(requester.organisation.id) ? { kind: 'card', card: formCard(requester) } : { kind: 'text', text: localize(texts.noRules, requester.lang) };

      async function submit(request: CardRequest): Promise<Reply> {
        const orgRules = rules.get(request.requester.organisation.id);
        if (!orgRules) return { kind: 'text', text: localize(texts.noRules, request.requester.lang) };
        return submitForm({
          engine,
          definition,
          request,
          spec: giftFormSpec(services.now()),
          formCard: (state) => formCard(request.requester, state),
          toData: (form): GiftData => ({ form, assessment: assessGift(orgRules, form) }),
          logger: services.logger,
        });
      }

      async function decide(request: CardRequest): Promise<Reply> {
        const input = parseGiftDecision(request.data);
        const fields: Record<string, string> = input?.comment ? { comment: input.comment } : {};
        const parsed = input && { kind: 'valid' as const, recordId: input.giftId, action: 'decide', outcome: input.decision, fields };
        return performCardAction(engine, definition, request, parsed, texts);
      }

      async function withdraw(request: CardRequest): Promise<Reply> {
        const giftId = parseGiftReference(request.data);
        const parsed = giftId ? { kind: 'valid' as const, recordId: giftId, action: 'withdraw', outcome: 'withdrawn', fields: {} } : undefined;
        return performCardAction(engine, definition, request, parsed, texts);
      }

      return {
        definition,
        presentation: giftPresentation,
        start: {
          verb: giftVerbs.start,
          title: { nl: 'Cadeau melden', en: 'Report a gift' },
          commands: [/^\s*(cadeau melden|geschenk melden|report a gift)[\s.!]*$/i],
          intent: isGiftReport,
          offer: texts.offer,
        },
        open,
        verbs: {
          [giftVerbs.start]: (request) => open(request.requester),
          [giftVerbs.submit]: submit,
          [giftVerbs.decide]: decide,
          [giftVerbs.withdraw]: withdraw,
        },
      };
    },
  };
}

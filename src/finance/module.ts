import { randomUUID } from 'node:crypto';
import { localize, type Localized } from '../i18n/index.js';
import { parseActionForm, performCardAction, recordNotFound, submitForm, type CardRequest, type FeatureServices, type FormCardState, type Reply, type Requester, type WorkflowFeature } from '../workflow/index.js';
import { financeFormCard, financeVerbs } from './cards.js';
import { createFinanceDefinition } from './definition.js';
import { financeDecisionSpec, financeFormSpec, type FinanceField } from './form.js';
import { financePresentation } from './presentation.js';
import { loadAllFinanceSettings, type FinanceSettings } from './settings.js';
import type { FinanceServices } from './views.js';

export type FinanceFeatureServices = FeatureServices & FinanceServices;

const texts = {
  notSetUp: {
    nl: 'Voor je organisatie is het melden van financiële belangen nog niet in de assistent ingericht. Meld een financieel belang rechtstreeks bij de integriteitscoördinator.',
    en: 'Reporting financial interests has not been set up in the assistant for your organisation yet. Please report a financial interest directly to the integrity coordinator.',
  },
  notFound: recordNotFound,
  notAllowed: {
    nl: 'Je bent niet bevoegd om deze melding vast te leggen: dat kunnen alleen de ontvangers die de organisatie daarvoor heeft aangewezen. Er is niets veranderd.',
    en: 'You are not authorised to record this notice: only the recipients the organisation designated can. Nothing has changed.',
  },
} satisfies Record<string, Localized>;

/**
 * Financial interests: only for people whose function is designated (the directory's
 * `reportsFinancialInterests`); others are told it does not apply to them. The notice goes to
 * the organisation's recipient roles, who record it as noted or with measures.
 */
export function createFinanceFeature(services: FinanceFeatureServices, settings: ReadonlyMap<string, FinanceSettings> = loadAllFinanceSettings()): WorkflowFeature {
  const definition = createFinanceDefinition(services, settings);

  /** The form, or why not: decided from the directory row of the Teams identity, never from the card. */
  const refusal = (requester: Requester): Reply | undefined => {
    const orgSettings = settings.get(requester.organisation.id);
    if (!orgSettings) return { kind: 'text', text: localize(texts.notSetUp, requester.lang) };
    if (!requester.person?.reportsFinancialInterests) return { kind: 'text', text: localize(orgSettings.notDesignated, requester.lang) };
    return undefined;
  };

  const formCard = (requester: Requester, state: FormCardState<FinanceField>) =>
    financeFormCard({
      lang: requester.lang,
      now: services.now(),
      duty: settings.get(requester.organisation.id)!.duty.text,
      formId: state.formId,
      ...(state.values ? { values: state.values } : {}),
      ...(state.errors ? { errors: state.errors } : {}),
      ...(state.banner ? { banner: state.banner } : {}),
    });

  return {
    definition,
    module(engine) {
      const open = async (requester: Requester): Promise<Reply> => refusal(requester) ?? { kind: 'card', card: formCard(requester, { formId: randomUUID() }) };

      async function submit(request: CardRequest): Promise<Reply> {
        const refused = refusal(request.requester);
        if (refused) return refused;
        const duty = settings.get(request.requester.organisation.id)!.duty;
        return submitForm({ engine, definition, request, spec: financeFormSpec(services.now()), formCard: (state) => formCard(request.requester, state), toData: (form) => ({ form, duty }), logger: services.logger });
      }

      const decide = (request: CardRequest) =>
        performCardAction(
          engine,
          definition,
          request,
          parseActionForm(request.data, financeDecisionSpec, 'decide', (value) => ({
            outcome: value.decision,
            fields: { ...(value.measures ? { measures: value.measures } : {}), ...(value.comment ? { comment: value.comment } : {}) },
          })),
          texts,
        );

      return {
        definition,
        presentation: financePresentation,
        start: {
          verb: financeVerbs.start,
          title: { nl: 'Financieel belang melden', en: 'Report a financial interest' },
          commands: [/^\s*(financieel belang melden|financiële belangen melden|financiele belangen melden|report a financial interest)[\s.!]*$/i],
        },
        open,
        verbs: {
          [financeVerbs.start]: (request) => open(request.requester),
          [financeVerbs.submit]: submit,
          [financeVerbs.decide]: decide,
        },
      };
    },
  };
}

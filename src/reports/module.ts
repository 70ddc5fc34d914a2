import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { parseForm } from '../cards/forms.js';
import { normaliseObjectId } from '../directory/directory.js';
import type { Organisation, Person } from '../directory/types.js';
import { localize, type Localized } from '../i18n/index.js';
import { citeSources } from '../cards/citations.js';
import { invalidAction, performCardAction, recordNotFound, submitForm, type CardRequest, type FeatureServices, type ParsedAction, type Reply, type Requester, type WorkflowEngine, type WorkflowFeature } from '../workflow/index.js';
import { intakeCard, reportVerbs, triageCard } from './cards.js';
import type { ReportKeyring } from './crypto.js';
import { createReportDefinition } from './definition.js';
import { intakeFormSpec, parseHandlerInput, parseReporterInput, reportCategories, reportFieldMessages, triageFormSpec, type HandlerInput, type RecipientRoute, type ReportCategory, type ReportForm, type TriageField } from './form.js';
import { isReportStatement } from './intent.js';
import { reportPresentation } from './presentation.js';
import { idsOf, recipientsFor, type ReportDirectory } from './recipients.js';
import { ReportSettingsBook } from './settings.js';
import { PSEUDONYM_PREFIX, Pseudonyms, ReportVault } from './vault.js';
import { recordsCollection } from '../workflow/store.js';
import { REPORT_TYPE, ReportViews, type ReportData, type ReportRecord } from './views.js';

export interface ReportFeatureServices extends FeatureServices {
  db: Db;
  directory: ReportDirectory & { organisation(orgId: string): Promise<Organisation | undefined> };
  /** The master keys; without them the intake explains the routes but nothing can be reported. */
  reportKeys: ReportKeyring | undefined;
}

const texts = {
  // The same answer whether a report does not exist or is not the caller's: nothing to learn from it.
  notFound: recordNotFound,
  notAllowed: recordNotFound,
  notAvailable: {
    nl: 'Melden via de assistent is bij deze installatie nog niet ingericht. Neem rechtstreeks contact op met een vertrouwenspersoon.',
    en: 'Reporting through the assistant has not been set up in this installation yet. Please contact a confidential counsellor directly.',
  },
  unavailable: { nl: 'Deze melding kan nu niet worden geopend. Probeer het later opnieuw.', en: 'This report cannot be opened right now. Please try again later.' },
  onlyRecipient: { nl: 'Alleen degene aan wie de melding is gedaan kan een vervanger toevoegen.', en: 'Only the person the report was made to can add a deputy.' },
  offer: {
    nl: 'Wat vervelend dat je hiermee zit. Hieronder lees je waar je terecht kunt; jij bepaalt of en hoe je iets meldt.',
    en: 'Sorry to hear you are dealing with this. Below you can read where to go; you decide whether and how to report.',
  },
} satisfies Record<string, Localized>;

/**
 * Confidential reports: the calm intake card with the organisation's routes, the triage form,
 * the recipient's card with acknowledgement, messages, feedback, closing and deputies, and the
 * reporter's answers. Content and the reporter's identity are sealed (see vault.ts); the record
 * is filed under the reporter's pseudonym.
 */
export function createReportFeature(services: ReportFeatureServices): WorkflowFeature {
  const settings = new ReportSettingsBook();
  const keys = services.reportKeys;
  const vault = keys ? new ReportVault(services.db, keys) : undefined;
  const pseudonyms = keys ? new Pseudonyms(services.db, keys) : undefined;
  const views = new ReportViews({ directory: services.directory, knowledge: services.knowledge, settings, vault, logger: services.logger, now: services.now });
  const definition = createReportDefinition({ views, settings, pseudonyms, directory: services.directory });
  const { logger } = services;

  const citations = (orgId: string) =>
    citeSources(services.knowledge, settings.of(orgId).sources, (source) => logger.warn({ event: 'report.citation_missing', documentId: source.documentId }, 'cited section not found'));

  type IntakeState = { formId?: string; values?: Record<string, string>; errors?: Record<string, Localized>; banner?: Localized };
  const intakeWith = (requester: Requester, people: Map<RecipientRoute, Person[]>, state: IntakeState = {}) =>
    intakeCard({
      lang: requester.lang,
      organisationName: requester.organisation.name,
      settings: settings.of(requester.organisation.id),
      citations: citations(requester.organisation.id),
      people,
      canReport: vault !== undefined,
      formId: state.formId ?? randomUUID(),
      ...(state.values ? { values: state.values } : {}),
      ...(state.errors ? { errors: state.errors } : {}),
      ...(state.banner ? { banner: state.banner } : {}),
    });
  const intake = async (requester: Requester, state: IntakeState = {}) =>
    intakeWith(requester, await recipientsFor(services.directory, normaliseObjectId(requester.aadObjectId), requester.organisation.id), state);

  /** Who can report what to whom is decided per reporter, from the directory, on every submission. */
  async function triageContext(requester: Requester) {
    const people = await recipientsFor(services.directory, normaliseObjectId(requester.aadObjectId), requester.organisation.id);
    const routesFor = (category: ReportCategory) => settings.routesFor(requester.organisation.id, category);
    return { people, routesFor, spec: triageFormSpec(routesFor, idsOf(people)) };
  }

  return {
    definition,
    sealedAddresses: {
      owns: (address) => address.startsWith(PSEUDONYM_PREFIX),
      /** From the record the message is about: its sealed reporter, checked against the pseudonym. */
      async resolve(address, recordId) {
        if (!recordId || !vault || !pseudonyms) return undefined;
        // By `_id` alone (FerretDB reads every record for a filter with more keys), the type checked here.
        const record = (await recordsCollection(services.db).findOne({ _id: recordId })) as ReportRecord | null;
        if (!record || record.type !== REPORT_TYPE || record.owner !== address) return undefined;
        const opened = await views.open(record);
        const reporter = opened.opened?.content.reporter.aadObjectId;
        return reporter && (await pseudonyms.of(reporter)) === address ? reporter : undefined;
      },
    },
    module(engine: WorkflowEngine) {
      const say = (requester: Requester, text: Localized): Reply => ({ kind: 'text', text: localize(text, requester.lang) });
      const open = async (requester: Requester): Promise<Reply> => ({ kind: 'card', card: await intake(requester) });

      async function triage(request: CardRequest): Promise<Reply> {
        const { requester } = request;
        if (!vault) return say(requester, texts.notAvailable);
        const parsed = parseForm(request.data, intakeFormSpec());
        if (parsed.kind === 'rejected') return { kind: 'card', card: await intake(requester, { banner: parsed.reason }) };
        if (parsed.kind === 'invalid') return { kind: 'card', card: await intake(requester, { formId: parsed.formId, values: parsed.values, errors: parsed.errors }) };
        const { people, routesFor } = await triageContext(requester);
        const { category, managerInvolved } = parsed.value;
        return { kind: 'card', card: triageCard({ lang: requester.lang, formId: parsed.formId, category, managerInvolved, routes: routesFor(category), people }) };
      }

      async function submit(request: CardRequest): Promise<Reply> {
        const { requester } = request;
        if (!vault) return say(requester, texts.notAvailable);
        const { people, routesFor, spec } = await triageContext(requester);
        const person = requester.person;
        return submitForm<TriageField, ReportForm, ReportData>({
          engine,
          definition,
          // Without the clicked card: its conversation and activity ids would tie the reporter to the report.
          request: { requester, data: request.data },
          spec,
          formCard: (state) => {
            const category = reportCategories.find((candidate) => candidate === state.values?.category);
            // A form that did not come from our card: start again from the first questions.
            if (!category) return intakeWith(requester, people, { formId: state.formId, ...(state.banner ? { banner: state.banner } : {}) });
            return triageCard({ ...state, lang: requester.lang, category, managerInvolved: state.values?.managerInvolved !== 'no', routes: routesFor(category), people });
          },
          toData: async (form) => ({
            meta: { category: form.category, subcategory: form.subcategory ?? null, route: form.route, identity: form.identity, contactOnly: form.contactOnly },
            recipient: form.recipient,
            vaultId: await vault.store(
              requester.organisation.id,
              {
                reporter: { aadObjectId: normaliseObjectId(requester.aadObjectId), name: person?.name ?? '', upn: person?.upn ?? '' },
                managerInvolved: form.managerInvolved,
                ...(form.description ? { description: form.description } : {}),
              },
              services.now(),
            ),
          }),
          logger,
        });
      }

      /** Loads the report for someone who may see it; the answer is the same whether it does not exist or is not theirs. */
      async function visible(request: CardRequest, reportId: string) {
        const record = (await engine.find(definition, reportId)) as ReportRecord | undefined;
        const viewer = record && (await engine.viewer(definition, record, request.requester.aadObjectId, request.requester.lang));
        return record && viewer ? { record, viewer } : undefined;
      }

      /** A button with a text box: the text is sealed under the report's key before it is stored anywhere. */
      async function withText(request: CardRequest, reportId: string, action: string, outcome: string, field: string, text: string, required: boolean): Promise<Reply> {
        const found = await visible(request, reportId);
        if (!found) return say(request.requester, texts.notFound);
        if (!text && required) {
          const parsed: ParsedAction = { kind: 'invalid', recordId: reportId, feedback: { action, values: {}, errors: { [field]: reportFieldMessages.messageRequired } } };
          return performCardAction(engine, definition, request, parsed, texts);
        }
        let fields: Record<string, string> = {};
        if (text) {
          const { opened } = await views.open(found.record);
          if (!opened) return say(request.requester, texts.unavailable);
          fields = { text: opened.sealText(text) };
        }
        return performCardAction(engine, definition, request, { kind: 'valid', recordId: reportId, action, outcome, fields }, texts);
      }

      const handler =
        (run: (request: CardRequest, input: HandlerInput) => Promise<Reply>) =>
        async (request: CardRequest): Promise<Reply> => {
          const input = parseHandlerInput(request.data);
          return input ? run(request, input) : say(request.requester, invalidAction);
        };

      async function addDeputy(request: CardRequest, input: HandlerInput): Promise<Reply> {
        const found = await visible(request, input.reportId);
        if (!found) return say(request.requester, texts.notFound);
        if (found.viewer.aadObjectId !== found.record.data.recipient) {
          logger.warn({ event: 'report.deputy_refused', recordId: found.record._id }, 'only the recipient adds deputies');
          return say(request.requester, texts.onlyRecipient);
        }
        const { opened } = await views.open(found.record);
        if (!opened) return say(request.requester, texts.unavailable);
        const candidates = await views.deputyCandidates(found.record, opened);
        if (!candidates.some((person) => person.aadObjectId === input.deputy)) {
          const parsed: ParsedAction = { kind: 'invalid', recordId: input.reportId, feedback: { action: 'add_deputy', values: {}, errors: { deputy: reportFieldMessages.deputyRequired } } };
          return performCardAction(engine, definition, request, parsed, texts);
        }
        return performCardAction(engine, definition, request, { kind: 'valid', recordId: input.reportId, action: 'add_deputy', outcome: 'added', fields: { deputy: input.deputy } }, texts);
      }

      async function reply(request: CardRequest): Promise<Reply> {
        const input = parseReporterInput(request.data);
        if (!input) return say(request.requester, invalidAction);
        return withText(request, input.reportId, 'reply', 'sent', 'reply', input.reply, true);
      }

      return {
        definition,
        presentation: reportPresentation,
        start: {
          verb: reportVerbs.start,
          title: { nl: 'Melding doen', en: 'Make a report' },
          commands: [/^\s*(melding doen|melding maken|misstand melden|ongewenst gedrag melden|vertrouwelijk melden|report wrongdoing|make a report)[\s.!]*$/i],
          intent: isReportStatement,
          offer: texts.offer,
        },
        open,
        verbs: {
          [reportVerbs.start]: (request) => open(request.requester),
          [reportVerbs.triage]: triage,
          [reportVerbs.submit]: submit,
          [reportVerbs.acknowledge]: handler((request, input) => withText(request, input.reportId, 'acknowledge', 'acknowledged', 'message', '', false)),
          [reportVerbs.message]: handler((request, input) => withText(request, input.reportId, 'message', 'sent', 'message', input.message, true)),
          [reportVerbs.feedback]: handler((request, input) => withText(request, input.reportId, 'feedback', 'given', 'feedback', input.feedback, true)),
          [reportVerbs.close]: handler((request, input) => withText(request, input.reportId, 'close', 'closed', 'closingNote', input.closingNote, false)),
          [reportVerbs.deputy]: handler(addDeputy),
          [reportVerbs.reply]: reply,
        },
      };
    },
  };
}

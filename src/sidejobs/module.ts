import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseCardAction } from '../cards/forms.js';
import type { Outbox } from '../delivery/types.js';
import { normaliseObjectId } from '../directory/directory.js';
import { loadOrganisationFiles } from '../directory/organisations.js';
import { localize, type Localized } from '../i18n/index.js';
import {
  invalidAction,
  parseActionForm,
  performCardAction,
  recordNotFound,
  submitForm,
  type CardRequest,
  type FeatureServices,
  type FormCardState,
  type Reply,
  type Requester,
  type WorkflowEngine,
  type WorkflowFeature,
} from '../workflow/index.js';
import { sideJobFormCard, sideJobVerbs } from './cards.js';
import { createSideJobDefinition, sideJobChainProblems } from './definition.js';
import { adviceSpec, decisionSpec, explanationSpec, sideJobFormSpec, sideJobFormValues, writtenFields, type SubmissionField } from './form.js';
import { sideJobPresentation } from './presentation.js';
import { reconfirmAnswers, reconfirmationCard, roundItems, ROUND_PATTERN } from './reconfirmation.js';
import { assessSideJob, loadAllSideJobRules, type SideJobRules } from './rules.js';
import { isApproved, SIDE_JOB_TYPE, type SideJobData, type SideJobRecord } from './views.js';

export interface SideJobFeatureServices extends FeatureServices {
  /** For the filled-in form a "gewijzigd" answer sends as a message of its own. */
  outbox: Outbox;
}

const texts = {
  noRules: {
    nl: 'Voor je organisatie zijn in de assistent nog geen regels voor nevenwerkzaamheden ingesteld. Meld je nevenwerkzaamheid rechtstreeks bij je leidinggevende.',
    en: 'No side-job rules have been set up in the assistant for your organisation yet. Please report your side job directly to your manager.',
  },
  notFound: recordNotFound,
  notAllowed: {
    nl: 'Je bent niet bevoegd om over deze melding te adviseren of te besluiten: dat kunnen alleen de mensen die in deze stap aan de beurt zijn. Er is niets veranderd.',
    en: 'You are not authorised to advise or decide on this notification: only the people whose step it is can. Nothing has changed.',
  },
} satisfies Record<string, Localized>;

/**
 * Side-job notifications: the form with a first assessment at once, the organisation's chain of
 * advice and decision in-thread, return for changes and resubmission, withdrawal, and the yearly
 * (or function-change) reconfirmation of approved side jobs.
 */
export function createSideJobFeature(services: SideJobFeatureServices, rules: ReadonlyMap<string, SideJobRules> = loadAllSideJobRules()): WorkflowFeature {
  const definition = createSideJobDefinition(services, rules);
  // A chain naming an action or a decision body that does not exist stops the start-up.
  const problems = sideJobChainProblems(definition, rules, loadOrganisationFiles());
  if (problems.length > 0) throw new Error(`Invalid side-job chains:\n${problems.join('\n')}`);

  const formCard = (requester: Requester, state: FormCardState<SubmissionField>, extra: { title?: string; intro?: string } = {}) =>
    sideJobFormCard({
      lang: requester.lang,
      now: services.now(),
      organisationName: requester.organisation.name,
      id: { formId: state.formId, ...(state.values?.replaces ? { replaces: state.values.replaces } : {}) },
      ...(state.values ? { values: state.values } : {}),
      ...(state.errors ? { errors: state.errors } : {}),
      ...(state.banner ? { banner: state.banner } : {}),
      ...extra,
    });

  const toData = (orgRules: SideJobRules, requester: Requester, form: SideJobData['form'], replaces?: string): SideJobData => ({
    form,
    assessment: assessSideJob(orgRules, form, Boolean(requester.person?.publishSideJobs)),
    steps: orgRules.chain.map(({ id, label }) => ({ id, label })),
    ...(replaces ? { replaces } : {}),
  });

  return {
    definition,
    module(engine: WorkflowEngine) {
      const text = (requester: Requester, message: Localized): Reply => ({ kind: 'text', text: localize(message, requester.lang) });
      const open = async (requester: Requester): Promise<Reply> =>
        rules.has(requester.organisation.id) ? { kind: 'card', card: formCard(requester, { formId: randomUUID() }) } : text(requester, texts.noRules);

      /** The approved side job a change replaces must be the requester's own; anything else is ignored. */
      async function replaceable(request: CardRequest): Promise<string | undefined> {
        const asked = z.object({ replaces: z.string().uuid() }).passthrough().safeParse(request.data);
        if (!asked.success) return undefined;
        const record = await engine.find(definition, asked.data.replaces);
        return record && record.owner === normaliseObjectId(request.requester.aadObjectId) && isApproved(record) ? record._id : undefined;
      }

      async function submit(request: CardRequest): Promise<Reply> {
        const { requester } = request;
        const orgRules = rules.get(requester.organisation.id);
        if (!orgRules) return text(requester, texts.noRules);
        const replaces = await replaceable(request);
        return submitForm({
          engine,
          definition,
          request,
          spec: sideJobFormSpec(services.now()),
          formCard: (state) => formCard(requester, state),
          toData: (value) => toData(orgRules, requester, value.form, value.replaces === replaces ? replaces : undefined),
          logger: services.logger,
        });
      }

      /** The employee's corrected notification after a return: the same record, back to the step that returned it. */
      async function resubmit(request: CardRequest): Promise<Reply> {
        const { requester } = request;
        const orgRules = rules.get(requester.organisation.id);
        if (!orgRules) return text(requester, texts.noRules);
        // Only to keep what the correction does not change; parseActionForm checks the data itself.
        const recordId = z.object({ recordId: z.string().uuid() }).passthrough().safeParse(request.data).data?.recordId;
        const record = recordId ? await engine.find(definition, recordId) : undefined;
        const parsed = parseActionForm(request.data, sideJobFormSpec(services.now()), 'resubmit', ({ form }) => ({
          outcome: 'resubmitted',
          fields: {},
          data: toData(orgRules, requester, form, record?.data.replaces),
        }));
        return performCardAction(engine, definition, request, parsed, texts);
      }

      const advise = (request: CardRequest) =>
        performCardAction(engine, definition, request, parseActionForm(request.data, adviceSpec, 'advise', (value) => ({ outcome: value.advice, fields: writtenFields(value, ['conditions', 'reasoning']) })), texts);

      const decide = (request: CardRequest) =>
        performCardAction(engine, definition, request, parseActionForm(request.data, decisionSpec, 'decide', (value) => ({ outcome: value.decision, fields: writtenFields(value, ['conditions', 'reasons']) })), texts);

      const explain = (action: 'refer' | 'return', outcome: string, field: 'reasoning') => async (request: CardRequest) =>
        performCardAction(engine, definition, request, parseActionForm(request.data, explanationSpec, action, ({ explanation }) => ({ outcome, fields: { [field]: explanation } })), texts);

      async function withdraw(request: CardRequest): Promise<Reply> {
        const recordId = parseCardAction(request.data, { recordId: z.string().uuid() })?.recordId;
        return performCardAction(engine, definition, request, recordId ? { kind: 'valid', recordId, action: 'withdraw', outcome: 'withdrawn', fields: {} } : undefined, texts);
      }

      /**
       * An answer to a reconfirmation. From the round's card, the card comes back with the answer
       * in place (and "gewijzigd" sends the filled-in form as a message of its own); from the
       * record's own card ("beëindigd melden") the record's card comes back.
       */
      async function reconfirm(request: CardRequest): Promise<Reply> {
        const { requester } = request;
        const parsed = parseCardAction(request.data, { recordId: z.string().uuid(), answer: z.enum(reconfirmAnswers), round: z.string().regex(ROUND_PATTERN).optional() });
        if (!parsed) return text(requester, invalidAction);
        const fields: Record<string, string> = parsed.round ? { round: parsed.round } : {};
        const answer = { kind: 'valid' as const, recordId: parsed.recordId, action: 'reconfirm', outcome: parsed.answer, fields };
        if (!parsed.round) return performCardAction(engine, definition, request, answer, texts);
        const record = await engine.find(definition, parsed.recordId);
        if (!record || record.owner !== normaliseObjectId(requester.aadObjectId)) return text(requester, texts.notFound);
        // A second click on the same round changes nothing: the card shows the first answer.
        const answered = record.history.some((entry) => entry.action === 'reconfirm' && entry.fields.round === parsed.round);
        if (!answered) {
          const result = await engine.act(definition, { recordId: parsed.recordId, actor: requester.aadObjectId, action: 'reconfirm', outcome: parsed.answer, fields: answer.fields });
          if (result.kind === 'not_found') return text(requester, texts.notFound);
          if (result.kind === 'not_allowed') return text(requester, texts.notFound);
          if (result.kind === 'done' && parsed.answer === 'changed') await sendChangeForm(requester, result.record);
        }
        const mine = (await engine.ownedBy(requester.aadObjectId, 200)).filter((candidate) => candidate.type === SIDE_JOB_TYPE) as SideJobRecord[];
        const items = roundItems(mine, parsed.round, services.now());
        return { kind: 'card', card: reconfirmationCard({ lang: requester.lang, round: parsed.round, reason: parsed.round.startsWith('yearly') ? 'yearly' : 'function_change', items }) };
      }

      /** "Gewijzigd": the side job's form, filled in, as a new request that replaces the approved one once decided. */
      async function sendChangeForm(requester: Requester, record: SideJobRecord): Promise<void> {
        const card = formCard(
          requester,
          { formId: randomUUID(), values: { ...sideJobFormValues(record.data.form), replaces: record._id } },
          {
            title: localize({ nl: 'Gewijzigde nevenwerkzaamheid melden', en: 'Report a changed side job' }, requester.lang),
            intro: localize(
              {
                nl: `Pas aan wat er is veranderd en meld opnieuw. Wat voor ${record.reference} is besloten, blijft gelden tot over de wijziging is besloten.`,
                en: `Change what is different and report again. What was decided for ${record.reference} stays valid until the change is decided.`,
              },
              requester.lang,
            ),
          },
        );
        await services.outbox.enqueue([{ mode: 'send', to: record.owner, key: `sidejob-change:${record._id}:${record.version}`, purpose: 'sidejob_change_form', content: { kind: 'card', card }, recordId: record._id, orgId: record.orgId }]);
      }

      return {
        definition,
        presentation: sideJobPresentation,
        start: {
          verb: sideJobVerbs.start,
          title: { nl: 'Nevenwerkzaamheid melden', en: 'Report a side job' },
          commands: [/^\s*((nevenwerkzaamheid|nevenwerkzaamheden|nevenfunctie|bijbaan) melden|report a side job)[\s.!]*$/i],
        },
        open,
        verbs: {
          [sideJobVerbs.start]: (request) => open(request.requester),
          [sideJobVerbs.submit]: submit,
          [sideJobVerbs.advise]: advise,
          [sideJobVerbs.decide]: decide,
          [sideJobVerbs.refer]: explain('refer', 'referred', 'reasoning'),
          [sideJobVerbs.return]: explain('return', 'changes_requested', 'reasoning'),
          [sideJobVerbs.resubmit]: resubmit,
          [sideJobVerbs.withdraw]: withdraw,
          [sideJobVerbs.reconfirm]: reconfirm,
        },
      };
    },
  };
}

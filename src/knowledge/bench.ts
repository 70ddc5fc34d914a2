import { performance } from 'node:perf_hooks';
import { loadBuiltInDocuments } from './corpus.js';
import { PolicyKnowledgeBase, type LoadedDocument } from './kb.js';
import { NATIONAL, BACKGROUND } from './organisations.js';
import type { Lang } from './text.js';

const QUESTIONS: { org: string; text: string; lang: Lang }[] = [
  { org: 'velsen', text: 'Mag ik een cadeaubon van 25 euro van een inwoner houden?', lang: 'nl' },
  { org: 'velsen', text: 'Waar vind ik de namen van de vertrouwenspersonen?', lang: 'nl' },
  { org: 'heerde', text: 'Mag ik gemeentelijke spullen voor privé gebruiken?', lang: 'nl' },
  { org: 'heerde', text: 'Can I accept a dinner invitation from a contractor?', lang: 'en' },
  { org: 'heemskerk', text: 'Hoe vaak wordt het integriteitsbeleid geëvalueerd?', lang: 'nl' },
  { org: 'heemskerk', text: 'Wie is verantwoordelijk voor het werven van interne vertrouwenspersonen?', lang: 'nl' },
  { org: 'werksaam', text: 'Wie beslist over een verzoek om nevenwerkzaamheden?', lang: 'nl' },
  { org: 'werksaam', text: 'Do new staff members need a certificate of conduct?', lang: 'en' },
  { org: 'velsen', text: 'Wat staat er in artikel 8 van de Ambtenarenwet?', lang: 'nl' },
  { org: 'heerde', text: 'Wie wint de Champions League dit jaar?', lang: 'nl' },
];

const SYNTHETIC_PASSAGES = 10_000;

/**
 * Retrieval speed and index build time over the built-in library and over a synthetic
 * library of about 10,000 passages (the built-in one copied for generated organisations),
 * plus the process's memory. Targets: p95 <= 5 ms at 10,000 passages, build <= 10 s,
 * RSS <= 200 MB.
 */
export async function benchKnowledge(): Promise<Record<string, number>> {
  const builtIn = loadBuiltInDocuments();

  let started = performance.now();
  const small = new PolicyKnowledgeBase(builtIn);
  const builtInBuildMs = performance.now() - started;
  const builtInTimes = measure(small, (question) => question.org);

  const synthetic = syntheticLibrary(builtIn, SYNTHETIC_PASSAGES, small.passageCount);
  started = performance.now();
  const large = new PolicyKnowledgeBase(synthetic.documents);
  const syntheticBuildMs = performance.now() - started;
  let turn = 0;
  const syntheticTimes = measure(large, () => synthetic.organisations[turn++ % synthetic.organisations.length] as string);

  return {
    builtInPassages: small.passageCount,
    builtInBuildMs: round(builtInBuildMs),
    builtInRetrieveP50Ms: round(percentile(builtInTimes, 50)),
    builtInRetrieveP95Ms: round(percentile(builtInTimes, 95)),
    syntheticPassages: large.passageCount,
    syntheticBuildMs: round(syntheticBuildMs),
    syntheticRetrieveP50Ms: round(percentile(syntheticTimes, 50)),
    syntheticRetrieveP95Ms: round(percentile(syntheticTimes, 95)),
    rssMb: round(process.memoryUsage().rss / 1024 / 1024),
  };
}

function measure(knowledge: PolicyKnowledgeBase, orgFor: (question: (typeof QUESTIONS)[number]) => string): number[] {
  // Warm the caches and the JIT first, as a running bot would be.
  for (const question of QUESTIONS) knowledge.retrieve({ orgId: question.org, text: question.text, lang: question.lang });
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const question of QUESTIONS) {
      const orgId = orgFor(question);
      const started = performance.now();
      knowledge.retrieve({ orgId, text: question.text, lang: question.lang });
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** Copies of every organisation's own documents for generated organisations; national and background texts once. */
function syntheticLibrary(builtIn: LoadedDocument[], target: number, builtInPassages: number): { documents: LoadedDocument[]; organisations: string[] } {
  const shared = builtIn.filter((doc) => doc.info.organisation === NATIONAL || doc.info.organisation === BACKGROUND);
  const own = builtIn.filter((doc) => !shared.includes(doc));
  const ownPassages = own.reduce((sum, doc) => sum + doc.blocks.length, 0) || 1;
  const copies = Math.max(1, Math.ceil((target - (builtInPassages - ownPassages)) / ownPassages));
  const documents: LoadedDocument[] = [...shared];
  const organisations: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const orgId = `org${String(copy + 1).padStart(3, '0')}`;
    organisations.push(orgId);
    for (const doc of own) {
      documents.push({ info: { ...doc.info, id: `${doc.info.id}-${orgId}`, organisation: orgId }, blocks: doc.blocks });
    }
  }
  return { documents, organisations };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

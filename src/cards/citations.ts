import { z } from 'zod';
import { localize, type Language, type Localized } from '../i18n/index.js';
import type { Citation } from '../knowledge/types.js';
import type { CardElement } from './adaptiveCard.js';
import { subheading } from './blocks.js';

/** A section of a policy document as organisation data cites it, e.g. "Artikel 5 lid 2". */
export const policySourceSchema = z
  .object({
    documentId: z.string().regex(/^[a-z0-9-]{2,80}$/),
    /** A section label as the knowledge base cites it, e.g. "Artikel 5 lid 2". */
    section: z.string().trim().min(1).max(200),
  })
  .strict();

export type PolicySource = z.infer<typeof policySourceSchema>;

/** A source with its exact text when the knowledge base still has it. */
export interface CitedSource extends PolicySource {
  title?: string;
  quote?: string;
}

export interface SectionLookup {
  section(documentId: string, sectionRef: string): Citation | undefined;
}

/** Resolves each source to its quoted text; `missing` hears of sources the knowledge base no longer has. */
export function citeSources(knowledge: SectionLookup, sources: readonly PolicySource[], missing: (source: PolicySource) => void): CitedSource[] {
  return sources.map((source) => {
    const found = knowledge.section(source.documentId, source.section);
    if (!found) {
      missing(source);
      return source;
    }
    return { ...source, section: found.section, title: found.title, quote: found.quote };
  });
}

const fromTheRules: Localized = { nl: 'Uit de regels', en: 'From the rules' };

/** The quoted articles under a heading; English readers are told the quotes are the Dutch original. */
export function citationBlocks(citations: readonly CitedSource[], lang: Language, title: Localized = fromTheRules): CardElement[] {
  const blocks: CardElement[] = [subheading(localize(title, lang))];
  for (const citation of citations) {
    const source = citation.title ? `${citation.title}, ${citation.section}` : citation.section;
    blocks.push({
      type: 'Container',
      style: 'emphasis',
      items: [
        { type: 'TextBlock', text: source, weight: 'Bolder', wrap: true, size: 'Small' },
        ...(citation.quote ? [{ type: 'TextBlock' as const, text: citation.quote, wrap: true, size: 'Small' as const }] : []),
      ],
    });
  }
  if (lang === 'en') blocks.push({ type: 'TextBlock', text: 'Quoted from the Dutch original.', isSubtle: true, size: 'Small', wrap: true });
  return blocks;
}

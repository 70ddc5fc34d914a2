import { z } from 'zod';
import dilemmaData from './dilemmas.json' with { type: 'json' };

const sourceSchema = z.object({ documentId: z.string().regex(/^[a-z0-9-]{2,80}$/), section: z.string().min(1).max(200) }).strict();

const dilemmaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,60}$/),
    theme: z.string().min(3).max(60),
    title: z.string().min(3).max(120),
    situation: z.string().min(20).max(800),
    question: z.string().min(10).max(400),
    /** The article of the Ambtenarenwet the dilemma touches: it applies in every organisation. */
    source: sourceSchema,
    /** The organisation's own rule on it, where it has one (organisation id → section). */
    organisationSources: z.record(z.string().regex(/^[a-z0-9-]{2,40}$/), sourceSchema).optional(),
  })
  .strict();

const librarySchema = z
  .object({ source: z.string(), dilemmas: z.array(dilemmaSchema).min(20) })
  .strict()
  .superRefine((library, ctx) => {
    const ids = library.dilemmas.map((dilemma) => dilemma.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'dilemma ids must be unique' });
  });

export type Dilemma = z.infer<typeof dilemmaSchema>;
export type DilemmaSource = z.infer<typeof sourceSchema>;

/** The library, validated once at start-up: a broken file stops the bot rather than sending half a card. */
export const dilemmas: readonly Dilemma[] = librarySchema.parse(dilemmaData).dilemmas;

/** The rule a manager of this organisation reads with the dilemma: their own where there is one, else the law. */
export function sourceFor(dilemma: Dilemma, orgId: string): DilemmaSource {
  return dilemma.organisationSources?.[orgId] ?? dilemma.source;
}

/**
 * One dilemma per organisation per period, the same for all its managers (so HR knows what was
 * discussed), going round the library and starting at a different place per organisation.
 */
export function dilemmaFor(orgId: string, periodIndex: number): Dilemma {
  let offset = 0;
  for (const character of orgId) offset = (offset * 31 + character.charCodeAt(0)) % dilemmas.length;
  return dilemmas[(((periodIndex + offset) % dilemmas.length) + dilemmas.length) % dilemmas.length]!;
}

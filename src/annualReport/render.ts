import { SMALL_NUMBER, labelOf, shown, shownGroup, shownShare } from '../digests/index.js';
import { reportCategoryLabel, reportRouteLabel } from '../reports/index.js';
import type { AnnualFigures, Share, Tally, YearFigures } from './figures.js';
import { barChart, escapeXml, type Bar } from './svg.js';

/** One row of a table: a label and the (raw) values this year and last year. */
interface Row {
  label: string;
  current: number;
  previous: number;
}

/** A table of the report, with a chart of its rows when it has one. */
interface Table {
  id: string;
  title: string;
  /** A shorter title for the chart, where the table's is long. */
  chartTitle?: string;
  /** The rows add up to a total that is published: hide one more count where one is hidden (see shownGroup). */
  grouped?: boolean;
  note?: string;
  rows: Row[];
  chart: boolean;
  /** Shares (acknowledged within 7 days ...) are rows of a table of their own. */
  shares?: { label: string; current: Share; previous: Share }[];
}

const GIFT_KINDS: Record<string, string> = { gift: 'Geschenk', invitation: 'Uitnodiging', hospitality: 'Gastvrijheid', favour: 'Gunst of dienst', money_or_voucher: 'Geld of waardebon' };
const GIFT_OUTCOMES: Record<string, string> = { kept: 'Mag houden', handed_in: 'Ingeleverd', returned: 'Teruggestuurd', withdrawn: 'Ingetrokken', awaiting_decision: 'Nog geen besluit' };
const FINANCE_OUTCOMES: Record<string, string> = { noted: 'Kennis genomen', measures_agreed: 'Maatregelen afgesproken' };

const CURRENT_COLOUR = '#1f5fa8';
const PREVIOUS_COLOUR = '#9bb7d9';

/** `labels` names each key: a table of its own, or (for reports) the module that owns the codes. */
function rowsOf(current: Tally[], previous: Tally[], labels: Record<string, string> | ((key: string) => string), { awaiting = false } = {}): Row[] {
  const labelFor = (key: string) => (typeof labels === 'function' ? labels(key) : (labels[key] ?? labelOf(key)));
  const keys = [...new Set([...current.map((tally) => tally.key), ...previous.map((tally) => tally.key)])].filter((key) => awaiting || key !== 'awaiting_decision');
  return keys.map((key) => ({ label: labelFor(key), current: current.find((tally) => tally.key === key)?.count ?? 0, previous: previous.find((tally) => tally.key === key)?.count ?? 0 }));
}

/** The report's tables, in the order the law's accountability reads them. */
export function annualTables(figures: AnnualFigures): Table[] {
  const { current: now, previous: before } = figures;
  return [
    { id: 'gifts-kind', title: 'Gemelde geschenken en uitnodigingen, naar soort', chartTitle: 'Geschenken naar soort', rows: [{ label: 'Totaal', current: now.gifts.total, previous: before.gifts.total }, ...rowsOf(now.gifts.byKind, before.gifts.byKind, GIFT_KINDS)], chart: true },
    { id: 'gifts-outcome', title: 'Gemelde geschenken en uitnodigingen, naar besluit', chartTitle: 'Geschenken naar besluit', rows: rowsOf(now.gifts.byOutcome, before.gifts.byOutcome, GIFT_OUTCOMES, { awaiting: true }), chart: true },
    {
      id: 'sidejobs',
      title: 'Nevenwerkzaamheden',
      rows: [
        { label: 'Nieuw gemeld', current: now.sideJobs.new, previous: before.sideJobs.new },
        { label: 'Toegestaan', current: now.sideJobs.approved, previous: before.sideJobs.approved },
        { label: 'waarvan met voorwaarden', current: now.sideJobs.withConditions, previous: before.sideJobs.withConditions },
        { label: 'Niet toegestaan', current: now.sideJobs.refused, previous: before.sideJobs.refused },
        { label: 'Nog in behandeling', current: now.sideJobs.open, previous: before.sideJobs.open },
      ],
      chart: true,
    },
    {
      id: 'finance',
      title: 'Meldingen van financiële belangen',
      rows: [{ label: 'Meldingen', current: now.financialInterests.notices, previous: before.financialInterests.notices }, ...rowsOf(now.financialInterests.byOutcome, before.financialInterests.byOutcome, FINANCE_OUTCOMES)],
      chart: false,
    },
    {
      id: 'reports-category',
      title: 'Meldingen van vermoedens van misstanden en ongewenst gedrag, naar categorie',
      chartTitle: 'Meldingen naar categorie',
      grouped: true,
      note: 'Alleen aantallen; aantallen onder 5 staan als "< 5" en krijgen geen balk.',
      rows: [{ label: 'Totaal', current: now.reports.total, previous: before.reports.total }, ...rowsOf(now.reports.byCategory, before.reports.byCategory, (key) => reportCategoryLabel(key, 'nl'))],
      chart: true,
    },
    { id: 'reports-route', title: 'Meldingen naar wie ze ontving', rows: rowsOf(now.reports.byRoute, before.reports.byRoute, (key) => reportRouteLabel(key, 'nl')), chart: false, grouped: true },
    {
      id: 'reports-terms',
      title: 'Termijnen van de Wet bescherming klokkenluiders',
      note: 'Aandeel van de meldingen van het jaar; alleen getoond bij ten minste 5 meldingen.',
      rows: [],
      chart: false,
      shares: [
        { label: 'Binnen 7 dagen ontvangst bevestigd', current: now.reports.acknowledgedWithin7Days, previous: before.reports.acknowledgedWithin7Days },
        { label: 'Binnen 3 maanden inhoudelijk beantwoord', current: now.reports.answeredWithin3Months, previous: before.reports.answeredWithin3Months },
      ],
    },
    {
      id: 'meetings',
      title: 'Integriteit in het teamoverleg',
      note: 'Leidinggevenden die een herinnering kregen en die het bespreken vastlegden.',
      rows: [
        { label: 'Herinneringen aan leidinggevenden', current: now.meetings.reminded, previous: before.meetings.reminded },
        { label: 'Besproken in het teamoverleg', current: now.meetings.discussed, previous: before.meetings.discussed },
      ],
      chart: false,
      shares: [{ label: 'Aandeel besproken', current: { part: now.meetings.discussed, base: now.meetings.reminded }, previous: { part: before.meetings.discussed, base: before.meetings.reminded } }],
    },
  ];
}

/** A table's rows as published: each count, and the trend, with small numbers hidden. */
interface ShownRow {
  label: string;
  current: string;
  previous: string;
  trend: string;
  /** The raw counts, for a chart bar only where the count is shown. */
  raw: Row;
}

function shownRows(table: Table): ShownRow[] {
  // The first row of a grouped table is its total; the others add up to it.
  const column = (pick: (row: Row) => number) => {
    if (!table.grouped) return table.rows.map((row) => shown(pick(row)));
    const [first, ...rest] = table.rows;
    const hasTotal = first?.label === 'Totaal';
    const parts = shownGroup((hasTotal ? rest : table.rows).map(pick));
    return hasTotal ? [shown(pick(first!)), ...parts] : parts;
  };
  const current = column((row) => row.current);
  const previous = column((row) => row.previous);
  return table.rows.map((row, index) => ({
    label: row.label,
    current: current[index]!,
    previous: previous[index]!,
    trend: /^\d+$/.test(current[index]!) && /^\d+$/.test(previous[index]!) ? trend(row) : '—',
    raw: row,
  }));
}

/** Up, down or level only where neither year is suppressed, so a trend never reveals a small number. */
function trend(row: Row): string {
  const hidden = (value: number) => value > 0 && value < SMALL_NUMBER;
  if (hidden(row.current) || hidden(row.previous)) return '—';
  if (row.current === row.previous) return 'gelijk';
  return row.current > row.previous ? 'hoger' : 'lager';
}

function chartOf(table: Table, figures: AnnualFigures): string {
  const rows = shownRows(table);
  const bars = (year: 'current' | 'previous'): Bar[] =>
    rows.map((row) => ({ label: row.label, value: /^\d+$/.test(row[year]) ? row.raw[year] : undefined, text: row[year] }));
  return barChart(table.chartTitle ?? table.title, [
    { name: String(figures.current.year), colour: CURRENT_COLOUR, bars: bars('current') },
    { name: String(figures.previous.year), colour: PREVIOUS_COLOUR, bars: bars('previous') },
  ]);
}

const title = (figures: AnnualFigures) => `Jaarverantwoording integriteit ${figures.current.year} — ${figures.organisationName}`;
const intro = (figures: AnnualFigures) =>
  `Verantwoording over het integriteitsbeleid volgens artikel 4, vierde lid, van de Ambtenarenwet 2017, over ${figures.current.year} met ${figures.previous.year} ter vergelijking. De cijfers komen uit de registers van de Integriteitsassistent. Er staan geen namen in; aantallen onder 5 staan als "< 5".`;
const generated = (figures: AnnualFigures) => `Opgesteld op ${new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(figures.generatedAt)}.`;

export function annualMarkdown(figures: AnnualFigures, chartFile?: (id: string) => string): string {
  const lines = [`# ${title(figures)}`, '', intro(figures), ''];
  for (const table of annualTables(figures)) {
    lines.push(`## ${table.title}`, '');
    if (table.note) lines.push(`_${table.note}_`, '');
    if (table.rows.length > 0) {
      lines.push(`| | ${figures.current.year} | ${figures.previous.year} | ontwikkeling |`, '| --- | ---: | ---: | --- |');
      for (const row of shownRows(table)) lines.push(`| ${row.label} | ${row.current} | ${row.previous} | ${row.trend} |`);
      lines.push('');
    }
    if (table.shares) {
      lines.push(`| | ${figures.current.year} | ${figures.previous.year} |`, '| --- | ---: | ---: |');
      for (const entry of table.shares) lines.push(`| ${entry.label} | ${shownShare(entry.current.part, entry.current.base)} | ${shownShare(entry.previous.part, entry.previous.base)} |`);
      lines.push('');
    }
    if (table.chart && chartFile) lines.push(`![${table.title}](${chartFile(table.id)})`, '');
  }
  lines.push(generated(figures), '');
  return lines.join('\n');
}

export function annualHtml(figures: AnnualFigures): string {
  const cell = (text: string, numeric = false) => `<td${numeric ? ' class="n"' : ''}>${escapeXml(text)}</td>`;
  const sections = annualTables(figures).map((table) => {
    const parts = [`<section id="${table.id}"><h2>${escapeXml(table.title)}</h2>`];
    if (table.note) parts.push(`<p class="note">${escapeXml(table.note)}</p>`);
    if (table.rows.length > 0) {
      parts.push(`<table><thead><tr><th></th><th>${figures.current.year}</th><th>${figures.previous.year}</th><th>ontwikkeling</th></tr></thead><tbody>`);
      for (const row of shownRows(table)) parts.push(`<tr><th scope="row">${escapeXml(row.label)}</th>${cell(row.current, true)}${cell(row.previous, true)}${cell(row.trend)}</tr>`);
      parts.push('</tbody></table>');
    }
    if (table.shares) {
      parts.push(`<table><thead><tr><th></th><th>${figures.current.year}</th><th>${figures.previous.year}</th></tr></thead><tbody>`);
      for (const entry of table.shares) parts.push(`<tr><th scope="row">${escapeXml(entry.label)}</th>${cell(shownShare(entry.current.part, entry.current.base), true)}${cell(shownShare(entry.previous.part, entry.previous.base), true)}</tr>`);
      parts.push('</tbody></table>');
    }
    if (table.chart) parts.push(`<figure>${chartOf(table, figures)}</figure>`);
    parts.push('</section>');
    return parts.join('\n');
  });
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title(figures))}</title>
<style>
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
  table { border-collapse: collapse; margin: .5rem 0 1rem; min-width: 28rem; }
  th, td { padding: .3rem .75rem; border-bottom: 1px solid #e5e7eb; text-align: left; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .note { color: #555; font-size: .9rem; } figure { margin: .5rem 0 1.5rem; } footer { margin-top: 3rem; color: #555; font-size: .9rem; }
  @media print { body { margin: 0; } section { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${escapeXml(title(figures))}</h1>
<p>${escapeXml(intro(figures))}</p>
${sections.join('\n')}
<footer>${escapeXml(generated(figures))}</footer>
</body>
</html>
`;
}

/** One line per figure: section;item;this year;last year (semicolons, as Dutch spreadsheets expect). */
export function annualCsv(figures: AnnualFigures): string {
  const quote = (text: string) => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [['onderdeel', 'regel', String(figures.current.year), String(figures.previous.year)].join(';')];
  for (const table of annualTables(figures)) {
    for (const row of shownRows(table)) lines.push([table.title, row.label, row.current, row.previous].map(quote).join(';'));
    for (const entry of table.shares ?? []) lines.push([table.title, entry.label, shownShare(entry.current.part, entry.current.base), shownShare(entry.previous.part, entry.previous.base)].map(quote).join(';'));
  }
  return `${lines.join('\n')}\n`;
}

/** The charts as separate SVG files (for the Markdown), by table id. */
export function annualCharts(figures: AnnualFigures): { id: string; svg: string }[] {
  return annualTables(figures).filter((table) => table.chart).map((table) => ({ id: table.id, svg: chartOf(table, figures) }));
}

export type { YearFigures };

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AnnualFigures } from './figures.js';
import { annualCharts, annualCsv, annualHtml, annualMarkdown } from './render.js';

/** Writes the report as Markdown (with its SVG charts beside it), HTML (charts inline) and CSV; returns the paths. */
export function writeAnnualReport(figures: AnnualFigures, folder: string): { markdown: string; html: string; csv: string; charts: string[] } {
  mkdirSync(folder, { recursive: true });
  const base = `jaarverantwoording-${figures.orgId}-${figures.current.year}`;
  const chartName = (id: string) => `${base}-${id}.svg`;
  const charts = annualCharts(figures).map(({ id, svg }) => {
    const file = path.join(folder, chartName(id));
    writeFileSync(file, svg);
    return file;
  });
  const files = { markdown: path.join(folder, `${base}.md`), html: path.join(folder, `${base}.html`), csv: path.join(folder, `${base}.csv`) };
  writeFileSync(files.markdown, annualMarkdown(figures, chartName));
  writeFileSync(files.html, annualHtml(figures));
  writeFileSync(files.csv, annualCsv(figures));
  return { ...files, charts };
}

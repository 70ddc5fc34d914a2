export { annualFigures, yearFigures, type AnnualFigures, type Share, type Tally, type YearFigures } from './figures.js';
export { annualCharts, annualCsv, annualHtml, annualMarkdown, annualTables } from './render.js';
export { annualSummaryCard } from './card.js';
export { barChart, escapeXml, type Bar, type BarSeries } from './svg.js';
export { writeAnnualReport } from './write.js';

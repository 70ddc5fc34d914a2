/**
 * A small SVG builder for the yearly report's charts: horizontal bars, optionally two per label
 * (this year and last). System fonts only (no web fonts, nothing fetched), text escaped, sizes
 * fixed so the charts look the same in a browser, a PDF printer and a Markdown viewer.
 */
export interface Bar {
  label: string;
  /** The length of the bar; undefined draws none (a suppressed small number). */
  value: number | undefined;
  /** What is written next to it, e.g. "12" or "< 5". */
  text: string;
}

export interface BarSeries {
  name: string;
  colour: string;
  bars: Bar[];
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const WIDTH = 640;
const LABEL_WIDTH = 220;
const VALUE_WIDTH = 60;
const BAR_HEIGHT = 18;
const GAP = 10;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Bars per label, one per series (e.g. 2025 and 2026), with a legend when there are several series. */
export function barChart(title: string, series: BarSeries[]): string {
  const labels = [...new Set(series.flatMap((entry) => entry.bars.map((bar) => bar.label)))];
  const max = Math.max(1, ...series.flatMap((entry) => entry.bars.map((bar) => bar.value ?? 0)));
  const room = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 10;
  const groupHeight = series.length * BAR_HEIGHT + (series.length - 1) * 2 + GAP;
  const top = 34 + (series.length > 1 ? 22 : 0);
  const height = top + Math.max(1, labels.length) * groupHeight + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="${FONT}" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="0" y="20" font-size="15" font-weight="bold" fill="#1b1b1b">${escapeXml(title)}</text>`,
  ];
  if (series.length > 1) {
    series.forEach((entry, index) => {
      const x = LABEL_WIDTH + index * 110;
      parts.push(`<rect x="${x}" y="32" width="12" height="12" fill="${entry.colour}"/><text x="${x + 18}" y="43" fill="#1b1b1b">${escapeXml(entry.name)}</text>`);
    });
  }
  if (labels.length === 0) parts.push(`<text x="0" y="${top + 14}" fill="#555555">Geen meldingen</text>`);
  labels.forEach((label, index) => {
    const y = top + index * groupHeight;
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 5}" text-anchor="end" fill="#1b1b1b">${escapeXml(label)}</text>`);
    series.forEach((entry, position) => {
      const bar = entry.bars.find((candidate) => candidate.label === label);
      const barY = y + position * (BAR_HEIGHT + 2);
      const length = bar?.value ? Math.max(2, Math.round((bar.value / max) * room)) : 0;
      if (length > 0) parts.push(`<rect x="${LABEL_WIDTH}" y="${barY}" width="${length}" height="${BAR_HEIGHT}" rx="2" fill="${entry.colour}"/>`);
      parts.push(`<text x="${LABEL_WIDTH + length + 6}" y="${barY + BAR_HEIGHT - 5}" fill="#1b1b1b">${escapeXml(bar?.text ?? '0')}</text>`);
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}

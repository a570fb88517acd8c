// What each page's Redoc introduction says: the home page has the API's introduction and the list
// of areas; an area page points back to it.
import { homeFile, type Area } from './areas.js';

export interface AreaSummary {
  area: Area;
  operations: number;
  webhooks: number;
  /** The area's tags as Redoc names them (x-displayName). */
  tagNames: string[];
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function homeDescription(introduction: string, summaries: AreaSummary[]): string {
  const rows = summaries.map(({ area, operations, webhooks, tagNames }) => {
    const counts = [operations > 0 ? plural(operations, 'operation') : '', webhooks > 0 ? plural(webhooks, 'webhook') : ''].filter(Boolean);
    return `| [${area.name}](${area.file}) | ${counts.join(', ')} | ${tagNames.join('; ')} |`;
  });
  return [
    introduction.trimEnd(),
    '## API areas',
    'The reference has one page per area, as the vendor groups its pages. The header links them all, and its search box finds any operation or webhook of any area by path, operationId, English summary or Chinese section title (环信文档标题).',
    ['| area | holds | sections |', '| --- | --- | --- |', ...rows].join('\n'),
  ].join('\n\n');
}

export function areaDescription(area: Area): string {
  return [
    `The operations and webhooks of ${area.name}.`,
    `The [introduction](${homeFile}) covers what every area shares: the two URL prefixes, getting a token, reading an error, rate limits, paging, the TypeScript client and the mock.`,
  ].join(' ');
}

import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { ArticleService } from '../articles/articles.service.ts';
import type { SectionService } from '../sections/sections.service.ts';
import { CORPUS_SECTIONS } from './corpus-sections.ts';
import type { ImportService } from './imports.service.ts';

/** When the reference article was published (the Lavrov visit to Pyongyang, 19 October 2023). */
export const REFERENCE_PUBLISHED_AT = new Date('2023-10-19T09:00:00Z');
const REFERENCE_TAGS = ['روسيا', 'كوريا الشمالية', 'سيرغي لافروف', 'فلاديمير بوتين'];

/** Counts of what a bulk load did. */
export interface LoadReport {
  created: number;
  existing: number;
  failed: { where: string; message: string }[];
}

/**
 * Reads a JSONL file in the corpus format line by line (never the whole file in memory) and
 * imports each line; bad lines are reported and skipped, never half-saved.
 */
export async function importJsonlFile(
  deps: { imports: ImportService; articles: ArticleService },
  path: string,
  options: { publish: boolean; onProgress?: (done: number) => void },
): Promise<LoadReport> {
  const report: LoadReport = { created: 0, existing: 0, failed: [] };
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const outcome = await deps.imports.importCorpusLine(line, { publish: options.publish, computeRelated: false });
    if (!outcome.ok) report.failed.push({ where: `${path}:${lineNumber}`, message: `${outcome.code}: ${outcome.message}` });
    else if (outcome.created) report.created++;
    else report.existing++;
    if (lineNumber % 50 === 0) options.onProgress?.(lineNumber);
  }
  // Related lists read every article's terms, so they are computed once all are in.
  if (report.created > 0) await deps.articles.refreshAllRelated();
  return report;
}

/** Loads the demo site: the six corpus sections in menu order, the sample articles and the reference article. */
export async function loadDemoContent(
  deps: { imports: ImportService; articles: ArticleService; sections: SectionService },
  demoDir: string,
  onProgress?: (done: number) => void,
): Promise<LoadReport> {
  for (const section of CORPUS_SECTIONS) await deps.sections.ensure(section.name);
  const reference = await deps.imports.importWireCopy(readFileSync(join(demoDir, 'lavrov-pyongyang.txt')), {
    origin: 'demo:lavrov-pyongyang.txt',
    publish: true,
    publishedAt: REFERENCE_PUBLISHED_AT,
    tags: REFERENCE_TAGS,
  });
  const report = await importJsonlFile(deps, join(demoDir, 'articles.jsonl'), {
    publish: true,
    ...(onProgress ? { onProgress } : {}),
  });
  if (!reference.ok) report.failed.push({ where: 'lavrov-pyongyang.txt', message: reference.message });
  else if (reference.created) report.created++;
  return report;
}

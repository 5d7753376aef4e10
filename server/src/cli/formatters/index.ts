// `charter check` output formats. Each takes the same results and writes one string.
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatJunit } from './junit';
import type { FileResult, FormatOptions } from './results';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export { summarise, type FileResult } from './results';

export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'checkstyle'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatResults(format: OutputFormat, results: FileResult[], options: FormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options);
    case 'github':
      return formatGithub(results);
    case 'gitlab':
      return formatGitlab(results);
    case 'checkstyle':
      return formatCheckstyle(results);
    case 'junit':
      return formatJunit(results);
    case 'stylish':
      return formatStylish(results, options.color);
  }
}

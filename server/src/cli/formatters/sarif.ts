// SARIF 2.1.0, for code scanning: GitHub shows each result inline in the pull request, on the exact
// range, with the rule's help link. Paths are relative to %SRCROOT% (the directory `charter check` ran
// in, normally the repository root), so the upload maps them onto the repository's files.
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { CATALOGUE } from '../../engine/rules/index';
import type { Finding, Range, Severity } from '../../engine/types';
import { relativePath, type FileResult, type FormatOptions } from './results';
import { helpUri, ruleDescription } from './ruleHelp';

declare const CHARTER_VERSION: string | undefined;
const VERSION = typeof CHARTER_VERSION === 'string' ? CHARTER_VERSION : '0.1.0';

const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: FileResult[], options: FormatOptions): string {
  const findings = results.flatMap((r) => r.findings.map((finding) => ({ file: r.file, finding })));
  const all = findings.map((f) => f.finding);
  const ids = [...new Set([...CATALOGUE.map((r) => r.id), ...all.map((f) => f.rule).sort()])];
  const rules: Sarif.ReportingDescriptor[] = ids.map((id) => {
    const described = ruleDescription(id, all);
    const help = helpUri(described.docs);
    return {
      id,
      name: pascalCase(id),
      shortDescription: { text: described.summary },
      helpUri: help,
      help: { text: `${described.summary} See ${help}`, markdown: `${described.summary} [Rule documentation](${help})` },
      defaultConfiguration: { level: LEVEL[described.severity] },
      properties: { tags: ['charter', id.split('/')[0]] },
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'charter', informationUri: 'https://charter.dev/', version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
        artifacts: results.map((r) => ({ location: { uri: encodePath(r.file), uriBaseId: SRCROOT } })),
        results: findings.map(({ file, finding }) => toResult(file, finding, results, index, options)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toResult(file: string, finding: Finding, results: FileResult[], index: Map<string, number>, options: FormatOptions): Sarif.Result {
  const artifactIndex = results.findIndex((r) => r.file === file);
  const result: Sarif.Result = {
    ruleId: finding.rule,
    ruleIndex: index.get(finding.rule),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(file), uriBaseId: SRCROOT, index: artifactIndex }, region: region(finding.range) } }],
  };
  // A base text (`charter-base:`) is another revision, not a file code scanning can show: the message
  // quotes the base value instead.
  const related = (finding.related ?? []).filter((r) => r.uri.startsWith('file:'));
  if (related.length) {
    result.relatedLocations = related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: { artifactLocation: { uri: encodePath(relativePath(r.uri, options.cwd)), uriBaseId: SRCROOT }, region: region(r.range) },
    }));
  }
  return result;
}

/** SARIF lines and columns are 1-based; `endColumn` is the column just after the region, as LSP's end. */
function region(range: Range): Sarif.Region {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function encodePath(p: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(p)) return p;
  return p.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

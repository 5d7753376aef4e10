// Export Report: the portfolio report in a format and at a place, asked for or given, written by the
// server's renderer.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { isOneOf, REPORT_FORMAT_LABELS, REPORT_FORMATS, Requests, type ExportReportArgs, type ReportFormat } from '../../../server/src/protocol';
import type { PortfolioProvider } from './portfolioProvider';
import { toUri } from './workspaceFiles';

/** The written report's URI, or undefined when a prompt was dismissed. */
export async function exportReport(client: LanguageClient, ready: Promise<void>, provider: PortfolioProvider, given?: ExportReportArgs): Promise<string | undefined> {
  const args = given ?? {};
  const interactive = given === undefined || given.interactive === true;
  let format = args.format ?? (args.out ? formatOf(args.out) : undefined);
  if (!format && interactive) {
    const picked = await vscode.window.showQuickPick(
      REPORT_FORMATS.map((value) => ({ ...REPORT_FORMAT_LABELS[value], value })),
      { title: 'Export the portfolio report as' },
    );
    if (!picked) return undefined;
    format = picked.value;
  }
  format ??= 'md';
  if (!isOneOf(REPORT_FORMATS, format)) throw new Error(`Unknown report format "${format}". Use ${REPORT_FORMATS.slice(0, -1).join(', ')} or ${REPORT_FORMATS[REPORT_FORMATS.length - 1]}.`);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  let target = args.out ? toUri(args.out) : root ? vscode.Uri.joinPath(root, `portfolio-report.${format}`) : undefined;
  if (interactive) {
    const choice = await vscode.window.showQuickPick(
      [...(target ? [{ label: `Save as ${vscode.workspace.asRelativePath(target)}`, uri: target }] : []), { label: 'Choose a location…', uri: undefined }],
      { title: 'Where to save the report' },
    );
    if (!choice) return undefined;
    target = choice.uri ?? (await vscode.window.showSaveDialog({ defaultUri: target, filters: { Report: [format] } }));
  }
  if (!target) return undefined;
  await ready;
  const groupBy = args.groupBy ?? provider.groupBy;
  const report = await client.sendRequest(Requests.report, { format, groupBy });
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.content));
  if (args.open ?? interactive) {
    if (format === 'html') void vscode.env.openExternal(target);
    else await vscode.window.showTextDocument(target);
  }
  return target.toString();
}

function formatOf(out: string): ReportFormat | undefined {
  const ext = out.split('.').pop()?.toLowerCase();
  return ext === 'markdown' ? 'md' : isOneOf(REPORT_FORMATS, ext) ? ext : undefined;
}

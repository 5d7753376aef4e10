// The `charter` command line, on the same engine as the language server.
import { parseArgs } from 'node:util';
import { runCheck, CHECK_FORMATS, type CheckFormat } from './cli/check';
import { runReport, REPORT_FORMATS } from './cli/report';
import { UsageError } from './cli/workspace';
import { terminalText } from './engine/utils/escape';
import { runNew } from './cli/new';
import { checkTemplates, chooseTemplate, listTemplates, openTemplateWorkspace } from './cli/templates';
import { oneLineCause } from './engine/rules/ruleFailure';
import { runDiff, DIFF_FORMATS } from './cli/diff';
import { isIsoDate } from './engine/utils/dates';
import { GROUP_BY_KEYS } from './engine/model/vocabulary';

declare const CHARTER_VERSION: string | undefined;
const VERSION = typeof CHARTER_VERSION === 'string' ? CHARTER_VERSION : '0.1.0';

export const HELP = `charter ${VERSION}: project charters as code

Usage:
  charter check [paths...] [options]   check charters (no paths: the current directory as a workspace)
  charter report [paths...] [options]  the portfolio: table, roll-ups, timeline (Markdown, HTML, CSV or JSON)
  charter new <id> [--title T] [--programme P] [--manager M] [--dir D] [--template NAME | --tier TIER]
                                       write a charter <id>.charter.yaml (in projects/ when it exists): the built-in
                                       skeleton, or a PMO template (charter.templates, templates of a ruleset)
  charter templates list               the templates New Charter and charter new offer
  charter templates check [names...]   check that each template's output passes the schema and rulesets but for its <placeholders>
  charter diff --base <ref> [paths...] [options]   what changed against a git ref: a summary for a pull-request comment
  charter --help | --version

Options for check:
  --format <${CHECK_FORMATS.join('|')}>   output format (default: stylish)
  --max-warnings <n>          exit 1 when there are more than n warnings
  --as-of <YYYY-MM-DD>        evaluate date rules as of this day (default: today, or charter.asOf)
  --config <file>             read charter.* settings from this file instead of .vscode/settings.json
  --offline                   download no schema: use cached copies of http(s) schemas only
  --fix                       apply every safe fix (as "Fix all" in the editor), write the files, list each change
                              (file:line, rule, before -> after), then report what is left; suggestions that
                              guess or insert a placeholder are left for the editor
  --fix-dry-run               list the changes --fix would make, write nothing
  --base <ref>                also compare each charter with its text at this git ref (change/* rules)
  --cache                     keep each file's facts and findings in a cache and read unchanged files from it on
                              the next run (the output is the same as without; not used with --fix, --fix-dry-run, --base)
  --cache-location <path>     the cache file, or a folder to keep it in (default: .charter-cache/check-cache)

Options for report (and --as-of, --config, --offline as for check):
  --format <${REPORT_FORMATS.join('|')}>   output format (default: from --out's extension, else md)
  --out <file>                write the report to this file instead of printing it
  --group-by <${GROUP_BY_KEYS.join('|')}>   roll-ups per group (default: charter.portfolio.groupBy)
  --exceptions                the exceptions register instead: every waiver and suppression, with reason, approver, expiry
  --git-history               trends (RAG, forecast moves) from each charter's git history when it keeps no statusReports: list

Options for diff (and --as-of, --config, --offline as for check):
  --base <ref>                the git ref holding the approved baseline (required), e.g. main or origin/main
  --format <${DIFF_FORMATS.join('|')}>             output format (default: from --out's extension, else md)
  --out <file>                write the summary to this file instead of printing it

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error, 3 Charter itself failed (a bug: please report it).
`;

export async function main(argv: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        'as-of': { type: 'string' },
        config: { type: 'string', short: 'c' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        offline: { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        exceptions: { type: 'boolean' },
        'git-history': { type: 'boolean' },
        'group-by': { type: 'string' },
        title: { type: 'string' },
        programme: { type: 'string' },
        dir: { type: 'string' },
        template: { type: 'string', short: 't' },
        tier: { type: 'string' },
        manager: { type: 'string' },
        base: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
      },
    });
    if (values.version) return { code: 0, stdout: `${VERSION}\n`, stderr: '' };
    const [command, ...paths] = positionals;
    if (values.help || !command) return { code: values.help ? 0 : 2, stdout: values.help ? HELP : '', stderr: values.help ? '' : HELP };
    if (command !== 'check' && command !== 'report' && command !== 'new' && command !== 'templates' && command !== 'diff') throw new UsageError(`Unknown command "${command}". Run charter --help.`);
    if (command === 'new') {
      if (paths.length > 1) throw new UsageError('charter new takes one project id.');
      let render: Parameters<typeof runNew>[0]['render'];
      if (values.template !== undefined || values.tier !== undefined) {
        const ws = openTemplateWorkspace({ cwd, config: values.config, offline: !!values.offline, asOf: values['as-of'] });
        const name = (await chooseTemplate(ws, values.template, values.tier))!;
        render = async (vars) => {
          try {
            return await ws.service.renderTemplate(name, { ...vars, manager: values.manager?.trim() || undefined }, { settings: ws.settings, folderUri: ws.folderUri });
          } catch (e) {
            throw new UsageError((e as Error).message);
          }
        };
      } else if (values.manager !== undefined) {
        throw new UsageError('--manager fills in a template: use it with --template or --tier.');
      }
      const created = await runNew({ cwd, id: paths[0], title: values.title, programme: values.programme, dir: values.dir, asOf: values['as-of'], offline: !!values.offline, render });
      return { code: 0, stdout: created.output, stderr: created.warnings };
    }
    if (values.title !== undefined || values.programme !== undefined || values.dir !== undefined || values.manager !== undefined || values.template !== undefined || values.tier !== undefined) {
      throw new UsageError('--title, --programme, --manager, --dir, --template and --tier are options of charter new.');
    }
    if (command === 'templates') {
      const [sub, ...names] = paths;
      if (sub !== 'list' && sub !== 'check') throw new UsageError('Use charter templates list or charter templates check [names...].');
      const ws = openTemplateWorkspace({ cwd, config: values.config, offline: !!values.offline, asOf: values['as-of'] });
      if (sub === 'list') {
        if (names.length > 0) throw new UsageError('charter templates list takes no names.');
        return { code: 0, stdout: await listTemplates(ws), stderr: '' };
      }
      const outcome = await checkTemplates(ws, names);
      return { code: outcome.exitCode, stdout: outcome.output, stderr: '' };
    }
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number of 0 or more.');
    }
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError('--as-of needs a real day written as YYYY-MM-DD.');
    if (command === 'diff') {
      if (values.base === undefined) throw new UsageError('charter diff needs --base <ref>, e.g. --base main.');
      const outcome = await runDiff({ cwd, paths, base: values.base, format: values.format, out: values.out, asOf, config: values.config, offline: !!values.offline });
      return { code: outcome.exitCode, stdout: outcome.output, stderr: outcome.notice ?? '' };
    }
    if (values.base !== undefined && command !== 'check') throw new UsageError('--base is an option of charter check and charter diff.');
    if (command === 'report') {
      const outcome = await runReport({ cwd, paths, format: values.format, out: values.out, groupBy: values['group-by'], asOf, config: values.config, offline: !!values.offline, exceptions: !!values.exceptions, gitHistory: !!values['git-history'] });
      return { code: outcome.exitCode, stdout: outcome.output, stderr: outcome.warnings };
    }
    if (values.out !== undefined || values['group-by'] !== undefined || values.exceptions) throw new UsageError('--out, --group-by and --exceptions are options of charter report.');
    const color = values['no-color'] ? false : (values.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR));
    const format = (values.format ?? 'stylish') as CheckFormat;
    if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location goes with --cache.');
    const cache = values.cache ? { location: values['cache-location'] } : undefined;
    const outcome = await runCheck({ cwd, paths, format, maxWarnings, asOf, config: values.config, color, offline: !!values.offline, fix: !!values.fix, fixDryRun: !!values['fix-dry-run'], base: values.base, cache });
    // Like ESLint's TIMING=1: where the run's time went, for whoever tunes a large portfolio.
    const notice = (outcome.notice ?? '') + (process.env.CHARTER_TIMING ? `charter: timing: ${outcome.phaseTimes}\n` : '');
    // The list of fixes goes before the findings for a person; machine formats keep stdout to themselves.
    if (format === 'stylish') return { code: outcome.exitCode, stdout: outcome.fixLog + outcome.output, stderr: notice + outcome.warnings };
    return { code: outcome.exitCode, stdout: outcome.output, stderr: notice + outcome.fixLog + outcome.warnings };
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { code: 2, stdout: '', stderr: `charter: ${terminalText((e as Error).message)}\n` };
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.code;
    },
    (e: unknown) => {
      // Our bug, not the user's input: one line (the stack only on request), and not the usage-error code.
      const detail = process.env.CHARTER_DEBUG ? `\n${(e as Error)?.stack ?? ''}` : ' (set CHARTER_DEBUG=1 for the details)';
      process.stderr.write(`charter: internal error: ${terminalText(oneLineCause(e))}. This is a bug in Charter: please report it${detail}\n`);
      process.exitCode = 3;
    },
  );
}

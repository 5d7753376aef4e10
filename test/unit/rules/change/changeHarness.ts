// Change-rule tests: a head text checked against a base text, as `charter check --base main` would.
import { getLanguageService } from '../../../../server/src/engine/languageService';
import { baseUri, type BaseText } from '../../../../server/src/engine/change/baseline';
import { normaliseSettings } from '../../../../server/src/engine/settings';
import { WorkspaceIndex } from '../../../../server/src/engine/workspace/workspaceIndex';
import type { Finding } from '../../../../server/src/engine/types';
import { underlined } from '../../../support/engine';
import { PROJECT } from '../harness';

export { PROJECT };

export interface ChangeCheckOptions {
  /** The base's path when the file was renamed on the branch. */
  basePath?: string;
  /** A Portfolio document indexed with the project, for its policy. */
  portfolio?: string;
  settings?: Record<string, unknown>;
}

export interface ChangeChecked {
  findings: Finding[];
  underlined: string[];
  messages: string[];
  /** What each finding's first related location underlines in the base text. */
  atBase: string[];
}

const HEAD_PATH = 'projects/fin-invoice.charter.yaml';

/** One service for all change-rule tests (schemas compile once); each check sets the base it answers with. */
let answer: (relativePath: string) => BaseText | undefined = () => undefined;
let shared: ReturnType<typeof getLanguageService> | undefined;
function service() {
  return (shared ??= getLanguageService({ baseText: async (_uri, relativePath) => answer(relativePath) }));
}

/** Findings of `rule` (`*` for all) for `head` checked against `base` (undefined: the file is new on the branch). */
export async function checkChange(rule: string, base: string | undefined, head: string, options: ChangeCheckOptions = {}): Promise<ChangeChecked> {
  const basePath = options.basePath ?? HEAD_PATH;
  answer = () => (base === undefined ? undefined : { text: base, uri: baseUri('main', basePath), ref: 'main', path: basePath });
  const svc = service();
  const workspace = new WorkspaceIndex();
  const uri = `file:///portfolio/${HEAD_PATH}`;
  svc.forget(uri);
  const file = svc.parse(uri, head, 1);
  workspace.setFile(file, HEAD_PATH);
  if (options.portfolio) {
    svc.forget('file:///portfolio/portfolio.yaml');
    workspace.setFile(svc.parse('file:///portfolio/portfolio.yaml', options.portfolio, 1), 'portfolio.yaml');
  }
  const settings = normaliseSettings({ asOf: '2027-05-15', ...options.settings });
  const findings = (await svc.validate(file, { relativePath: HEAD_PATH, settings, workspace })).filter((f) => (rule === '*' ? f.rule.startsWith('change/') : f.rule === rule));
  return {
    findings,
    underlined: findings.map((f) => underlined(head, f)),
    messages: findings.map((f) => f.message),
    atBase: findings.map((f) => (f.related?.[0] && base !== undefined ? underlined(base, { ...f, range: f.related[0].range }) : '')),
  };
}

/** A policy-only portfolio document. */
export function policyPortfolio(policy: string): string {
  return `apiVersion: charter/v1\nkind: Portfolio\nid: p\ntitle: P\npolicy:\n${policy}`;
}

// Issue 7: the portfolio. The tree (through the extension's API: the nodes the view shows, as plain
// data), its RAG colours following an edit, the dashboard, and the commands that take arguments.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, deleteWorkspaceFile, getExtension, openWorkspaceFile, valueRange, waitFor, workspaceUri,
} from '../helpers';

/** The parts of client/src/portfolio (TreeNode, PortfolioApi) and the dashboard API the tests read. */
interface Node {
  id: string;
  kind: string;
  label: string;
  description?: string;
  icon?: { id: string; color?: string };
  projectId?: string;
  children: Node[];
}
interface Api {
  portfolio: {
    getChildren(node?: Node): Promise<Node[]>;
    refresh(): Promise<Node[]>;
    findProject(id: string): Node | undefined;
  };
  dashboard: { readonly isOpen: boolean; readonly html: string | undefined };
}
const api = () => getExtension().exports as unknown as Api;

/** The programmes of examples/ and their projects (projects/ and needs-attention/). */
const PROGRAMMES: Record<string, number> = {
  'digital-customer': 5,
  'finance-transformation': 5,
  'operational-resilience': 4,
};
const RAG_PROJECT = 'projects/dc-identity.charter.yaml';

suite('Portfolio', () => {
  const created: string[] = [];
  suiteSetup(() => activateExtension());
  suiteTeardown(async () => {
    await closeAllEditors();
    for (const file of created) await deleteWorkspaceFile(file);
  });

  test('the top-level groups are the three programmes, with their project counts', async () => {
    const roots = await api().portfolio.refresh();
    const programmes = roots.filter((n) => n.kind === 'group' && !/^group:programme:$/.test(n.id));
    const seen = Object.fromEntries(programmes.map((g) => [g.id.replace(/^group:programme:/, ''), g]));
    assert.deepStrictEqual(Object.keys(seen).sort(), Object.keys(PROGRAMMES).sort(),
      `programme groups; got ${roots.map((n) => `${n.id} "${n.label}" (${n.description})`).join('; ')}`);
    for (const [key, count] of Object.entries(PROGRAMMES)) {
      const group = seen[key];
      assert.match(group.description ?? '', new RegExp(`(^| · )${count} projects$`), `${key}: "${group.description}"`);
      assert.strictEqual(group.children.filter((c) => c.kind === 'project').length, count, `${key} holds ${count} project nodes`);
      assert.deepStrictEqual(await api().portfolio.getChildren(group), group.children);
    }
    assert.strictEqual(seen['digital-customer'].label, 'Digital customer', 'a programme group shows its title');
  });

  test('a project\'s RAG colour follows its statusReport.rag after an edit', async () => {
    await api().portfolio.refresh();
    assert.strictEqual(api().portfolio.findProject('dc-identity')?.icon?.color, 'charts.green');
    const editor = await openWorkspaceFile(RAG_PROJECT);
    const setRag = async (rag: string) => {
      const range = valueRange(editor.document, 'rag');
      assert.ok(await editor.edit((b) => b.replace(range, rag)), 'the edit applies');
      assert.ok(await editor.document.save(), 'the charter is saved');
    };
    const colourBecomes = (color: string) => waitFor(async () => {
      await api().portfolio.refresh();
      return api().portfolio.findProject('dc-identity')?.icon?.color === color;
    }, { interval: 250, what: `dc-identity's icon colour ${color}`, describe: () => JSON.stringify(api().portfolio.findProject('dc-identity')?.icon) });
    try {
      await setRag('amber');
      await colourBecomes('charts.orange');
    } finally {
      await setRag('green');
    }
    await colourBecomes('charts.green');
  });

  test('charter.openDashboard opens the dashboard with the timeline chart', async () => {
    await vscode.commands.executeCommand('charter.openDashboard');
    assert.strictEqual(api().dashboard.isOpen, true);
    const html = await waitFor(() => api().dashboard.html, { what: 'the dashboard HTML' });
    assert.match(html, /<svg class="chart gantt"[^>]*aria-label="Timeline of projects and milestones"/);
    assert.match(html, /Digital customer/);
    // The performance section, with the examples' figures: ERP upgrade EV 924,000 / AC 960,000 and / PV 988,625.59.
    assert.match(html, /<section id="performance"><h2>Performance<\/h2>/);
    assert.match(html, /<svg class="chart scatter"/);
    assert.match(html, /ERP upgrade \(fin-erp-upgrade\): CPI 0\.96, SPI 0\.93/);
    assert.match(html, /<svg class="chart programme-money"/);
    assert.match(html, /<svg class="chart rag-trend"/);
    assert.match(html, /<table class="heat-map">/);
    assert.match(html, /<table class="alignment">/);
    assert.doesNotMatch(html, /NaN/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => !api().dashboard.isOpen, { what: 'the dashboard to close' });
  });

  test('charter.newCharter with arguments writes the charter without a prompt', async () => {
    const result = await vscode.commands.executeCommand<string>('charter.newCharter', { id: 'e2e-new', title: 'E2E', open: false });
    assert.ok(typeof result === 'string', `returns a URI string; got ${result}`);
    const uri = vscode.Uri.parse(result);
    created.push(vscode.workspace.asRelativePath(uri, false));
    assert.strictEqual(vscode.workspace.asRelativePath(uri, false), 'projects/e2e-new.charter.yaml');
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.match(text, /^id: e2e-new$/m);
    assert.match(text, /^title: E2E$/m);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()), 'open: false opens no editor');
    await waitFor(async () => {
      await api().portfolio.refresh();
      return !!api().portfolio.findProject('e2e-new');
    }, { interval: 250, what: 'e2e-new in the portfolio tree' });
    // An id another charter already has (in needs-attention/, so no file of that name in projects/) is refused.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('charter.newCharter', { id: 'dc-loyalty-programme', open: false })),
      /A project with id "dc-loyalty-programme" already exists in needs-attention\/dc-loyalty-programme\.charter\.yaml/,
    );
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('charter.newCharter', { id: 'e2e-other', programme: 'Not An Id', open: false })), /is not a programme id/);
  });

  test('charter.exportReport with arguments writes a Markdown report with a gantt chart', async () => {
    const result = await vscode.commands.executeCommand<string>('charter.exportReport', { format: 'md', open: false });
    assert.ok(typeof result === 'string', `returns a URI string; got ${result}`);
    const uri = vscode.Uri.parse(result);
    created.push(vscode.workspace.asRelativePath(uri, false));
    assert.strictEqual(uri.toString(), workspaceUri('portfolio-report.md').toString());
    const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
    assert.match(text, /```mermaid\s+gantt/);
    assert.match(text, /dc-identity|Customer identity|Digital customer/);
  });
});

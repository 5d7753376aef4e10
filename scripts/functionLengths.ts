// Lists functions longer than a limit (default 80 lines) in server/src and client/src, longest first:
// the count in docs/ARCHITECTURE.md's refactor record. `tsx scripts/functionLengths.ts [limit]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOTS = ['server/src', 'client/src'];
const limit = Number(process.argv[2] ?? 80);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

const long: { name: string; file: string; lines: number }[] = [];
for (const file of ROOTS.flatMap(sourceFiles)) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > limit) long.push({ name: nameOf(node), file, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
long.sort((a, b) => b.lines - a.lines);
for (const f of long) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.file}`);
console.log(`${long.length} functions over ${limit} lines`);

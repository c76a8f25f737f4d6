// Lists every function, method, accessor and arrow over MAX_LINES lines in the product's .ts files
// (tests and test helpers aside): a long function hides a stage that wants a name (STYLE rule 13).
//   node dist/scripts/long-functions.js [max-lines]     prints `path:line name (n lines)`, exits 1 if any
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { packageRoot } from '../core/package-root.js';

export const MAX_LINES = 60;

/** The product's source folders, as tsconfig.json includes them. */
export const SOURCE_FOLDERS = ['cli', 'core', 'history', 'runner', 'checks', 'grading', 'reports', 'lms', 'setup', 'scripts', 'serve'] as const;

export interface LongFunction {
  /** Repo-relative, '/'-separated. */
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly lines: number;
}

const TEST_CODE = /\.test\.ts$|(^|\/)fixtures(\.ts$|\/)|\/test-book\.ts$|\.d\.ts$/;

/** Every .ts file of the product under `root`, repo-relative and sorted. */
export function productFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !TEST_CODE.test(path)) found.push(path);
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(folder);
  return found.sort();
}

/** The functions of one source text longer than `max` lines, from their first token to their last. */
export function longFunctionsIn(file: string, text: string, max = MAX_LINES): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > max) found.push({ file, line: first + 1, name: nameOf(node), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A readable name: the declaration's own, or the variable, property or call an arrow is given to. */
function nameOf(node: ts.SignatureDeclaration): string {
  if (node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) || ts.isPrivateIdentifier(node.name))) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

/** Every long function of the product. */
export function longFunctions(root = packageRoot(), max = MAX_LINES): LongFunction[] {
  return productFiles(root).flatMap((file) => longFunctionsIn(file, readFileSync(join(root, file), 'utf8'), max));
}

function main(): void {
  const max = Number(process.argv[2] ?? MAX_LINES);
  if (!Number.isInteger(max) || max < 1) {
    process.stderr.write(`long-functions: "${process.argv[2]}" is not a line count: give a whole number, e.g. 60.\n`);
    process.exit(2);
  }
  const root = packageRoot();
  const found = longFunctions(root, max);
  for (const f of found) process.stdout.write(`${relative(process.cwd(), join(root, f.file))}:${f.line} ${f.name} (${f.lines} lines)\n`);
  process.exitCode = found.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

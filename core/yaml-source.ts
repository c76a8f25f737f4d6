// An exercise's YAML file, parsed with the means to point at a place inside it: every error names
// the file, the line and the path (`checks[0].to`) the author should fix.
import { readFileSync } from 'node:fs';
import type * as YamlModule from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { UserError } from './errors.js';
import { lazy, requirePackage } from './lazy.js';

const yaml = lazy(() => requirePackage('yaml') as typeof YamlModule);

export type Path = (string | number)[];

/** A YAML file with the means to point at a place inside it. */
export class SourceFile {
  readonly doc: Document;
  private readonly lines: LineCounter = new (yaml().LineCounter)();
  constructor(
    readonly path: string,
    readonly shown: string,
    text = readFileSync(path, 'utf8'),
  ) {
    this.doc = yaml().parseDocument(text, { lineCounter: this.lines, uniqueKeys: true });
    const first = this.doc.errors[0];
    if (first) {
      const at = first.linePos?.[0];
      const where = at ? `:${at.line}:${at.col}` : '';
      if (first.code === 'DUPLICATE_KEY') {
        const key = /^[^:\n]*/.exec(text.slice(first.pos[0]))?.[0]?.trim().replace(/^["']|["']$/g, '') ?? '';
        const inside = dotted(this.pathOfKeyAt(first.pos[0]).slice(0, -1));
        throw new UserError(`${shown}${where}: ${inside ? `${inside}: ` : ''}the key "${key}" appears twice; each key may appear only once in a mapping.`);
      }
      // yaml's first line ends in " at line L, column C:", which the prefix already says.
      const why = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new UserError(`${shown}${where}: this is not valid YAML (${why}).`);
    }
  }

  fail(path: Path, message: string): never {
    const pos = this.locate(path);
    const where = pos ? `:${pos.line}` : '';
    const inside = path.length ? `${dotted(path)}: ` : 'the file ';
    throw new UserError(`${this.shown}${where}: ${inside}${message}`);
  }

  /** Line of the place a path names: the key's own line for a mapping entry, else the value's. */
  private locate(path: Path): { line: number } | undefined {
    const last = path.at(-1);
    const parent = path.length ? this.doc.getIn(path.slice(0, -1), true) : undefined;
    if (yaml().isMap(parent)) {
      const pair = parent.items.find((p) => (yaml().isScalar(p.key) ? p.key.value : p.key) === last);
      const key = pair?.key as { range?: [number, number, number] } | undefined;
      if (key?.range) return this.lines.linePos(key.range[0]);
    }
    if (yaml().isSeq(parent) && typeof last === 'number') {
      const item = parent.items[last] as { range?: [number, number, number] } | undefined;
      if (item?.range) return this.lines.linePos(item.range[0]);
    }
    const node = this.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? this.lines.linePos(node.range[0]) : undefined;
  }

  /** The path of the mapping key that starts at a source offset (for duplicate keys). */
  private pathOfKeyAt(offset: number): Path {
    let found: Path = [];
    const { visit, isPair, isScalar, isSeq } = yaml();
    visit(this.doc, {
      Pair: (_key, pair, ancestors) => {
        const range = (pair.key as { range?: [number, number, number] } | null)?.range;
        if (range?.[0] !== offset) return undefined;
        const path: Path = [];
        const chain = [...ancestors, pair];
        chain.forEach((node, i) => {
          if (isPair(node)) path.push(String(isScalar(node.key) ? node.key.value : node.key));
          else if (isSeq(node)) path.push(node.items.indexOf(chain[i + 1] as never));
        });
        found = path;
        return visit.BREAK;
      },
    });
    return found;
  }
}

/** ['checks', 0, 'to'] -> "checks[0].to". */
function dotted(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

// An exercise file of an exercise with params, rendered with handlebars for one variant. Strict:
// a misspelt param is an error, never an empty string. The check-time placeholders ({{token}},
// {{nonce}}, {{port}}) render as themselves, for the checks to fill in when they run.

import type HandlebarsModule from 'handlebars';
import { UserError } from './errors.js';
import type { ParamValue } from './exercise.js';
import { blockSize, formatIpv4, parseCidr } from './ipv4.js';
import { lazy, requirePackage } from './lazy.js';

/** The placeholders a check fills in at run time (checks/token.ts); rendering keeps them as written. */
export const CHECK_TIME_PLACEHOLDERS = ['token', 'nonce', 'port'] as const;

interface HelperOptions {
  readonly loc?: { readonly start: { readonly line: number } };
}

/** Thrown by a helper; carries the line of the template it was called on. */
class HelperError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
  ) {
    super(message);
  }
}

/** A handlebars of its own with the address helpers, made on first use. */
const handlebarsWithHelpers = lazy(() => {
  const handlebars = (requirePackage('handlebars') as typeof HandlebarsModule).create();

  /** `{{addr lan 10}}` -> 192.168.7.10: the 10th address of a subnet param. */
  handlebars.registerHelper('addr', function (this: unknown, ...args: unknown[]) {
    const { values: [subnet, n], options } = helperArgs('addr', args, 2, '{{addr lan 10}}');
    const { network, prefix } = subnetArg('addr', subnet, options);
    const host = Number(n);
    if (!Number.isInteger(host) || host < 0 || host >= blockSize(prefix)) {
      throw new HelperError(`{{addr}}: ${String(n)} is not a host number inside ${String(subnet)}`, options.loc?.start.line);
    }
    return formatIpv4(network + host);
  });

  /** `{{net lan}}` -> 192.168.7.0, the subnet's address without its prefix (route -net ... netmask ...). */
  handlebars.registerHelper('net', function (this: unknown, ...args: unknown[]) {
    const { values: [subnet], options } = helperArgs('net', args, 1, '{{net lan}}');
    return formatIpv4(subnetArg('net', subnet, options).network);
  });

  /** `{{mask lan}}` -> 255.255.255.0. */
  handlebars.registerHelper('mask', function (this: unknown, ...args: unknown[]) {
    const { values: [subnet], options } = helperArgs('mask', args, 1, '{{mask lan}}');
    return formatIpv4(2 ** 32 - blockSize(subnetArg('mask', subnet, options).prefix));
  });
  return handlebars;
});

/** Handlebars passes its options last; a helper called with too few or too many values says so. */
function helperArgs(name: string, args: unknown[], count: number, example: string): { values: unknown[]; options: HelperOptions } {
  const options = args.at(-1) as HelperOptions;
  if (args.length - 1 !== count) throw new HelperError(`{{${name}}} takes ${count} value${count === 1 ? '' : 's'}, like ${example}`, options.loc?.start.line);
  return { values: args.slice(0, -1), options };
}

function subnetArg(name: string, value: unknown, options: HelperOptions): { network: number; prefix: number } {
  const parsed = typeof value === 'string' ? parseCidr(value) : null;
  if (!parsed) throw new HelperError(`{{${name}}} needs a subnet param first, not ${JSON.stringify(value)}`, options.loc?.start.line);
  return parsed;
}

/** Thrown for a name that is neither a param, a placeholder nor a helper. */
class UnknownName extends Error {
  constructor(
    readonly unknown: string,
    readonly line: number,
  ) {
    super(`"${unknown}" not defined`);
  }
}

const HELPERS = ['addr', 'net', 'mask', 'if', 'unless', 'each', 'with', 'lookup', 'log', 'this'];

/** Render one file's text; errors name the file (`shown`), the line and the fix. */
export function renderTemplate(text: string, values: Readonly<Record<string, ParamValue>>, shown: string): string {
  const context: Record<string, unknown> = { ...values };
  for (const name of CHECK_TIME_PLACEHOLDERS) context[name] = `{{${name}}}`;
  try {
    checkNames(text, new Set([...Object.keys(context), ...HELPERS]));
    return handlebarsWithHelpers().compile(text, { strict: true, noEscape: true })(context);
  } catch (error) {
    throw new UserError(describeRenderError(error, Object.keys(values), shown));
  }
}

/** Strict mode does not look at a helper's arguments (`{{addr lann 1}}`), so every name is checked first. */
function checkNames(text: string, known: ReadonlySet<string>): void {
  const visitor = new (requirePackage('handlebars') as typeof HandlebarsModule).Visitor();
  visitor.PathExpression = (path: hbs.AST.PathExpression) => {
    const head = path.parts[0] ?? path.original;
    if (!path.data && !known.has(head)) throw new UnknownName(head, path.loc.start.line);
  };
  visitor.accept(handlebarsWithHelpers().parse(text));
}

function describeRenderError(error: unknown, params: readonly string[], shown: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const known = `its params are ${params.join(', ')}; helpers: addr, net, mask`;
  if (error instanceof HelperError) return `${shown}${error.line ? `:${error.line}` : ''}: ${message}.`;
  if (error instanceof UnknownName) return `${shown}:${error.line}: {{${error.unknown}}} is not a param of this exercise (${known}).`;
  const missing = /^"([^"]*)" not defined in .* - (\d+):\d+$/.exec(message);
  if (missing) return `${shown}:${missing[2]}: {{${missing[1]}}} is not a param of this exercise (${known}).`;
  const parse = /^Parse error on line (\d+)/.exec(message);
  if (parse) return `${shown}:${parse[1]}: this {{ ... }} is not a valid template (${known}; write \\{{ for literal braces).`;
  return `${shown}: cannot render the template: ${message.split('\n')[0]} (${known}).`;
}

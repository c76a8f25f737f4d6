import type * as AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import { requirePackage } from './lazy.js';

type AjvClass = typeof AjvModule.default.default;

export function createAjv() {
  // ajv is CommonJS, loaded on first use; its class is the module's `default`.
  const Ajv = (requirePackage('ajv') as { default: AjvClass }).default;
  // verbose: errors carry the schema they failed, so a oneOf of alternatives can be named in words.
  return new Ajv({ allErrors: true, strict: false, verbose: true });
}

const FRIENDLY_PATTERNS: Record<string, string> = {
  '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$': 'an IPv4 address with a prefix length, like 192.168.1.10/24',
  '^\\d{1,3}(\\.\\d{1,3}){3}$': 'an IPv4 address, like 192.168.1.1',
  '^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$': 'an IPv4 address or subnet, like 192.168.1.10 or 192.168.1.0/24',
  '^[a-z][a-z0-9-]{0,29}$': 'a lower-case name of letters, digits and dashes, like host-a',
  '^[a-z][A-Za-z0-9]{0,29}$': 'a name of letters and digits that starts with a lower-case letter, like lan or hostA',
  '^ex\\d{2,3}$': 'an exercise id like ex01',
  '^[a-z0-9][a-z0-9-]*$': 'a lower-case id of letters, digits and dashes, like host-a-route-wan',
  '^[A-Za-z][A-Za-z0-9_.-]{0,14}$': 'an interface name of at most 15 characters, like eth0 or veth-red-br',
  '^net\\.[A-Za-z0-9_.-]+$': 'a kernel setting under net., like net.ipv4.ip_forward',
  '^[a-z0-9_]+([./][A-Za-z0-9_-]+)+$': 'a kernel setting name, like net.ipv4.ip_forward',
  '^http://\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?(/.*)?$': 'an http:// URL with an IPv4 address, like http://192.168.1.10:8080/',
  '^http://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\\d+)?(/.*)?$': 'an http:// URL with an IPv4 address or a host name, like http://192.168.1.10:8080/ or http://web.lab/',
  '^\\d{1,5}(-\\d{1,5})?$': 'a port or a port range, like 8080 or 8000-8010',
  '^(\\d{1,3}(\\.\\d{1,3}){3}(-\\d{1,3}(\\.\\d{1,3}){3})?)?(:\\d{1,5}(-\\d{1,5})?)?$':
    'an address and/or port as iptables writes it, like 192.168.1.2, 10.0.0.2:80 or :8080',
};

// YAML words for JSON Schema types: an instructor writes mappings and lists, not objects and arrays.
const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of fields (key: value lines)',
  array: 'a list (lines starting with "- ", or [a, b])',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
};

const typeWords = (type: unknown): string =>
  (Array.isArray(type) ? type : String(type).split(','))
    .map((t) => TYPE_WORDS[String(t)] ?? String(t))
    .join(' or ');

/** One ajv error as "path: what was expected", in words an instructor understands. */
export function describeAjvError(error: ErrorObject): { path: (string | number)[]; message: string } {
  // Array positions become numbers, so the loader writes them as checks[0] and finds them in the YAML.
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  const params = error.params as Record<string, unknown>;
  // An error about a key's name (propertyNames) rather than its value.
  const about = error.propertyName === undefined ? '' : `the name "${error.propertyName}" `;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: 'is not a known field here' };
    case 'required':
      return { path, message: `needs the field "${String(params.missingProperty)}"` };
    case 'enum':
      return { path, message: `${about}must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern': {
      const friendly = FRIENDLY_PATTERNS[String(params.pattern)];
      return { path, message: `${about}must be ${friendly ?? `text matching ${String(params.pattern)}`}` };
    }
    case 'propertyNames':
      return { path, message: `has a badly formed name "${String(params.propertyName)}"` };
    case 'type': {
      // `to: 5` where an address is wanted: say what text, not just "text".
      const pattern = (error.parentSchema as { pattern?: unknown } | undefined)?.pattern;
      const friendly = params.type === 'string' && typeof pattern === 'string' ? FRIENDLY_PATTERNS[pattern] : undefined;
      return { path, message: `${about}must be ${friendly ?? typeWords(params.type)}` };
    }
    case 'minLength':
      return { path, message: limit === 1 ? `${about}must not be empty` : `${about}must be at least ${limit} characters long` };
    case 'minProperties':
      return { path, message: `must have at least ${limit} entr${limit === 1 ? 'y' : 'ies'}` };
    case 'minItems':
      return { path, message: `must list at least ${limit} item${limit === 1 ? '' : 's'}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `must be ${String(params.comparison)} ${limit}` };
    case 'oneOf': {
      // Reached only when several alternatives matched at once (otherwise a branch error comes first).
      const names = requiredOnlyBranches(error.schema);
      return { path, message: names ? `must have only one of the fields ${names.map((n) => `"${n}"`).join(' or ')}, not both` : 'matches more than one of its allowed forms' };
    }
    case 'dependencies':
    case 'dependentRequired':
      return { path, message: `needs the field "${String(params.missingProperty)}" when it has "${String(params.property)}"` };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

/** For `oneOf: [{required: [a]}, {required: [b]}]`, the field names a and b. */
function requiredOnlyBranches(schema: unknown): string[] | undefined {
  if (!Array.isArray(schema)) return undefined;
  const names = schema.map((b: unknown) => {
    const req = (b as { required?: unknown } | null)?.required;
    return Array.isArray(req) && req.length === 1 && Object.keys(b as object).length === 1 ? String(req[0]) : undefined;
  });
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}

/**
 * The one error worth showing from an ajv error list, as "path: what was expected". When the first
 * error is one alternative of a oneOf/anyOf, the alternatives at the same place are joined with "or",
 * so `to: 10.0.0.0` reads `must be "default" or an IPv4 address with a prefix length` instead of naming
 * only the first alternative. Alternatives of another type than the value are left out.
 */
export function describeAjvErrors(errors: readonly ErrorObject[]): { path: (string | number)[]; message: string } {
  const first = errors[0];
  if (!first) return { path: [], message: 'is not valid' };
  const branch = /^(.*\/(?:oneOf|anyOf))\/\d+\/[^/]+$/.exec(first.schemaPath);
  if (!branch) return describeAjvError(first);
  const prefix = `${branch[1]!}/`;
  const siblings = errors.filter(
    (e) => e.instancePath === first.instancePath && e.schemaPath.startsWith(prefix) && /^\d+\/[^/]+$/.test(e.schemaPath.slice(prefix.length)),
  );
  // When the value has the right type for some alternative (it failed there on its pattern or a missing
  // field), alternatives of other types (a list where text was written) are noise: leave them out.
  const rightType = siblings.some((e) => !['type', 'const', 'enum'].includes(e.keyword));
  const described = (rightType ? siblings.filter((e) => e.keyword !== 'type') : siblings).map(describeAjvError);
  const messages = [...new Set(described.map((d) => d.message))];
  return { path: described[0]!.path, message: joinAlternatives(messages) };
}

/** ["needs the field \"via\"", "needs the field \"dev\""] -> "needs the field \"via\" or \"dev\"". */
function joinAlternatives(messages: readonly string[]): string {
  if (messages.length === 1) return messages[0]!;
  for (const lead of ['needs the field ', 'must be ']) {
    if (messages.every((m) => m.startsWith(lead))) return lead + messages.map((m) => m.slice(lead.length)).join(' or ');
  }
  return messages.join(', or ');
}

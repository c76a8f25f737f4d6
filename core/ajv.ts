import * as AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';

// ajv is CommonJS; under NodeNext its class arrives as the default of the module's default.
const Ajv = AjvModule.default.default;

export function createAjv() {
  return new Ajv({ allErrors: true, strict: false });
}

const FRIENDLY_PATTERNS: Record<string, string> = {
  '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$': 'an IPv4 address with a prefix length, like 192.168.1.10/24',
  '^\\d{1,3}(\\.\\d{1,3}){3}$': 'an IPv4 address, like 192.168.1.1',
  '^[a-z][a-z0-9-]{0,29}$': 'a lower-case name of letters, digits and dashes, like host-a',
  '^ex\\d{2,3}$': 'an exercise id like ex01',
  '^[a-z0-9][a-z0-9-]*$': 'a lower-case id of letters, digits and dashes, like host-a-route-wan',
  '^[A-Za-z][A-Za-z0-9_.-]{0,14}$': 'an interface name of at most 15 characters, like eth0 or veth-red-br',
};

/** One ajv error as "path: what was expected", in words an instructor understands. */
export function describeAjvError(error: ErrorObject): { path: string[]; message: string } {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: 'is not a known field here' };
    case 'required':
      return { path, message: `needs the field "${String(params.missingProperty)}"` };
    case 'enum':
      return { path, message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern': {
      const friendly = FRIENDLY_PATTERNS[String(params.pattern)];
      return { path, message: `must be ${friendly ?? `text matching ${String(params.pattern)}`}` };
    }
    case 'propertyNames':
      return { path, message: `has a badly formed name (${error.message ?? ''})` };
    case 'type':
      return { path, message: `must be ${String(params.type).replace(',', ' or ')}` };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}

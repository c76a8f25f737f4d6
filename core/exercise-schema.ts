// JSON Schema of exercise.yaml as a person writes it. Kind-specific check fields are validated
// separately against each check kind's own schema, so they are allowed through here.

const cidr = { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$' } as const;
const ipv4 = { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' } as const;
const name = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,29}$' } as const;
const port = { type: 'integer', minimum: 1, maximum: 65535 } as const;

/** `params:` of an exercise with variants; ranges are checked further by the loader (core/params.ts). */
export const paramsSchema = {
  type: 'object',
  minProperties: 1,
  propertyNames: { type: 'string', pattern: '^[a-z][A-Za-z0-9]{0,29}$' },
  additionalProperties: {
    type: 'object',
    required: ['type', 'default'],
    properties: { type: { enum: ['subnet', 'int', 'port'] } },
    // if/then rather than oneOf: a mistake is reported against its own type's fields only.
    allOf: [
      {
        if: { properties: { type: { const: 'subnet' } } },
        then: {
          additionalProperties: false,
          required: ['within'],
          properties: { type: {}, default: cidr, within: { oneOf: [cidr, { type: 'array', minItems: 1, items: cidr }] }, description: { type: 'string' } },
        },
      },
      {
        if: { properties: { type: { const: 'int' } } },
        then: {
          additionalProperties: false,
          required: ['min', 'max'],
          properties: { type: {}, default: { type: 'integer' }, min: { type: 'integer' }, max: { type: 'integer' }, group: name, description: { type: 'string' } },
        },
      },
      {
        if: { properties: { type: { const: 'port' } } },
        then: {
          additionalProperties: false,
          properties: { type: {}, default: port, min: port, max: port, group: name, description: { type: 'string' } },
        },
      },
    ],
  },
} as const;

export const exerciseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'summary', 'networks', 'nodes', 'checks'],
  properties: {
    id: { type: 'string', pattern: '^ex\\d{2,3}$' },
    title: { type: 'string', minLength: 1 },
    summary: { type: 'string', minLength: 1 },
    /** The lesson's ideas this exercise practises, shown by `grade list`. */
    concepts: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    /** Which lesson (../shared/seeds file and part) the exercise follows. */
    lesson: { type: 'string', minLength: 1 },
    /** Devices the lab must hand to its nodes: `tun` for /dev/net/tun (socat TUN:, openvpn). */
    needs: { type: 'array', items: { enum: ['tun'] }, uniqueItems: true },
    /** What a per-learner variant may vary; the files are then handlebars templates (docs/exercise-format.md). */
    params: paramsSchema,
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        commandSeconds: { type: 'number', minimum: 1, maximum: 600 },
        submissionSeconds: { type: 'number', minimum: 1, maximum: 3600 },
      },
    },
    networks: {
      type: 'object',
      minProperties: 1,
      propertyNames: name,
      additionalProperties: {
        type: ['object', 'null'],
        additionalProperties: false,
        properties: { subnet: cidr, description: { type: 'string' } },
      },
    },
    nodes: {
      type: 'object',
      minProperties: 1,
      propertyNames: name,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['interfaces'],
        properties: {
          role: { enum: ['host', 'router', 'server'] },
          owner: { enum: ['learner', 'lab'] },
          interfaces: {
            type: 'object',
            minProperties: 1,
            propertyNames: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.-]{0,14}$' },
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              required: ['network'],
              properties: {
                network: name,
                address: { oneOf: [cidr, { type: 'array', items: cidr }] },
              },
            },
          },
          routes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['to'],
              anyOf: [{ required: ['via'] }, { required: ['dev'] }],
              properties: {
                to: { oneOf: [{ const: 'default' }, cidr] },
                via: ipv4,
                dev: { type: 'string' },
              },
            },
          },
          sysctls: {
            type: 'object',
            propertyNames: { type: 'string', pattern: '^net\\.[A-Za-z0-9_.-]+$' },
            additionalProperties: { type: ['string', 'number', 'boolean'] },
          },
          services: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name', 'command'],
              properties: {
                name,
                command: { type: 'string', minLength: 1 },
                port: { type: 'integer', minimum: 1, maximum: 65535 },
              },
            },
          },
          setup: { type: 'string' },
        },
      },
    },
    checks: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'kind'],
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
          title: { type: 'string', minLength: 1 },
          kind: { type: 'string' },
          points: { type: 'number', minimum: 0 },
          hint: { type: 'string' },
          because: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

export const wrongCaseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['description', 'fails'],
  properties: {
    description: { type: 'string', minLength: 1 },
    fails: { type: 'array', minItems: 1, items: { type: 'string' } },
  },
} as const;

import type { CheckKind } from './check-kind.js';
import { evidenceOf, firstLine } from './evidence.js';
import { missingNetns, NETNS_SCHEMA, placeOf } from './place.js';
import { line, told } from './words/say.js';
import { hostOfUrl, targetOf } from './resolve-name.js';
import { forgedHandshake, withoutSynLine } from './tcp-connect.js';
import { fill, placeholders, shown, usesPort } from './token.js';

interface HttpParams {
  node: string;
  url: string;
  /** Text the body must contain; {{token}} is the run's token. */
  expect: string;
  /** Fetch from this network namespace the learner made in `node`. */
  netns?: string;
  /**
   * The node that must take the connection itself (the web server behind a DNAT gateway); by default
   * the node the exercise gives the URL's address. Its handshake is watched on the lab's switch.
   */
  far?: string;
}

export const httpCheck: CheckKind<HttpParams> = {
  name: 'http',
  description: 'fetch a URL from a node with curl and expect a text (or the run token) in the page',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['node', 'url', 'expect'],
    properties: {
      node: { type: 'string' },
      // The host may be a name, which `node`'s own resolver turns into an address first.
      url: { type: 'string', pattern: '^http://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\\d+)?(/.*)?$' },
      expect: { type: 'string' },
      netns: NETNS_SCHEMA,
      far: { type: 'string' },
    },
  },
  nodesOf: (p) => (p.far ? [p.node, p.far] : [p.node]),
  confirmFailure: () => true,
  async run(p, { lab, token, holderOf }) {
    const values = placeholders(token);
    const url = fill(p.url, values);
    const from = usesPort(p.expect) ? ['--local-port', String(values.port)] : [];
    const { host, port } = hostOfUrl(url);
    const target = await targetOf(lab, p.node, host, holderOf);
    if (target.address === undefined) {
      return told(target.fault ? 'error' : 'fail', line('http.expected', { node: p.node, url: p.url, want: shown(p.expect) }), target.why, [...target.evidence]);
    }
    // curl must not look the name up itself: where checks run, it would read the image's files, not the node's.
    const pin = target.address === host ? [] : ['--resolve', `${host}:${port}:${target.address}`];
    const args = ['curl', '-sS', '--noproxy', '*', '--connect-timeout', '2', '-m', '3', ...from, ...pin, url];
    const place = placeOf(p.node, p.netns);
    const far = p.far ?? holderOf(target.address);
    const raw = far ? await lab.probe('conn', [place, far, ...args], { timeoutMs: 7000 }) : await lab.exec(place, args, { timeoutMs: 6000 });
    const { result, syn } = withoutSynLine(raw);
    const options = [...from, ...pin];
    const watched = syn ? "   (and, on the lab's switch, a capture of its handshake)" : '';
    const evidence = [...target.evidence, evidenceOf(place, `curl ${options.join(' ')}${options.length ? ' ' : ''}${url}${watched}`, result)];
    const want = fill(p.expect, values);
    const shownWant = shown(p.expect);
    const expected = line('http.expected', { node: place, url: p.url, want: shownWant });
    const missing = missingNetns(result.output);
    if (missing) return told('fail', expected, missing, evidence);
    if (result.exitCode !== 0) {
      const curlSaid = firstLine(result.stderr).replace(/^curl: \(\d+\) /, '');
      return told('fail', expected, curlSaid ? line('common.text', { text: curlSaid }) : line('http.curl-exit', { code: result.exitCode ?? '?' }), evidence);
    }
    const forged = far ? forgedHandshake(syn, place, far) : undefined;
    if (forged) return told(forged.status, expected, forged.line, evidence);
    if (result.stdout.includes(want)) return told('pass', expected, line('http.contains', { want: shownWant }), evidence);
    const body = firstLine(result.stdout);
    return told('fail', expected, body ? line('http.page-was', { body: body.slice(0, 120) }) : line('http.page-empty'), evidence);
  },
};

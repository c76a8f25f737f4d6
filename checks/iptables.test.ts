import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { LAB_IPTABLES_SAVE } from './iptables/fixtures.js';
import type { ExecResult, LabExec } from '../runner/lab-exec.js';
import { contextOf, fakeLab as labWorld } from '../test/support/fake-lab.js';
import {
  RULES_BOTH_STORES, RULES_LEGACY_MASQUERADE, RULES_LEGACY_STATISTIC_ONLY, RULES_NFT_MASQUERADE, replay, type Recorded,
} from '../test/support/fake-lab-recordings.js';
import { describePacket, describeTargets, iptablesCheck, type IptablesParams } from './iptables.js';

// ajv is CommonJS: under NodeNext the class is the default import's `.default`.
const Ajv = AjvModule.default;

const LAB_OUTPUT = LAB_IPTABLES_SAVE;

const DOCKER_ONLY = LAB_OUTPUT.split('\n').filter((l) => !/MASQUERADE|8080/.test(l)).join('\n');

/** The three listings as the rule dump frames them (`legacy` is what iptables-legacy-save printed). */
function framed(marker: string, legacy: string, nft = '{"nftables": []}', nftSave = '', codes: Partial<Record<string, number>> = {}, sizes: Partial<Record<string, number>> = {}): string {
  const part = (name: string, text: string) => `${marker} ${name} ${codes[name] ?? 0} ${sizes[name] ?? Buffer.byteLength(text)}\n${text}\n`;
  return part('nft', nft) + part('iptables-nft-save', nftSave) + part('iptables-legacy-save', legacy);
}

interface Listings { readonly nft?: string; readonly nftSave?: string; readonly codes?: Partial<Record<string, number>>; readonly sizes?: Partial<Record<string, number>> }

function fakeLab(legacy: string, overrides: Partial<ExecResult> = {}, listings: Listings = {}) {
  const calls: { node: string; argv: readonly string[] }[] = [];
  const lab: LabExec = {
    nodeNames: ['host', 'router'],
    async exec(node, argv) {
      calls.push({ node, argv });
      const stdout = overrides.stdout ?? framed(argv[4] ?? '', legacy, listings.nft, listings.nftSave, listings.codes, listings.sizes);
      return { exitCode: 0, output: stdout, stdout, stderr: '', truncated: false, timedOut: false, durationMs: 3, ...overrides };
    },
    // The rule check reads one node's rules; it has no use for a probe.
    probe: () => Promise.reject(new Error('the iptables check ran a probe')),
  };
  return { lab, calls };
}

const masquerade: IptablesParams = { node: 'router', table: 'nat', chain: 'POSTROUTING', packet: { source: '192.168.15.0/24', outInterface: 'eth0' }, target: 'MASQUERADE' };
const portForward: IptablesParams = {
  node: 'router', table: 'nat', chain: 'PREROUTING', packet: { protocol: 'tcp', dport: 8080, inInterface: 'eth0' }, target: 'DNAT', toDestination: '10.0.0.2:80',
};

async function run(params: IptablesParams, stdout: string, overrides: Partial<ExecResult> = {}, listings: Listings = {}) {
  const { lab, calls } = fakeLab(stdout, overrides, listings);
  const outcome = await iptablesCheck.run(params, { lab, token: 'tok', holderOf: () => undefined });
  return { outcome, calls };
}

describe('iptables check', () => {
  it('passes when the learner MASQUERADEs the LAN, and names the rule', async () => {
    const { outcome, calls } = await run(masquerade, LAB_OUTPUT);
    expect(calls.map((c) => [c.node, ...c.argv.slice(0, 2)])).toEqual([['router', 'bash', '-c']]);
    expect(calls[0]?.argv[4]).toMatch(/^grade-rules-[0-9a-f]{32}$/);
    expect(outcome.status).toBe('pass');
    expect(outcome.expected).toBe('a MASQUERADE rule in nat POSTROUTING for packets from 192.168.15.0/24 leaving eth0');
    expect(outcome.observed).toBe('in iptables-legacy nat POSTROUTING: `-A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE` handles these packets');
    expect(outcome.evidence).toEqual([
      { node: 'router', command: 'nft -j list ruleset; iptables-nft-save; iptables-legacy-save', exitCode: 0, output: `# iptables-legacy-save\n${LAB_OUTPUT}`, truncated: false, timedOut: false },
    ]);
  });

  it('passes the port forward', async () => {
    const { outcome } = await run(portForward, LAB_OUTPUT);
    expect(outcome.status).toBe('pass');
    expect(outcome.expected).toBe('a DNAT rule to 10.0.0.2:80 in nat PREROUTING for tcp packets to port 8080 arriving on eth0');
  });

  it('accepts SNAT to 192.168.1.2 as an alternative to MASQUERADE', async () => {
    const { target: _single, ...rest } = masquerade;
    const params: IptablesParams = { ...rest, anyOf: [{ target: 'MASQUERADE' }, { target: 'SNAT', toSource: '192.168.1.2' }] };
    const snat = LAB_OUTPUT.replace('-j MASQUERADE', '-j SNAT --to-source 192.168.1.2');
    const { outcome } = await run(params, snat);
    expect(outcome.status).toBe('pass');
    expect(outcome.expected).toBe('a MASQUERADE rule, or SNAT to 192.168.1.2, in nat POSTROUTING for packets from 192.168.15.0/24 leaving eth0');
  });

  it('fails with the near miss when the rule covers the wrong network', async () => {
    const { outcome } = await run(masquerade, LAB_OUTPUT.replace('192.168.15.0/24', '10.0.0.0/24'));
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toBe(
      'in iptables-legacy nat POSTROUTING: no rule in nat POSTROUTING does; closest: `-A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE` (-s covers 10.0.0.0/24, not 192.168.15.0/24)',
    );
  });

  it('fails DNAT to the wrong port, on the wrong interface, or REDIRECT instead', async () => {
    const wrongPort = await run(portForward, LAB_OUTPUT.replace('10.0.0.2:80', '10.0.0.2:8080'));
    expect(wrongPort.outcome.status).toBe('fail');
    expect(wrongPort.outcome.observed).toContain('sends to 10.0.0.2:8080, not 10.0.0.2:80');
    const wrongInterface = await run(portForward, LAB_OUTPUT.replace('-i eth0', '-i eth1'));
    expect(wrongInterface.outcome.status).toBe('fail');
    expect(wrongInterface.outcome.observed).toContain('matches -i eth1, the packet arrives on eth0');
    const redirect = await run(portForward, LAB_OUTPUT.replace('-j DNAT --to-destination 10.0.0.2:80', '-j REDIRECT --to-ports 80'));
    expect(redirect.outcome.status).toBe('fail');
    expect(redirect.outcome.observed).toContain('does REDIRECT, not DNAT');
  });

  it('says the chain is empty when only Docker rules are there', async () => {
    const { outcome } = await run(masquerade, DOCKER_ONLY);
    expect(outcome).toMatchObject({ status: 'fail', observed: 'in iptables-legacy nat POSTROUTING: nat POSTROUTING has no rules (policy ACCEPT)' });
    const nothing = await run(masquerade, '');
    expect(nothing.outcome).toMatchObject({ status: 'fail', observed: 'nat POSTROUTING has no rules' });
  });

  it('says which earlier rule takes the packets first (table defaults to filter)', async () => {
    const params: IptablesParams = { node: 'host', chain: 'INPUT', packet: { protocol: 'tcp', dport: 22 }, target: 'ACCEPT' };
    const text = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -j DROP\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\nCOMMIT\n';
    const { outcome } = await run(params, text);
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toBe('in iptables-legacy filter INPUT: `-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT` would, but the earlier `-A INPUT -p tcp -j DROP` takes these packets first');
  });

  it('names the jump that leads to the rule', async () => {
    const text = '*nat\n:POSTROUTING ACCEPT [0:0]\n:LAN - [0:0]\n-A POSTROUTING -o eth0 -j LAN\n-A LAN -j MASQUERADE\nCOMMIT\n';
    const { outcome } = await run(masquerade, text);
    expect(outcome).toMatchObject({ status: 'pass', observed: 'in iptables-legacy nat POSTROUTING: `-A LAN -j MASQUERADE` (reached through `-A POSTROUTING -o eth0 -j LAN`) handles these packets' });
  });

  it('with expect: false, passes only when no rule handles the packets', async () => {
    const params: IptablesParams = { ...masquerade, expect: false };
    const absent = await run(params, DOCKER_ONLY);
    expect(absent.outcome.status).toBe('pass');
    expect(absent.outcome.expected).toBe('no MASQUERADE rule in nat POSTROUTING for packets from 192.168.15.0/24 leaving eth0');
    expect((await run(params, LAB_OUTPUT)).outcome.status).toBe('fail');
  });

  it('is an error, not a fail, when grade cannot read the rules', async () => {
    const missing = await run(masquerade, '', {}, { codes: { nft: 127 } });
    expect(missing.outcome).toMatchObject({ status: 'error', observed: 'nft failed on router (exit 127)' });
    const slow = await run(masquerade, '', { exitCode: null, timedOut: true, stdout: '' });
    expect(slow.outcome).toMatchObject({ status: 'error', observed: 'reading the rules did not finish in time on router' });
    const unframed = await run(masquerade, '', { stdout: `grade-rules-guess nft 0 2\n{}\n`, exitCode: 1 });
    expect(unframed.outcome).toMatchObject({ status: 'error', observed: 'reading the rules on router gave no whole listing (exit 1)' });
  });

  it("fails, never errors, on a rule set over the cap: the size is the learner's doing", async () => {
    const huge = await run(masquerade, LAB_OUTPUT, {}, { sizes: { 'iptables-legacy-save': 5 * 1024 * 1024 } });
    expect(huge.outcome).toMatchObject({ status: 'fail', observed: 'the iptables-legacy-save listing on router is 5.0 MiB, over the 1.0 MiB grade reads: a rule set this large cannot be judged' });
  });

  it('a marker printed inside a rule cannot split the listings', async () => {
    // The learner cannot know the per-call marker; a guessed one is only text inside the comment.
    const text = '*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -m comment --comment "grade-rules-0 nft 0 1\n-A POSTROUTING -j MASQUERADE" -j ACCEPT\nCOMMIT\n';
    const { outcome } = await run(masquerade, text);
    expect(outcome.status).toBe('fail');
  });

  it('fails, naming why, when the legacy listing does not read as one', async () => {
    const twice = '*nat\n:POSTROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE\nCOMMIT\n';
    const { outcome } = await run(masquerade, twice);
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toContain('chain POSTROUTING of table nat is declared twice');
  });

  it('reports its node', () => {
    expect(iptablesCheck.nodesOf(masquerade)).toEqual(['router']);
    expect(iptablesCheck.name).toBe('iptables');
  });
});

describe('iptables schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(iptablesCheck.schema);
  const valid = (params: unknown) => validate(params) as boolean;

  it('accepts the documented forms', () => {
    expect(valid(masquerade)).toBe(true);
    expect(valid(portForward)).toBe(true);
    expect(valid({ node: 'r', chain: 'POSTROUTING', packet: {}, anyOf: [{ target: 'MASQUERADE' }, { target: 'SNAT', toSource: '192.168.1.2' }], expect: false })).toBe(true);
    expect(valid({ node: 'r', chain: 'PREROUTING', packet: { source: '10.0.0.1' }, target: 'REDIRECT', toPorts: '3128-3130' })).toBe(true);
  });

  it('rejects what the check cannot use', () => {
    const base = { node: 'r', chain: 'INPUT', packet: {} };
    expect(valid({ ...base })).toBe(false); // neither target nor anyOf
    expect(valid({ ...base, target: 'ACCEPT', anyOf: [{ target: 'DROP' }] })).toBe(false);
    expect(valid({ ...base, anyOf: [{ target: 'SNAT' }], toSource: '1.2.3.4' })).toBe(false);
    expect(valid({ ...base, anyOf: [] })).toBe(false);
    expect(valid({ ...base, target: 'ACCEPT', packet: { source: 'lan' } })).toBe(false);
    expect(valid({ ...base, target: 'ACCEPT', packet: { protocol: 'sctp' } })).toBe(false);
    expect(valid({ ...base, target: 'ACCEPT', packet: { dport: 70000 } })).toBe(false);
    expect(valid({ ...base, target: 'ACCEPT', packet: { port: 22 } })).toBe(false);
    expect(valid({ ...base, target: 'ACCEPT', table: 'nats' })).toBe(false);
    expect(valid({ ...base, target: 'DNAT', toDestination: 'server:80' })).toBe(false);
    expect(valid({ ...base, target: 'ACCEPT', extra: 1 })).toBe(false);
    expect(valid({ node: 'r', packet: {}, target: 'ACCEPT' })).toBe(false);
  });
});

describe('sentences', () => {
  it('describes packet classes', () => {
    expect(describePacket({})).toBe('all packets');
    expect(describePacket({ protocol: 'udp' })).toBe('udp packets');
    expect(describePacket({ source: '10.0.0.0/24', sport: 1234, destination: '8.8.8.8', dport: 53, protocol: 'udp' })).toBe('udp packets from 10.0.0.0/24 port 1234 to 8.8.8.8 port 53');
    expect(describePacket({ sport: 1234, inInterface: 'eth1', outInterface: 'eth0' })).toBe('packets from port 1234 arriving on eth1 leaving eth0');
  });

  it('describes target alternatives', () => {
    expect(describeTargets([{ target: 'ACCEPT' }])).toBe('an ACCEPT rule');
    expect(describeTargets([{ target: 'REDIRECT', toPorts: '3128' }])).toBe('a REDIRECT rule to port 3128');
    expect(describeTargets([{ target: 'DNAT', toDestination: '10.0.0.2:80' }, { target: 'REDIRECT' }], false)).toBe('no DNAT rule to 10.0.0.2:80, nor REDIRECT,');
  });
});

describe('iptables check on listings recorded from a lab', () => {
  const anyNat: IptablesParams = { node: 'host', table: 'nat', chain: 'POSTROUTING', packet: { source: '192.168.15.0/24', outInterface: 'eth0' }, anyOf: [{ target: 'MASQUERADE' }, { target: 'SNAT', toSource: '192.168.1.2' }] };
  /** The rule dump as the lab printed it, under the check's own marker; `edit` changes the recorded text first. */
  async function recorded(r: Recorded, params: IptablesParams = anyNat, edit: (text: string) => string = (t) => t) {
    const lab = labWorld({ exec: (_node, argv) => replay({ ...r, stdout: edit(r.stdout) }, argv[4]) });
    return iptablesCheck.run(params, contextOf(lab));
  }
  const legacyRule = '-A POSTROUTING -s 192.168.15.0/24 -o eth0 -j MASQUERADE';

  it('iptables-nft (the solution): passes, the rule quoted as iptables-nft-save prints it', async () => {
    expect(await recorded(RULES_NFT_MASQUERADE)).toMatchObject({ status: 'pass', observed: '`-A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE` handles these packets' });
  });

  it('a rule in the legacy store counts, and says where it is', async () => {
    expect(await recorded(RULES_LEGACY_MASQUERADE)).toMatchObject({ status: 'pass', observed: `in iptables-legacy nat POSTROUTING: \`${legacyRule}\` handles these packets` });
  });

  it('rules in both stores: both are read, and the observation says so', async () => {
    const outcome = await recorded(RULES_BOTH_STORES);
    expect(outcome.status).toBe('pass');
    expect(outcome.observed).toMatch(/\(this node has rules in both nft and iptables-legacy; both were read\)$/);
    expect(outcome.evidence[0]?.output).toMatch(/^# iptables-nft-save\n[\s\S]*\n# iptables-legacy-save\n/);
  });

  it('an unknown match module (-m statistic): the rule "may not match" and does not count', async () => {
    const outcome = await recorded(RULES_LEGACY_STATISTIC_ONLY);
    expect(outcome.status).toBe('fail');
    expect(outcome.observed).toContain('(may not match: grade cannot tell whether -m statistic --mode random --probability 0.50000000000 lets these packets through, so the rule does not count)');
  });

  it('a comment with a newline is read as part of its rule; a rule line written inside a comment is no rule (hostile)', async () => {
    const commented = /^-A POSTROUTING .*--comment "line one\nline two" -j MASQUERADE$/m.exec(RULES_BOTH_STORES.stdout)?.[0] ?? '';
    expect(commented).not.toBe('');
    const real = await recorded(RULES_LEGACY_MASQUERADE, anyNat, (t) => t.replace(legacyRule, commented));
    expect(real).toMatchObject({ status: 'pass', observed: expect.stringContaining('--comment "line one\nline two" -j MASQUERADE` handles these packets') });
    const inComment = `-A POSTROUTING -o eth0 -m comment --comment "x\n${legacyRule}" -j ACCEPT`;
    expect(await recorded(RULES_LEGACY_MASQUERADE, anyNat, (t) => t.replace(legacyRule, inComment))).toMatchObject({ status: 'fail' });
  });

  it('a listing over 1 MiB fails as the learner\'s (the dump keeps 1 MiB and reports the whole size)', async () => {
    const outcome = await recorded(RULES_LEGACY_MASQUERADE, anyNat, (t) => t.replace(/(iptables-legacy-save 0 )\d+/, '$1' + String(2 * 1024 * 1024 + 1)));
    expect(outcome).toMatchObject({ status: 'fail', observed: 'the iptables-legacy-save listing on host is 2.0 MiB, over the 1.0 MiB grade reads: a rule set this large cannot be judged' });
  });

  it("an exec failure is thrown for the grader to report as grade's error", async () => {
    const lab = labWorld({ exec: () => new Error('exec failed: container gone') });
    await expect(iptablesCheck.run(anyNat, contextOf(lab))).rejects.toThrow('container gone');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExecResult } from '../../runner/lab-exec.js';
import type { StartedLab } from '../../runner/started-lab.js';
import { asLearner, engine, expectNoLabsOfThisProcess, startLab } from './lab-fixture.js';

// A probe killed with SIGKILL (the batch's timeout) runs no cleanup. Its listener must not answer the
// next probe on the same port (a stale secret would fail a correct submission), and nothing it left
// may outlive the next probe: the listener dies with its process group, its work folder is swept.
const PORT = '12345';
const PROBE_TCP = '/usr/local/lib/grade/probe-tcp';

function inContainer(lab: StartedLab, script: string): Promise<ExecResult> {
  return engine.exec(lab.containerId, ['bash', '-c', script], { timeoutMs: 20_000, maxOutputBytes: 64 * 1024 });
}

/** grade's listeners (nobody running `timeout ... socat TCP-LISTEN:PORT`) in the lab, as "PID ARGS" lines. */
async function listeners(lab: StartedLab): Promise<string[]> {
  const r = await inContainer(lab, `ps -o pid=,uid=,args= -e | awk '$2 == 65534 && $3 == "timeout" && /TCP-LISTEN:${PORT},/'`);
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

describe('probe-tcp cleans up after itself, even killed, and talks only to its own listener', () => {
  let lab: StartedLab;
  beforeAll(async () => {
    lab = await startLab('ex05-firewalls');
    // network02 drops what it sends to 127.0.0.2, so a client connecting there hangs until killed.
    const set = await asLearner(lab, 'network02', 'ip link set lo up && iptables -A OUTPUT -d 127.0.0.2 -j DROP && echo set');
    expect(set.stdout).toContain('set');
  }, 120_000);
  afterAll(async () => {
    await lab?.dispose();
    await expectNoLabsOfThisProcess();
  });

  test('a probe killed with SIGKILL leaves a listener with its secret; the next probe stops it and gets its own', async () => {
    // Probe 1 in a session of its own, killed (the whole group, as the batch's timeout does) once its listener is ready.
    const killed = await inContainer(
      lab,
      [
        `GRADE_TOKEN=stale0000000000 GRADE_SEND= setsid ${PROBE_TCP} network02 ${PORT} network02 127.0.0.2 >/tmp/p1.out 2>&1 &`,
        'p=$!',
        'for i in $(seq 400); do grep -q "@@listen" /tmp/p1.out && break; sleep 0.05; done',
        'head -n1 /tmp/p1.out',
        'kill -KILL -- -$p; sleep 0.2; rm -f /tmp/p1.out',
      ].join('\n'),
    );
    expect(killed.stdout).toContain('@@listen ready');
    // Its trap never ran: its listener is still there (else this test would prove nothing).
    expect(await listeners(lab)).toHaveLength(1);
    const fresh = await lab.probe('tcp', ['network02', PORT, 'network02', '127.0.0.1'], {
      env: { GRADE_TOKEN: 'fresh111111111111', GRADE_SEND: 'hello\n' },
      timeoutMs: 20_000,
    });
    expect(fresh.stdout).toContain('@@listen ready');
    expect(fresh.stdout).toContain('fresh111111111111 hello seen from 127.0.0.1');
    expect(fresh.stdout).not.toContain('stale0000000000');
    // Both listeners are gone: the stale one stopped before, the fresh one by its probe's own cleanup.
    expect(await listeners(lab)).toEqual([]);
    // And no work folder of a dead probe is left in the lab's /tmp.
    const left = await inContainer(lab, 'for d in /tmp/probe*.*.*; do [ -d "$d" ] || continue; p=${d#*.}; p=${p%%.*}; [ -e /proc/$p ] || echo "$d"; done');
    expect(left.stdout.trim()).toBe('');
  });

  test('a listener of the learner on the port is not taken for grade\'s own: the check says the port is taken', async () => {
    const mine = await asLearner(lab, 'network02', `setsid socat TCP-LISTEN:${PORT},fork,reuseaddr SYSTEM:'echo learner' </dev/null >/dev/null 2>&1 & sleep 0.5; ss -Hltn | grep -c :${PORT}`);
    expect(mine.stdout.trim()).toBe('1');
    const r = await lab.probe('tcp', ['network02', PORT, 'network02', '127.0.0.1'], { env: { GRADE_TOKEN: 'fresh2222222222', GRADE_SEND: 'x\n' }, timeoutMs: 20_000 });
    expect(r.stdout).toMatch(/^@@listen failed Address already in use/m);
    expect(r.stdout).not.toContain('learner');
  });
});

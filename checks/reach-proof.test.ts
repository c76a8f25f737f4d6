import { describe, expect, test } from 'vitest';
import { probeLine, wrongAnswer, type ProbeLine } from './reach.js';

const path = { from: 'red', far: 'lan-server' };
const line = (answered: number, back: number, relays: string[] = []): ProbeLine => ({ sent: 1, into: 1, answered, back, relays });

describe("probe-ping's proof that the far end answered and its answer came back", () => {
  test('its line is read, relays and all; a line missing means no proof', () => {
    expect(probeLine('PING ...\n@@probe sent=2 into=1 answered=1 back=1 relays=host:packet,?:raw\n')).toEqual({ sent: 2, into: 1, answered: 1, back: 1, relays: ['host:packet', '?:raw'] });
    expect(probeLine('@@probe sent=1 into=1 answered=1 back=1 relays= watch=0\n').relays).toEqual([]);
    expect(probeLine('@@probe sent=1 into=1\n').back).toBe(-1);
  });

  test("the far end's own reply, the first to come back: nothing wrong", () => {
    expect(wrongAnswer(path, line(1, 1), false)).toBeUndefined();
  });

  test('a copy of the request reached the far end, but it never answered: something nearer did', () => {
    expect(wrongAnswer(path, line(0, 0), false)).toMatch(/^lan-server sent no reply of its own to the 1 requests it got: something else answered in its place/);
  });

  test("the far end answered, but its reply was not the one the sender got", () => {
    expect(wrongAnswer(path, line(1, 0), false)).toMatch(/^none of the 1 replies lan-server sent reached red through the switch/);
    expect(wrongAnswer(path, line(1, 0), true)).not.toMatch(/through the switch/);
  });

  test('a node on the way holding a raw or packet socket: the proof cannot tell it from forwarding', () => {
    expect(wrongAnswer(path, line(1, 1, ['host:packet']), false)).toMatch(/^host held a packet socket during the check/);
    expect(wrongAnswer(path, line(1, 1, ['?:raw']), false)).toMatch(/^a network namespace of yours held a raw socket/);
  });
});

import { describe, expect, test } from 'vitest';
import { missingNetns, placeOf } from './place.js';

describe('where a check runs', () => {
  test('a node, or NODE/NETNS for a namespace the learner made in it', () => {
    expect(placeOf('node-a', undefined)).toBe('node-a');
    expect(placeOf('node-a', 'NS1')).toBe('node-a/NS1');
  });

  test("grade-enter's refusal of a namespace becomes one sentence; any other output is no refusal", () => {
    const output = 'grade-enter: network namespace NS2: does not exist in the node (see ip netns list)\n';
    expect(missingNetns(output)?.text).toBe('network namespace NS2 does not exist in the node (see ip netns list)');
    expect(missingNetns("grade-enter: network namespace NS1: is the node's own network namespace, not one of its own")?.text).toBe(
      "network namespace NS1 is the node's own network namespace, not one of its own",
    );
    expect(missingNetns('PING 172.16.0.3 (172.16.0.3) 56(84) bytes of data.')).toBeUndefined();
  });
});

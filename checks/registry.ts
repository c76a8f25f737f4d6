import type { CheckKind } from './check-kind.js';
import { bridgeCheck } from './bridge.js';
import { commandCheck } from './command.js';
import { fileCheck } from './file.js';
import { httpCheck } from './http.js';
import { iptablesCheck } from './iptables.js';
import { reachCheck } from './reach.js';
import { resolveCheck } from './resolve.js';
import { routeCheck } from './route.js';
import { sysctlCheck } from './sysctl.js';
import { sysctlPersistedCheck } from './sysctl-persisted.js';
import { tcpCheck } from './tcp.js';

/** Every check kind by the name exercise files use. Adding a kind: one file, one line here. */
export function checkKinds(): ReadonlyMap<string, CheckKind> {
  const kinds = [reachCheck, routeCheck, sysctlCheck, sysctlPersistedCheck, iptablesCheck, tcpCheck, httpCheck, commandCheck, bridgeCheck, resolveCheck, fileCheck];
  return new Map(kinds.map((k) => [k.name, k as unknown as CheckKind]));
}

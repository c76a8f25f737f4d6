// Every sentence a check says, by id: one catalogue per check kind, merged here.

import type { Texts } from '../../core/lang.js';
import { BRIDGE_WORDS } from './bridge.js';
import { COMMON_WORDS } from './common.js';
import { FILE_WORDS } from './file.js';
import { HTTP_WORDS } from './http.js';
import { IPTABLES_WORDS } from './iptables.js';
import { REACH_WORDS } from './reach.js';
import { RESOLVE_WORDS } from './resolve.js';
import { ROUTE_WORDS } from './route.js';
import { SYSCTL_WORDS } from './sysctl.js';
import { TCP_WORDS } from './tcp.js';

export const CHECK_WORDS = {
  ...COMMON_WORDS,
  ...BRIDGE_WORDS,
  ...FILE_WORDS,
  ...HTTP_WORDS,
  ...IPTABLES_WORDS,
  ...REACH_WORDS,
  ...RESOLVE_WORDS,
  ...ROUTE_WORDS,
  ...SYSCTL_WORDS,
  ...TCP_WORDS,
} as const satisfies Record<string, Texts>;

export type CheckWordId = keyof typeof CHECK_WORDS;

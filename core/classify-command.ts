// What a command typed in a shell does, as far as exporting it to a submission file goes: does it only
// look (ip a, ping, cat, iptables -L), and can it run again from a file as it ran in the shell? When
// in doubt a command counts as a change: keeping a harmless look costs nothing, dropping a change
// would make the exported submission differ from the live lab.
import { readCommandLine, type SimpleCommand } from './shell-words.js';

export interface CommandNature {
  /** It changes nothing in the node: only shows, tests or reads. */
  readonly looksOnly: boolean;
  /** Why it cannot simply run again from a submission file, or null when it can. */
  readonly replayProblem: string | null;
}

// Commands that only look, whatever their arguments (output to a file is a change, checked apart).
const LOOKS = new Set(
  ('ping ping6 traceroute traceroute6 tracepath mtr arping tcpdump tshark ss netstat nstat nslookup dig host getent curl telnet nc netcat ncat ' +
    'cat tac less more most head tail grep egrep fgrep zgrep wc sort uniq cut tr column nl od xxd hexdump diff cmp md5sum sha256sum jq awk ' +
    'ls ll la l dir tree stat file readlink realpath pwd whoami id groups uname which type whereis man help info apropos history clear reset ' +
    'ps pstree top htop pgrep pidof free df du uptime w who last lsof lsns lsmod lspci lsblk lscpu nproc tty locale journalctl watch ' +
    'echo env printenv true false : test [ [[ basename dirname seq expr')
    .split(' '),
);
const EDITORS = new Set('vi vim vim.tiny view nano pico emacs ed joe mcedit'.split(' '));
const SHELLS = new Set('bash sh dash zsh su python python3'.split(' '));
const HARMLESS_TEE = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);
const IPTABLES = /^(ip6?tables|ebtables|arptables)(-legacy|-nft)?$/;
const IP_LOOK_ACTIONS = ['show', 'list', 'lst'];
const IP_LOOK_WORDS = new Set(['get', 'ls', 'monitor', 'help', 'showdump', 'save', 'identify', 'pids', 'list-id']);
const IP_OPTIONS_WITH_VALUE = new Set(['-n', '-netns', '-f', '-family', '-rc', '-rcvbuf', '-l', '-loops']);

const NEVER_ENDS = 'runs until it is stopped, so it would hold the node\'s file up until its time limit';
const EDITOR = 'an editor: what was changed in it is not in the history; write the change as a command (a here-document) instead';
const SHELL = 'an interactive shell: the commands typed in it are not in the history';
const TERMINAL_INPUT = 'it read its input from the terminal, which the history does not hold';

export function classifyCommand(text: string): CommandNature {
  const line = readCommandLine(text);
  let looksOnly = !line.substitution;
  let replayProblem: string | null = null;
  let any = false;
  for (const command of line.commands) {
    const words = unwrap(withoutKeywords(command.words));
    if (words === null) continue;
    any = true;
    const name = words[0] === undefined ? '' : words[0].replace(/^.*\//, '');
    if (command.writesFile || command.background || !looks(name, words.slice(1))) looksOnly = false;
    if (!command.background) replayProblem ??= problem(name, words.slice(1), command);
  }
  return { looksOnly: looksOnly && any, replayProblem };
}

/** A command's words without the shell keywords before it; null when nothing runs (`done`, `for x in ...`). */
function withoutKeywords(words: readonly string[]): string[] | null {
  let rest = [...words];
  while (rest.length > 0 && ['!', '{', '}', 'do', 'then', 'else', 'elif', 'if', 'while', 'until', 'time', 'done', 'fi', 'esac'].includes(rest[0]!)) rest = rest.slice(1);
  if (rest.length === 0 || rest[0] === 'for' || rest[0] === 'select') return null;
  return rest;
}

/** The command that really runs: past `sudo`, `env`, `timeout`, `ip netns exec NS` and leading assignments. */
function unwrap(words: string[] | null): string[] | null {
  if (words === null) return null;
  let w = words;
  for (;;) {
    const name = w[0];
    if (name === undefined) return w;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(name) && w.length > 1) w = w.slice(1);
    else if (name === 'sudo' || name === 'command' || name === 'builtin' || name === 'nohup' || name === 'time') {
      let i = 1;
      while (name === 'sudo' && w[i]?.startsWith('-') && !['-i', '-s'].includes(w[i]!)) i += ['-u', '-g', '-h', '-p'].includes(w[i]!) ? 2 : 1;
      if (name === 'sudo' && (w[i] === '-i' || w[i] === '-s')) return ['bash', ...w.slice(i + 1)];
      if (i >= w.length) return w;
      w = w.slice(i);
    } else if (name === 'env' && w.length > 1) {
      let i = 1;
      while (w[i] !== undefined && (w[i]!.startsWith('-') || w[i]!.includes('='))) i++;
      if (i >= w.length) return w;
      w = w.slice(i);
    } else if (name === 'timeout' && w.length > 2) {
      let i = 1;
      while (w[i]?.startsWith('-')) i += ['-s', '-k', '--signal', '--kill-after'].includes(w[i]!) ? 2 : 1;
      return ['timeout-wrapped', ...w.slice(i + 1)];
    } else {
      const netnsExec = ipArgs(w);
      if (netnsExec && ['netns', 'net', 'netn'].includes(netnsExec[0] ?? '') && netnsExec[1] === 'exec' && netnsExec.length > 3) w = netnsExec.slice(3);
      else return w;
    }
  }
}

/** After `ip` and its options: the object and what follows; null when the command is not `ip`. */
function ipArgs(words: readonly string[]): string[] | null {
  if (words[0]?.replace(/^.*\//, '') !== 'ip') return null;
  let i = 1;
  while (words[i]?.startsWith('-')) i += IP_OPTIONS_WITH_VALUE.has(words[i]!) ? 2 : 1;
  return words.slice(i);
}

function looks(name: string, args: readonly string[]): boolean {
  if (name === 'timeout-wrapped') return args.length > 0 && looks(args[0]!.replace(/^.*\//, ''), args.slice(1));
  if (name === 'ip' || name === 'bridge') return looksLikeShow(name, args);
  if (IPTABLES.test(name)) return args.some((a) => /^-[a-zA-Z]*[LSC]/.test(a) || ['--list', '--list-rules', '--check'].includes(a)) && !args.some((a) => /^-[a-zA-Z]*[AIDRFZNXPE]/.test(a) || /^--(append|insert|delete|replace|flush|zero|new-chain|delete-chain|policy|rename-chain)/.test(a));
  if (/^ip6?tables-save$/.test(name)) return true;
  if (name === 'nft') return args.find((a) => !a.startsWith('-')) === 'list';
  if (name === 'sysctl') return !args.some((a) => a.includes('=') || /^-[a-zA-Z]*[wpf]/.test(a) || ['--write', '--load', '--system'].includes(a));
  if (name === 'route') return !args.some((a) => ['add', 'del', 'flush'].includes(a));
  if (name === 'arp') return !args.some((a) => /^-[a-zA-Z]*[sdf]/.test(a) || ['--set', '--delete', '--file'].includes(a));
  if (name === 'ifconfig') return args.filter((a) => !a.startsWith('-')).length <= 1;
  if (name === 'brctl') return ['show', 'showmacs', 'showstp'].includes(args[0] ?? 'show');
  if (name === 'ufw') return ['status', 'show', 'version'].includes(args[0] ?? '') || (args[0] === 'app' && args[1] === 'list');
  if (name === 'hostname') return args.every((a) => /^-[a-zA-Z]+$/.test(a) && !a.includes('F') && !a.includes('b'));
  if (name === 'ethtool') return !args.some((a) => /^-[sKAGLCEN]$|^--(change|features|offload|pause|set-)/.test(a));
  if (name === 'date') return !args.some((a) => /^-[a-zA-Z]*s/.test(a) || a.startsWith('--set'));
  if (name === 'dmesg') return !args.some((a) => /^-[a-zA-Z]*[cCDEn]/.test(a));
  if (name === 'sed') return !args.some((a) => /^-[a-zA-Z]*i/.test(a) || a.startsWith('--in-place'));
  if (name === 'find') return !args.some((a) => /^-(delete|exec|execdir|ok|okdir|fprint|fprint0|fprintf|fls)$/.test(a));
  if (name === 'curl') return !args.some((a) => /^-[a-zA-Z]*[oODc]/.test(a) || /^--(output|remote-name|dump-header|cookie-jar|output-dir)/.test(a));
  if (name === 'wget') return args.includes('--spider') || args.some((a, i) => /^-[a-zA-Z]*O-?$/.test(a) && (a.endsWith('-') || args[i + 1] === '-' || args[i + 1] === '/dev/null'));
  if (name === 'printf') return !args.includes('-v');
  if (name === 'tee') return args.every((a) => a.startsWith('-') || HARMLESS_TEE.has(a));
  return LOOKS.has(name);
}

/** `ip OBJECT [ACTION]` and `bridge OBJECT [ACTION]`: only the show family looks (the actions match by prefix, as ip's own). */
function looksLikeShow(name: string, args: readonly string[]): boolean {
  const rest = name === 'ip' ? (ipArgs(['ip', ...args]) ?? []) : args.filter((a) => !a.startsWith('-'));
  const [object, action] = rest;
  if (object === undefined) return true;
  if (/^mon/.test(object) || object === 'help') return true;
  if (action === undefined || action === 'help') return true;
  // "ip link s eth0 up" is `set`; elsewhere "s" is `show`.
  const isLink = name === 'ip' && 'link'.startsWith(object);
  if (isLink && 'set'.startsWith(action)) return false;
  if (IP_LOOK_WORDS.has(action) || /^mon/.test(action)) return true;
  return IP_LOOK_ACTIONS.some((a) => a.startsWith(action)) && !(object === 'netns' && action === 'set');
}

function problem(name: string, args: readonly string[], command: SimpleCommand): string | null {
  if (name === 'exit' || name === 'logout') return 'it ends the shell';
  if (EDITORS.has(name)) return EDITOR;
  if (SHELLS.has(name) && !args.some((a) => a === '-c' || !a.startsWith('-'))) return SHELL;
  if ((name === 'cat' || name === 'tee') && !command.inputGiven && (name === 'tee' || args.every((a) => a.startsWith('-') && a !== '-'))) return TERMINAL_INPUT;
  if ((name === 'nc' || name === 'netcat' || name === 'ncat' || name === 'telnet') && !command.inputGiven && !args.some((a) => /^-[a-zA-Z]*z/.test(a))) return NEVER_ENDS;
  if (['watch', 'top', 'htop'].includes(name)) return NEVER_ENDS;
  if ((name === 'ping' || name === 'ping6' || name === 'arping') && !args.some((a) => /^-[a-zA-Z]*[cw]/.test(a))) return NEVER_ENDS;
  if (name === 'tcpdump' && !args.some((a) => /^-[a-zA-Z]*[cr]/.test(a))) return NEVER_ENDS;
  if (name === 'tail' && args.some((a) => /^-[a-zA-Z]*[fF]/.test(a) || a.startsWith('--follow'))) return NEVER_ENDS;
  if ((name === 'ip' || name === 'bridge') && /^mon/.test((name === 'ip' ? ipArgs(['ip', ...args]) : args)?.[0] ?? '')) return NEVER_ENDS;
  return null;
}

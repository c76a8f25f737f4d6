// How similarity reads a learner's command: comments gone, whitespace collapsed, `sudo ` dropped, and
// pure inspection (ip a, ping, cat, iptables -L, ...) not counted, since everyone types those and they
// change nothing. What is left is the configuration a learner chose to type.

const INSPECTION_WORDS = new Set([
  'arp', 'arping', 'cat', 'clear', 'curl', 'date', 'dig', 'echo', 'env', 'exit', 'getent', 'grep', 'head', 'history',
  'host', 'hostname', 'id', 'ifconfig', 'iptables-save', 'ip6tables-save', 'jobs', 'less', 'ls', 'lsmod', 'man', 'more',
  'mtr', 'netstat', 'nslookup', 'ping', 'ping6', 'printenv', 'printf', 'ps', 'pwd', 'route', 'sleep', 'ss', 'tail',
  'tcpdump', 'telnet', 'tracepath', 'traceroute', 'true', 'type', 'uname', 'wait', 'watch', 'wget', 'which', 'whoami',
]);

// `ip OBJECT ACTION`: these actions (and none at all) only read.
const READ_ACTIONS = new Set(['show', 'sh', 'list', 'lst', 'ls', 'l', 'get', 'g']);
// ip options that take a value, so the value is not mistaken for the object.
const IP_VALUE_OPTIONS = new Set(['-n', '-netns', '-f', '-family', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops']);

/** One command as similarity compares it, or null when it does not count (empty, comment, inspection). */
export function normaliseCommand(text: string): string | null {
  let line = stripComments(text.replace(/\\\r?\n/g, ' ')).replace(/\s+/g, ' ').trim();
  while (/^sudo\s/.test(line)) line = line.slice(5).trimStart();
  if (line === '' || isInspection(line)) return null;
  return line;
}

/** The commands of a script file (a reference solution), one per line after joining `\` continuations. */
export function scriptLines(script: string): string[] {
  return script.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
}

/** Removes `# ...` wherever a word starts with # outside quotes, line by line. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let quote: string | null = null;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quote !== null) {
          if (ch === quote) quote = null;
          else if (ch === '\\' && quote === '"') i++;
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === '\\') i++;
        else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** True when every part of the command only looks (and nothing is written to a file). */
export function isInspection(line: string): boolean {
  const withoutNullRedirects = line.replace(/\d*>>?\s*\/dev\/null|\d*>&\d/g, ' ');
  if (/>|<<|\btee\b/.test(withoutNullRedirects)) return false;
  const segments = withoutNullRedirects.split(/\|\||&&|[|;&]/).map((s) => s.trim()).filter((s) => s !== '');
  return segments.length > 0 && segments.every((s) => segmentIsInspection(s.split(' ')));
}

function segmentIsInspection(words: readonly string[]): boolean {
  let rest = words;
  while (rest[0] === 'sudo' || /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0] ?? '')) rest = rest.slice(1);
  const [command = '', ...args] = rest;
  const name = command.split('/').pop() ?? command;
  if (INSPECTION_WORDS.has(name)) return true;
  switch (name) {
    case 'ip':
    case 'bridge':
      return ipReads(args);
    case 'iptables':
    case 'ip6tables':
    case 'iptables-legacy':
    case 'iptables-nft':
      return args.some((a) => /^-[a-zA-Z]*[LS][a-zA-Z]*$/.test(a) || a === '--list' || a === '--list-rules') &&
        !args.some((a) => /^-[AIDRPNFXZE]$/.test(a));
    case 'nft':
      return args.find((a) => !a.startsWith('-')) === 'list';
    case 'sysctl':
      return !args.some((a) => a.includes('=') || ['-w', '-p', '--write', '--load', '--system'].includes(a));
    case 'brctl':
    case 'ufw':
    case 'systemctl':
    case 'resolvectl':
      return args.length === 0 || ['show', 'showmacs', 'status', 'list-units'].includes(args[0] ?? '');
    default:
      return false;
  }
}

function ipReads(args: readonly string[]): boolean {
  let i = 0;
  while (i < args.length && (args[i] ?? '').startsWith('-')) i += IP_VALUE_OPTIONS.has(args[i] ?? '') ? 2 : 1;
  const object = args[i];
  if (object === undefined) return true;
  if (object === 'netns' && args[i + 1] === 'exec') return segmentIsInspection(args.slice(i + 3));
  const action = args[i + 1];
  return action === undefined || READ_ACTIONS.has(action);
}

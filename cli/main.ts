import { Command, CommanderError, Option } from 'commander';
import { leftBehind } from '../core/cleanup-failures.js';
import { InfraError, UserError, describeCauses, messageOf } from '../core/errors.js';
import { langFromEnv, parseLang, type Lang } from '../core/lang.js';
import { toolVersion } from '../core/tool-version.js';
import type { BatchOptions } from './commands/batch.js';
import type { MergeOptions } from './commands/merge.js';
import type { ExportOptions } from './commands/history-commands.js';
import type { CliContext } from './context.js';
import { EXIT } from './exit-codes.js';

// Each command's module is loaded only when that command runs: `grade reset` need not load batch's archive readers.
const COMMANDS = ['list', 'start', 'shell', 'reset', 'history', 'export', 'check', 'batch', 'merge', 'stop', 'clean', 'doctor', 'verify', 'serve', 'help'];

function concurrencyOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new UserError('--concurrency takes a whole number from 1 to 16.');
  return n;
}

function variantsOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new UserError('--variants takes a whole number from 1 to 1000.');
  return n;
}

function buildProgram(run: Run): Command {
  const program = new Command('grade')
    .description('Grade Linux networking lab exercises on throwaway Docker containers.')
    .version(toolVersion())
    .addOption(new Option('--no-color', 'plain output without colours'))
    .addOption(new Option('--debug', 'log engine calls and cleanup to stderr, and show the root cause of an error (same as GRADE_DEBUG=1)'))
    .addOption(new Option('--lang <lang>', 'language for learners: en or ko (default: from LC_ALL, LC_MESSAGES or LANG, else en)').argParser(parseLang))
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: (text) => process.stderr.write(text.startsWith('error:') ? `grade: ${text.slice(7).trim()} (see \`grade --help\`)\n` : text) })
    .exitOverride();
  addLearnerCommands(program, run);
  addCourseCommands(program, run);
  return program;
}

type Run = (action: (ctx: CliContext) => Promise<number> | number) => void;

/** What a learner runs: the exercises, a lab and its shells, checking it, resetting it, its history. */
function addLearnerCommands(program: Command, run: Run): void {
  program.command('list').description('list the exercises').action(() => run(async (ctx) => (await import('./commands/list.js')).listCommand(ctx)));
  program
    .command('start <exercise>')
    .description('start an exercise lab that stays up while you work in it')
    .option('--variant <id>', 'your own variant of an exercise with params (other addresses than the lesson\'s), e.g. your login')
    .action((ex: string, opts: { variant?: string }) => run(async (ctx) => (await import('./commands/lab-commands.js')).startCommand(ctx, ex, opts)));
  program
    .command('shell <exercise> <node>')
    .description('open a shell on a node of the running lab')
    .action((ex: string, node: string) => run(async (ctx) => (await import('./commands/lab-commands.js')).shellCommand(ctx, ex, node)));
  program
    .command('check <exercise>', { isDefault: false })
    .description('check the running lab (or, with --submission, a folder of <node>.sh files in a fresh lab); `grade ex01` is short for `grade check ex01`')
    .option('-s, --submission <dir>', 'grade this folder of <node>.sh files in a fresh throwaway lab')
    .option('--json', 'print the result as JSON (see reports/results-schema.json); same as --format json')
    .option('-f, --format <name>', 'what to print: terminal (default), json, html, junit or classroom (GitHub Classroom\'s autograding input)')
    .option('-o, --out <dir>', 'where to write report.html and result.json (default: grade-reports/<exercise>/<submission>)')
    .option('-v, --verbose', 'show evidence and every command')
    .option('--junit <file>', 'also write the checks as JUnit XML')
    .option('--variant <id>', 'grade this variant of an exercise with params (a running lab already knows its own)')
    .option('-w, --watch', 'keep checking the running lab, show what changed, and end once every check passes')
    .action((ex: string, opts: { submission?: string; json?: boolean; format?: string; out?: string; verbose?: boolean; junit?: string; variant?: string; watch?: boolean }) => run(async (ctx) => (await import('./commands/check.js')).checkCommand(ctx, ex, opts)));
  program
    .command('reset <exercise> [node]')
    .description('make the running lab fresh again (your shell history stays), or with a node, only that node')
    .action((ex: string, node: string | undefined) => run(async (ctx) => (await import('./commands/reset.js')).resetCommand(ctx, ex, node)));
  program
    .command('history <exercise> [node]')
    .description('the commands typed in the running lab\'s shells (all nodes, or one), with time and exit status')
    .option('--json', 'print the records as JSON')
    .action((ex: string, node: string | undefined, opts: { json?: boolean }) => run(async (ctx) => (await import('./commands/history-commands.js')).historyCommand(ctx, ex, node, opts)));
  program
    .command('export <exercise> <dir>')
    .description('write the commands typed in the running lab\'s shells as a submission folder (<node>.sh for your nodes)')
    .option('--changes-only', 'leave out the commands that only look (ip a, ping, cat, iptables -L, ...)')
    .option('--force', 'overwrite <node>.sh files already in <dir>')
    .action((ex: string, dir: string, opts: ExportOptions) => run(async (ctx) => (await import('./commands/history-commands.js')).exportCommand(ctx, ex, dir, opts)));
  program
    .command('stop <exercise>')
    .description('remove the running lab of an exercise')
    .action((ex: string) => run(async (ctx) => (await import('./commands/lab-commands.js')).stopCommand(ctx, ex)));
  program.command('clean').description('remove every lab grade made, running or left over').action(() => run(async (ctx) => (await import('./commands/lab-commands.js')).cleanCommand(ctx)));
  program.command('doctor').description('check the prerequisites and say how to fix what is missing').action(() => run(async (ctx) => (await import('./commands/doctor.js')).doctorCommand(ctx)));
}

/** What a teacher and CI run: whole classes, merging shards, proving the exercises. */
function addCourseCommands(program: Command, run: Run): void {
  program
    .command('batch <exercise-or-folder> [folder]')
    .description('grade every learner in <folder> (a folder or archive each, an LMS download, or cloned GitHub Classroom repositories), each in its own fresh lab; writes gradebooks and a report per learner')
    .option('-o, --out <dir>', 'where gradebooks, reports and records go (default: grade-reports/<exercise>-batch)')
    .option('-j, --concurrency <n>', 'labs graded at once (default 4)', concurrencyOption)
    .option('--all', 'grade every exercise found in each learner\'s folder (alice/ex01/, alice/ex03/, ...): `grade batch DIR --all`')
    .option('--force', 'grade again even the submissions an earlier run into --out already recorded')
    .option('-q, --quiet', 'print only the summary')
    .option('--roster <file>', 'the gradebook CSV exported from Canvas: also write canvas-import.csv')
    .option('--assignment <column>', 'the Canvas roster column for the grades: its header "Lab 1 (1234)", its id 1234 or its title')
    .option('--worksheet <file>', 'the Moodle assignment\'s grading worksheet: hand it back filled in (moodle/<exercise>-worksheet.csv)')
    .option('--scale <points>', 'write LMS grades out of this many points (a Moodle worksheet\'s Maximum Grade is used by itself)')
    .option('--variants', 'grade each learner on their own variant of exercises with params (the id is the learner\'s)')
    .option('--shard <I/N>', 'grade slice I of N (1-based); `--shard N` takes I from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs)')
    .option('--junit <file>', 'also write every learner as a JUnit test suite')
    .action((first: string, folder: string | undefined, opts: BatchOptions) => run(async (ctx) => (await import('./commands/batch.js')).batchCommand(ctx, first, folder, opts)));
  program
    .command('merge <folders...>')
    .description('join the --out folders of several `grade batch` runs (shards) into one gradebook')
    .option('-o, --out <dir>', 'where the merged gradebook goes (required)')
    .option('--roster <file>', 'the gradebook CSV exported from Canvas: also write canvas-import.csv')
    .option('--assignment <column>', 'the Canvas roster column for the grades: its header "Lab 1 (1234)", its id 1234 or its title')
    .option('--worksheet <file>', 'the Moodle assignment\'s grading worksheet: hand it back filled in (moodle/<exercise>-worksheet.csv)')
    .option('--scale <points>', 'write LMS grades out of this many points (a Moodle worksheet\'s Maximum Grade is used by itself)')
    .option('--junit <file>', 'also write every learner as a JUnit test suite')
    .action((folders: string[], opts: MergeOptions) => run(async (ctx) => (await import('./commands/merge.js')).mergeCommand(ctx, folders, opts)));
  program
    .command('verify [exercises...]')
    .description('prove every reference solution passes and every known-wrong solution fails exactly its declared checks')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('-j, --concurrency <n>', 'labs graded at once (default 3)', concurrencyOption)
    .option('--variants <n>', 'also verify exercises with params on n seeded variants (v1..vn)', variantsOption)
    .action((exs: string[], opts: { junit?: string; concurrency?: number; variants?: number }) => run(async (ctx) => (await import('./commands/verify.js')).verifyCommand(ctx, exs, opts)));
  addServeCommands(program, run);
}

/** `grade serve` and `grade serve links`: a whole class in the browser (serve/). */
function addServeCommands(program: Command, run: Run): void {
  const shared = (cmd: Command) =>
    cmd
      .option('--roster <file>', 'who may join: the Canvas gradebook export, or a CSV of id,name[,lang]')
      // Repeatable: each learner gets a lab of their own for each exercise.
      .option('--exercise <id>', 'the exercise the class works on (repeat it for several)', (id: string, before?: string[]) => [...(before ?? []), id])
      .option('--host <address>', 'the address to listen on (default 127.0.0.1: put a reverse proxy with TLS in front)')
      .option('--port <n>', 'the port (default 8080)')
      .option('--public-url <url>', 'where learners reach the server, e.g. https://grade.school.example (the reverse proxy)')
      .option('--state <dir>', 'the server\'s secret, histories and class records (default grade-serve/)')
      .option('--link-hours <n>', 'how long join links work (default 168)');
  const serve = shared(program.command('serve').description('a class works in the browser: terminals, live checks, hand-in, and a teacher\'s dashboard'))
    .option('--max-labs <n>', 'labs at once (default 60)')
    .option('--idle <minutes>', 'stop a lab idle this long; its history is kept (default 30)')
    .option('--pool <n>', 'labs started ahead of time per exercise, so joining is instant (default 0)')
    .action((opts: Record<string, string>) => run(async (ctx) => (await import('./commands/serve.js')).serveCommand(ctx, opts)));
  shared(serve.command('links').description('print (or --out) each learner\'s signed join link'))
    .option('-o, --out <file>', 'write the links to this CSV file (readable by you only)')
    .option('--rotate', 'a new server secret: every earlier link and session stops working')
    // The shared options may land on `serve` or on `links`, depending on where they were written.
    .action((_opts: unknown, cmd: Command) => run(async (ctx) => (await import('./commands/serve.js')).linksCommand(ctx, cmd.optsWithGlobals())));
}

async function main(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  // `grade ex01 ...` is `grade check ex01 ...`.
  const first = args.findIndex((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
  if (first >= 0 && !COMMANDS.includes(args[first]!)) args.splice(first, 0, 'check');
  let pending: Promise<number> | undefined;
  let ctxOptions: { color: boolean; lang: Lang } = { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, lang: langFromEnv(process.env) };
  const program = buildProgram((action) => {
    // The context (check kinds, engine, tracker) loads with the first command, not for --help or --version.
    pending = import('./context.js').then(({ createContext }) => action(createContext(ctxOptions)));
  });
  program.hook('preAction', (cmd) => {
    const opts = cmd.optsWithGlobals();
    if (opts.color === false) ctxOptions = { ...ctxOptions, color: false };
    if (opts.lang !== undefined) ctxOptions = { ...ctxOptions, lang: opts.lang as Lang };
    if (opts.debug === true) process.env.GRADE_DEBUG = '1';
  });
  try {
    await program.parseAsync(['node', 'grade', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.pass : EXIT.usage;
    throw error;
  }
  return pending ? await pending : EXIT.pass;
}

// `grade list | head`: a reader that stops early is not an error, and never a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.pass);
});

try {
  process.exitCode = await main(process.argv);
} catch (error) {
  if (error instanceof UserError) {
    process.stderr.write(`grade: ${error.message}\n`);
    process.exitCode = EXIT.usage;
  } else if (error instanceof InfraError) {
    process.stderr.write(`grade: ${error.message}\n`);
    process.exitCode = EXIT.infra;
  } else {
    process.stderr.write(`grade: internal error: ${messageOf(error)}\n(This is a bug in grade; rerun with --debug for details.)\n`);
    process.exitCode = EXIT.infra;
  }
  // The operator's view: the whole chain of causes down to the root (an errno, the engine's own answer).
  if (process.env.GRADE_DEBUG) process.stderr.write(`grade: debug: ${describeCauses(error)}\n`);
}
// A cleanup that left something behind is said, and a run that otherwise passed does not exit 0.
const left = leftBehind();
if (left.length > 0) {
  process.stderr.write(`grade: could not ${left.map((f) => f.what).join('; ')} (rerun with --debug for why); \`grade clean\` removes leftover labs.\n`);
  if (process.exitCode === EXIT.pass || process.exitCode === undefined) process.exitCode = EXIT.infra;
}

// A course's submissions as LMSs hand them over, graded for real through the CLI: every input layout
// (hostile archives included), every gradebook export, resume after SIGKILL, shards plus merge, variants.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { variantOf } from '../../core/load-exercise.js';
import { LABEL } from '../../runner/labels.js';
import { listTree, tarOf, writeTree, zipOf } from '../support/batch-fixtures.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { engine, exercise, kinds, root } from './lab-fixture.js';

const bin = join(root, 'bin', 'grade.js');
const ex01 = exercise('ex01-default-gateway');
const ex00 = exercise('ex00-switching');

type Files = Record<string, string>;

/** An ex01 solution folder's files, rendered as the lesson's values (ex01's files are templates). */
function ex01Files(dir: string, variant: string | null = null): Files {
  const form = variant === null ? ex01 : variantOf(ex01, variant, kinds);
  const base = dir === 'solution' ? form.solutionDir : join(form.dir, dir);
  return Object.fromEntries(readSubmissionFor(form, base).files.map((f) => [`${f.node}.sh`, f.text]));
}
const reference = () => ex01Files('solution');
const wanOnly = () => ex01Files('wrong/wan-only');
const prefixed = (prefix: string, files: Files): Files => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}${k}`, v]));

function grade(args: string[], cwd: string) {
  return execa('node', [bin, ...args], { cwd, env: { NO_COLOR: '1', CI: 'true' }, reject: false });
}

interface Row {
  [column: string]: string;
}
const csvRows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true });
const statusOf = (rows: Row[], exerciseId = 'ex01') => Object.fromEntries(rows.map((r) => [r.learner!, r[`${exerciseId} status`]!]));

async function labsOf(pid: number): Promise<string[]> {
  const found = await engine.listLabelled(LABEL.ownerPid, String(pid));
  return found.containers.map((c) => c.name);
}

describe('grade batch, for a course', () => {
  afterAll(removeTempDirs);

  test('folders, zips and tarballs per learner, one at a time; hostile or unexpected input becomes an invalid row and touches nothing outside', async () => {
    const cwd = tempDir('grade-class-');
    const subs = join(cwd, 'subs');
    writeTree(subs, { ...prefixed('alice/', reference()), 'empty/': '', 'notes.txt': 'not a submission\n', 'zoe/host-z.sh': 'ip a\n' });
    writeFileSync(join(subs, 'bob.zip'), await zipOf(Object.entries(wanOnly()).map(([name, data]) => ({ name, data }))));
    writeFileSync(join(subs, 'carol.tar.gz'), await tarOf(Object.entries(reference()).map(([name, data]) => ({ name, data }))));
    writeFileSync(join(subs, 'nested.zip'), await zipOf(Object.entries(reference()).map(([name, data]) => ({ name: `deep/er/${name}`, data }))));
    writeFileSync(join(subs, 'link.tar.gz'), await tarOf([{ name: 'host-a.sh', type: 'symlink', linkname: '/etc/passwd' }]));
    writeFileSync(join(subs, 'escape.tar.gz'), await tarOf([{ name: '../../outside/host-a.sh', data: 'ip a\n' }]));
    // Compresses to a few KiB; 8 MiB unpacked, far over a learner archive's cap.
    writeFileSync(join(subs, 'bomb.zip'), await zipOf([{ name: 'host-a.sh', data: Buffer.alloc(8 * 1024 * 1024, 0x61) }]));
    mkdirSync(join(cwd, 'outside'));
    const before = listTree(cwd).filter((p) => !p.startsWith('out'));

    const run = await grade(['batch', 'ex01', 'subs', '--out', 'out'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const rows = csvRows(join(cwd, 'out', 'grades.csv'));
    expect(statusOf(rows)).toEqual({
      alice: 'pass', bob: 'fail', carol: 'pass',
      bomb: 'invalid', empty: 'invalid', escape: 'invalid', link: 'invalid', nested: 'invalid', 'notes.txt': 'invalid', zoe: 'invalid',
    });
    const note = (learner: string) => rows.find((r) => r.learner === learner)!.note!;
    expect(note('nested')).toMatch(/folder/);
    expect(note('link')).toMatch(/link/);
    expect(note('escape')).toMatch(/\.\./);
    expect(note('bomb')).toMatch(/MiB|large|cap|limit/i);
    expect(note('zoe')).toMatch(/host-z/);
    // Nothing appeared or vanished outside the output folder; the work folder is gone.
    expect(listTree(cwd).filter((p) => !p.startsWith('out'))).toEqual(before);
    expect(readdirSync(join(cwd, 'out')).filter((n) => n.startsWith('.work'))).toEqual([]);
    expect(existsSync(join(cwd, 'out', 'carol', 'ex01', 'report.html'))).toBe(true);
  });

  test('a Canvas download with a roster, a Moodle download and GitHub Classroom clones each give their own gradebook', async () => {
    const cwd = tempDir('grade-class-');
    // Canvas: the "Download Submissions" zip, flat files named <name>_[late_]<user id>_<file id>_<file>.
    const canvas = { ...prefixed('smithjane_1001_5001_', reference()), ...prefixed('leekim_late_1002_5002_', wanOnly()) };
    mkdirSync(join(cwd, 'canvas'));
    writeFileSync(join(cwd, 'canvas', 'submissions.zip'), await zipOf(Object.entries(canvas).map(([name, data]) => ({ name, data }))));
    writeFileSync(
      join(cwd, 'roster.csv'),
      'Student,ID,SIS User ID,SIS Login ID,Section,ex01 Default gateway (777)\n' +
        '    Points Possible,,,,,12\n' +
        'Smith Jane,1001,s1,jsmith,A,\nLee Kim,1002,s2,klee,A,\nPark Min,1003,s3,mpark,A,\n',
    );
    // Moodle: "Download all submissions" in folders, <Full Name>_<participant id>_assignsubmission_file_.
    writeTree(join(cwd, 'moodle'), { ...prefixed('Jane Smith_301_assignsubmission_file_/', reference()), ...prefixed('Kim Lee_302_assignsubmission_file_/', wanOnly()) });
    // GitHub Classroom: `gh classroom clone student-repos` makes <assignment>-submissions/<assignment>-<user>/.
    const classroom = join(cwd, 'net-ex01-submissions');
    writeTree(classroom, { ...prefixed('net-ex01-octocat/', reference()), 'net-ex01-octocat/.git/HEAD': 'ref: refs/heads/main\n', 'net-ex01-octocat/README.md': '# mine\n' });
    writeTree(classroom, { ...prefixed('net-ex01-hubot/', wanOnly()), 'net-ex01-hubot/.git/HEAD': 'ref: refs/heads/main\n' });

    const runs = await Promise.all([
      grade(['batch', 'ex01', 'canvas', '--out', 'out-canvas', '--roster', 'roster.csv'], cwd),
      grade(['batch', 'ex01', 'moodle', '--out', 'out-moodle', '-j', '2'], cwd),
      grade(['batch', 'ex01', 'net-ex01-submissions', '--out', 'out-classroom', '-j', '2'], cwd),
    ]);
    for (const run of runs) expect(run.exitCode, run.stderr).toBe(0);
    expect(statusOf(csvRows(join(cwd, 'out-canvas', 'grades.csv')))).toEqual({ '1001': 'pass', '1002': 'fail' });
    expect(statusOf(csvRows(join(cwd, 'out-moodle', 'grades.csv')))).toEqual({ '301': 'pass', '302': 'fail' });
    expect(statusOf(csvRows(join(cwd, 'out-classroom', 'grades.csv')))).toEqual({ hubot: 'fail', octocat: 'pass' });

    // Canvas: the roster's own header and assignment column; Park Min handed in nothing: no row (a blank cell would clear a grade).
    const canvasRows: string[][] = parse(readFileSync(join(cwd, 'out-canvas', 'canvas-import.csv'), 'utf8'));
    expect(canvasRows[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'ex01 Default gateway (777)']);
    expect(canvasRows.filter((r) => /^\d+$/.test(r[1]!)).map((r) => [r[1], r[5]])).toEqual([['1001', '12'], ['1002', '6']]);
    // A Canvas download gets no Moodle worksheet.
    expect(existsSync(join(cwd, 'out-canvas', 'moodle'))).toBe(false);
    // Moodle: the assignment's offline grading worksheet, by participant.
    const worksheet = csvRows(join(cwd, 'out-moodle', 'moodle', 'ex01-worksheet.csv'));
    expect(worksheet.map((r) => [r.Identifier, r.Grade])).toEqual([['Participant 301', '12'], ['Participant 302', '6']]);
    // GitHub Classroom: one runner per check, so partial credit shows.
    const payload = JSON.parse(readFileSync(join(cwd, 'out-classroom', 'classroom', 'hubot', 'ex01.json'), 'utf8')) as { runners: string; env: Record<string, string> };
    const runners = payload.runners.split(',');
    expect(runners).toHaveLength(ex01.checks.length);
    const results = runners.map((r) => JSON.parse(Buffer.from(payload.env[`${r.toUpperCase()}_RESULTS`]!, 'base64').toString('utf8')) as { status: string; max_score: number });
    expect(results.filter((r) => r.status === 'pass')).toHaveLength(ex01.checks.length - 4);
    // Feedback for learners: the failed checks' hints, never the reference's commands.
    const feedback = readFileSync(join(cwd, 'out-classroom', 'feedback', 'hubot', 'ex01.md'), 'utf8');
    expect(feedback).toContain(ex01.checks.find((c) => c.id === 'host-a-reaches-web')!.hint!.trim().split('\n')[0]!.slice(0, 40));
    for (const line of Object.values(reference()).join('\n').split('\n').filter((l) => /\S/.test(l) && !l.startsWith('#'))) expect(feedback).not.toContain(line);
    // The summary page links each learner's report.
    const summary = readFileSync(join(cwd, 'out-classroom', 'summary.html'), 'utf8');
    expect(summary).toContain('href="./hubot/ex01/report.html"');
  });

  test('--all grades every exercise a learner handed in, one gradebook column per exercise', async () => {
    const cwd = tempDir('grade-class-');
    const ex00Reference = Object.fromEntries(readSubmissionFor(ex00, ex00.solutionDir).files.map((f) => [`${f.node}.sh`, f.text]));
    writeTree(join(cwd, 'subs'), { ...prefixed('dana/ex00/', ex00Reference), ...prefixed('dana/ex01-default-gateway/', wanOnly()), ...prefixed('eli/ex00/', ex00Reference) });
    const run = await grade(['batch', 'subs', '--all', '--out', 'out'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    const rows = csvRows(join(cwd, 'out', 'grades.csv'));
    expect(rows.map((r) => [r.learner, r['ex00 status'], r['ex01 status']])).toEqual([['dana', 'pass', 'fail'], ['eli', 'pass', '']]);
  });

  test('a batch killed with SIGKILL half-way resumes with only the rest, and shards plus merge equal one run', async () => {
    const cwd = tempDir('grade-class-');
    const learners = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8'];
    writeTree(join(cwd, 'subs'), Object.assign({}, ...learners.map((l, i) => prefixed(`${l}/`, i % 3 === 0 ? wanOnly() : reference()))));
    const whole = await grade(['batch', 'ex01', 'subs', '--out', 'whole'], cwd);
    expect(whole.exitCode, whole.stderr).toBe(0);
    const expected = readFileSync(join(cwd, 'whole', 'grades.csv'), 'utf8');

    // Killed outright once half the learners are recorded.
    const child = spawn('node', [bin, 'batch', 'ex01', 'subs', '--out', 'killed', '-j', '2'], { cwd, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    const records = () => (existsSync(join(cwd, 'killed', 'records')) ? readdirSync(join(cwd, 'killed', 'records')).filter((n) => n.endsWith('.json')).length : 0);
    while (records() < learners.length / 2) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const recorded = records();
    expect(recorded).toBeLessThan(learners.length);

    const resumed = await grade(['batch', 'ex01', 'subs', '--out', 'killed'], cwd);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`; ${recorded} reused from an earlier run.`);
    expect(readFileSync(join(cwd, 'killed', 'grades.csv'), 'utf8')).toBe(expected);
    // The killed run's labs and work folder are gone: the next run cleaned up after it.
    expect(await labsOf(child.pid!)).toEqual([]);
    expect(readdirSync(join(cwd, 'killed')).filter((n) => n.startsWith('.work'))).toEqual([]);

    // Two shard processes at once, then merge: the same gradebook as one run.
    const shards = await Promise.all([1, 2].map((i) => grade(['batch', 'ex01', 'subs', '--shard', `${i}/2`, '--out', `shard-${i}`, '-j', '2'], cwd)));
    for (const s of shards) expect(s.exitCode, s.stderr).toBe(0);
    const merged = await grade(['merge', 'shard-1', 'shard-2', '--out', 'merged'], cwd);
    expect(merged.exitCode, merged.stderr).toBe(0);
    // Every gradebook without timings is byte-identical; a re-merge of one run's records reproduces every file.
    for (const file of ['grades.csv', 'moodle-import.csv']) expect(readFileSync(join(cwd, 'merged', file), 'utf8'), file).toBe(readFileSync(join(cwd, 'whole', file), 'utf8'));
    expect(existsSync(join(cwd, 'merged', 'l5', 'ex01', 'report.html'))).toBe(true);
    const again = await grade(['merge', 'whole', '--out', 'again'], cwd);
    expect(again.exitCode, again.stderr).toBe(0);
    const gradebooks = (dir: string) => listTree(join(cwd, dir)).filter((p) => !p.startsWith('records') && !p.startsWith('.') && !p.endsWith('/'));
    expect(gradebooks('again')).toEqual(gradebooks('whole'));
    for (const file of gradebooks('whole')) expect(readFileSync(join(cwd, 'again', file), 'utf8'), file).toBe(readFileSync(join(cwd, 'whole', file), 'utf8'));
  });

  test('--variants grades each learner on their own variant: a neighbour\'s copied commands fail', async () => {
    const cwd = tempDir('grade-class-');
    writeTree(join(cwd, 'subs'), { ...prefixed('alice/', ex01Files('solution', 'alice')), ...prefixed('bob/', ex01Files('solution', 'alice')) });
    const run = await grade(['batch', 'ex01', 'subs', '--variants', '--out', 'out'], cwd);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(statusOf(csvRows(join(cwd, 'out', 'grades.csv')))).toEqual({ alice: 'pass', bob: 'fail' });
    const result = JSON.parse(readFileSync(join(cwd, 'out', 'bob', 'ex01', 'result.json'), 'utf8')) as { exercise: { variant?: string } };
    expect(result.exercise.variant).toBe('bob');
  });

  test('bad input is one sentence and exit 2', async () => {
    const cwd = tempDir('grade-class-');
    mkdirSync(join(cwd, 'subs'));
    writeTree(join(cwd, 'one'), { 'zoe/host-z.sh': 'ip a\n' });
    writeTree(cwd, { 'roster.csv': 'Student,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (10),Lab 1 (1234)\nZoe,1,,,A,,\n', 'sheet.csv': 'name,grade\n' });
    for (const [args, message] of [
      [['batch', 'ex01', 'subs', '--assignment', '1234'], /--assignment names a column of the Canvas roster: pass the roster too/],
      [['batch', 'ex01', 'subs', '--scale', 'ten'], /--scale ten: give the LMS's maximum grade as a positive number/],
      [['batch', 'ex01', 'subs', '--worksheet', 'sheet.csv'], /sheet\.csv is not a Moodle grading worksheet: it needs the columns "Identifier", "Grade" and "Last modified \(grade\)"/],
      // No column is ever created by accident: the roster's columns are listed, before any lab runs.
      [['batch', 'ex01', 'one', '--roster', 'roster.csv'], /^grade: no column of --roster roster\.csv matches a title starting with ex01 \(its assignment columns are "Quiz 1 \(10\)", "Lab 1 \(1234\)"\)/],
      [['batch', 'ex01', 'one', '--roster', 'roster.csv', '--assignment', '99'], /no column of --roster roster\.csv matches --assignment "99"/],
      [['batch', 'subs'], /say which exercise/],
      [['batch', 'ex01', 'subs', '--shard', '3/2'], /--shard 3\/2 is out of range/],
      [['batch', 'ex01', 'subs', '--shard', '2'], /JOB_COMPLETION_INDEX/],
      [['batch', 'ex01', 'subs', '--roster', 'missing.csv'], /--roster missing\.csv: no such file/],
      [['merge', 'subs', '--out', 'm'], /has no records\/ folder/],
    ] as const) {
      const run = await grade([...args], cwd);
      expect(run.exitCode, run.stderr).toBe(2);
      expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    expect(execFileSync('ls', ['-A', cwd], { encoding: 'utf8' }).trim().split('\n')).toEqual(['one', 'roster.csv', 'sheet.csv', 'subs']);
  });
});

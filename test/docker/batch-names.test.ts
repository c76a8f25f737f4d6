// A class as it really comes in, graded for real: Hangul names (one written decomposed, as macOS
// writes file names), mixed scripts, names that clash once cleaned, an anonymous Canvas download, a Moodle
// online-text submission, a roster student who handed in nothing, and invalid learners. Every output
// (reports, gradebooks, feedback, classroom payloads, JUnit, summary) maps learners one to one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { listTree, writeTree } from '../support/batch-fixtures.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { exercise, root } from './lab-fixture.js';

const bin = join(root, 'bin', 'grade.js');
const ex01 = exercise('ex01-default-gateway');
type Files = Record<string, string>;
const filesOf = (dir: string): Files => Object.fromEntries(readSubmissionFor(ex01, dir).files.map((f) => [`${f.node}.sh`, f.text]));
const reference = () => filesOf(ex01.solutionDir);
const wanOnly = () => filesOf(join(ex01.dir, 'wrong/wan-only'));
const prefixed = (prefix: string, files: Files): Files => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}${k}`, v]));

const MINSU = '김민수';
const JIHUN = '박지훈';
const MIXED = 'Анна Müller 张伟';
const ANON = 'anon_xY7kQ';

describe('grade batch: names from a real class, one to one in every output', () => {
  afterAll(removeTempDirs);

  test('Hangul, mixed scripts, clashing and anonymous names, online text, missing and invalid submissions', async () => {
    const cwd = tempDir('grade-names-');
    writeTree(join(cwd, 'subs'), {
      ...prefixed(`${MINSU}/`, reference()),
      ...prefixed(`${JIHUN.normalize('NFD')}/`, wanOnly()),
      [`${MIXED}/host-z.sh`]: 'ip a\n',
      ...prefixed(`${ANON}_5001_`, reference()),
      'Ann Lee_345678_assignsubmission_onlinetext_/onlinetext.html': '<p>ip route add default via 192.168.1.1</p>',
      'x:y/host-z.sh': 'ip a\n',
      'x-y/host-z.sh': 'ip a\n',
    });
    // 이서연 is in the roster with a grade, and handed in nothing: her grade must stay.
    writeTree(cwd, {
      'roster.csv':
        'Student,ID,SIS User ID,SIS Login ID,Section,Lab 1 (1234)\n    Points Possible,,,,,12\n' +
        `${MINSU},1001,,,A,\n이서연,1002,,,A,9\n${JIHUN},1003,,,A,\n${MIXED},1004,,,A,7\n`,
    });
    const run = await execa('node', [bin, 'batch', 'ex01', 'subs', '--out', 'out', '--roster', 'roster.csv', '--assignment', '1234', '--junit', 'out/junit.xml', '-j', '2'], {
      cwd,
      env: { NO_COLOR: '1', CI: 'true' },
      reject: false,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const out = join(cwd, 'out');
    const read = (path: string) => readFileSync(join(out, path), 'utf8');

    // grades.csv: one row per learner, each with its own status.
    const rows: Record<string, string>[] = parse(read('grades.csv'), { columns: true });
    const status = Object.fromEntries(rows.map((r) => [r.learner!, r['ex01 status']!]));
    // The decomposed folder name is the learner in NFC, so the roster's 박지훈 matches.
    expect(status).toEqual({ [MINSU]: 'pass', [JIHUN]: 'fail', [MIXED]: 'invalid', [ANON]: 'pass', '345678': 'invalid', 'x:y': 'invalid', 'x-y': 'invalid' });
    expect(rows.find((r) => r.learner === '345678')!.note).toMatch(/online-text submission/);

    // Reports: one folder per graded learner, each holding that learner's own result.
    const graded = rows.filter((r) => r['ex01 status'] !== 'invalid');
    const reportDirs = listTree(out).filter((p) => p.endsWith('/ex01/') && existsSync(join(out, p, 'result.json')));
    expect(reportDirs).toHaveLength(graded.length);
    expect(reportDirs).toContain(`${MINSU}/ex01/`);
    const owners = reportDirs.map((dir) => {
      const result = JSON.parse(read(`${dir}result.json`)) as { status: string; submission: { label: string | null } };
      const owner = graded.find((r) => result.submission.label === `${r.learner}/ex01`);
      expect(owner?.['ex01 status'], dir).toBe(result.status);
      return owner!.learner;
    });
    expect(new Set(owners).size).toBe(graded.length);

    // Feedback and classroom payloads: one distinct file per learner.
    expect(listTree(join(out, 'feedback')).filter((p) => p.endsWith('.md'))).toHaveLength(rows.length);
    expect(listTree(join(out, 'classroom')).filter((p) => p.endsWith('.json'))).toHaveLength(rows.length);
    expect(read(`feedback/${MINSU}/ex01.md`)).toContain('Every check passed');

    // summary.html: one link per graded learner, all distinct, each to an existing report.
    const summary = read('summary.html');
    const links = [...summary.matchAll(/href="\.\/([^"]+)\/report\.html"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(new Set(links).size).toBe(graded.length);
    for (const link of links) expect(existsSync(join(out, link, 'report.html')), link).toBe(true);
    expect(summary).toContain('For the LMS files');

    // JUnit: every learner, the invalid ones as errored cases.
    const junit = read('junit.xml');
    expect(junit.match(/<testsuite /g)).toHaveLength(rows.length);
    expect(junit).toMatch(/name="345678 \(Ann Lee\) ex01 \(invalid\)"/);

    // Canvas: the named column with its id; 이서연 (nothing handed in) and the invalid mixed-script learner have no row, so their grades stay; the anonymous one is listed.
    const canvas: string[][] = parse(read('canvas-import.csv'));
    expect(canvas[0]![5]).toBe('Lab 1 (1234)');
    expect(canvas.slice(2).map((r) => [r[1], r[5]])).toEqual([['1001', '12'], ['1003', '6']]);
    expect(run.stderr).toMatch(/anonymously graded download \(anon_xY7kQ\)/);

    // Moodle: rows only for gradable learners, never an empty grade; no worksheet for a batch that is no Moodle download of files.
    const moodle: string[][] = parse(read('moodle-import.csv'));
    expect(moodle.slice(1).map((r) => r[0]).sort()).toEqual([MINSU, JIHUN].sort());
    for (const row of moodle.slice(1)) expect(row[2]).not.toBe('');
    expect(read('moodle-unmatched.csv')).toContain(ANON);
  });
});

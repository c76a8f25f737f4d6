import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { BatchRecord } from '../grading/grade-batch.js';
import { RECORDS_DIR, readRecords, recordFile } from './batch-records.js';
import { loadFixture } from '../reports/fixtures/load-fixture.js';
import { writeOutputs } from '../reports/output-stage.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const graded: BatchRecord = {
  key: 'k1',
  entry: { learner: 'alice', displayName: 'Alice', exercise: 'ex01', source: 'alice.zip', variant: null, result: loadFixture('ex01-fail'), invalid: null },
};
const invalid: BatchRecord = {
  key: null,
  entry: { learner: '../evil', displayName: null, exercise: 'ex01', source: 'evil', variant: null, result: null, invalid: 'a folder inside' },
};

describe('batch records', () => {
  test('read back as written, one file per learner and exercise, with names that stay inside records/', async () => {
    const out = mkdtempSync(join(tmpdir(), 'grade-records-'));
    dirs.push(out);
    const files = [recordFile(graded), recordFile(invalid)];
    expect(files.every((f) => f.path.startsWith(`${RECORDS_DIR}/`) && !f.path.slice(RECORDS_DIR.length + 1).includes('/'))).toBe(true);
    await writeOutputs(out, files);
    const read = readRecords(out);
    expect([...read.values()].map((r) => r.entry.learner).sort()).toEqual(['../evil', 'alice']);
    expect(read.get('alice\u0000ex01')).toEqual(graded);
  });

  test('a record that is not one (hand-edited, another version, a result that breaks the schema) is reported and graded again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'grade-records-'));
    dirs.push(out);
    await writeOutputs(out, [recordFile(graded)]);
    writeFileSync(join(out, RECORDS_DIR, 'broken.json'), '{"version": 1, "key": "k", "entry": {"learner": "bob"}}');
    writeFileSync(join(out, RECORDS_DIR, 'not-json.json'), 'nope');
    const warnings: string[] = [];
    const read = readRecords(out, (w) => warnings.push(w));
    expect([...read.keys()]).toEqual(['alice\u0000ex01']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/is not a record this version of grade wrote; its submission is graded again\.$/);
    expect(readRecords(join(out, 'nowhere')).size).toBe(0);
  });
});

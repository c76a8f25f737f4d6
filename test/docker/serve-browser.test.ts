/// <reference lib="dom" />
// `grade serve` in a real browser: Debian's Chromium driven by puppeteer-core (which downloads no
// browser). A learner opens their join link, types the lesson's commands in the page's terminal, sees
// the checklist turn green, resets a node and hands in; the teacher's dashboard shows it, and its Canvas
// gradebook is the one `grade batch` writes for the same exported history.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createContext } from '../../cli/context.js';
import { variantForms } from '../../cli/write-gradebook.js';
import { readSubmissionFor } from '../../core/exercise-texts.js';
import { LabTracker } from '../../runner/lab-tracker.js';
import { findChromium } from '../../scripts/screenshot.js';
import { readClassRoster } from '../../serve/class-roster.js';
import { joinLink } from '../../serve/join-links.js';
import { startServer, type RunningServer } from '../../serve/start-server.js';
import { removeTempDirs, tempDir } from '../support/temp-dir.js';
import { engine, exercise, expectNoLabsOfThisProcess, image, kinds, root } from './lab-fixture.js';

vi.setConfig({ testTimeout: 900_000, hookTimeout: 180_000 });

const chromium = findChromium();
const CANVAS = ['Student,ID,SIS User ID,SIS Login ID,Section,ex01 The default gateway (4521)', '    Points Possible,,,,,12', '"Kim, Alice",101,s101,alice,Net 1,'].join('\n');

// The one reason these tests skip: say it where the run's output shows it.
if (chromium === null) process.stderr.write('serve-browser: skipped, no Chromium on PATH (`npm run setup` installs Debian\'s chromium)\n');

describe.skipIf(chromium === null)('grade serve in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let state: string;
  let rosterFile: string;
  const cspViolations: string[] = [];
  /** What the page said in alert boxes: a failed reset or hand-in shows there. */
  const alerts: string[] = [];

  beforeAll(async () => {
    state = tempDir('grade-serve-browser-');
    rosterFile = join(state, 'canvas.csv');
    writeFileSync(rosterFile, CANVAS);
    const ctx = createContext({ color: false, lang: 'en' });
    const options = { roster: rosterFile, exercises: ['ex01'], host: '127.0.0.1', port: 0, publicUrl: null, state: join(state, 'state'), maxLabs: 2, idleMinutes: 30, linkHours: 1, pool: 0 };
    server = await startServer(options, { exercises: [exercise('ex01-default-gateway')], roster: readClassRoster(rosterFile), forms: variantForms(ctx), kinds, engine, image, tracker: new LabTracker(), lang: 'en', log: () => undefined });
    // As root Chromium starts only without its sandbox; it visits nothing but this loopback server.
    // A wait for the checklist is one protocol call: it may outlast puppeteer's default 180 s on a busy machine.
    browser = await puppeteer.launch({ executablePath: chromium!, headless: true, protocolTimeout: 900_000, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await expectNoLabsOfThisProcess();
    removeTempDirs();
  });

  async function open(link: string): Promise<Page> {
    const page = await browser.createBrowserContext().then((c) => c.newPage());
    await page.setViewport({ width: 1400, height: 900 });
    page.setDefaultNavigationTimeout(300_000);
    await page.setExtraHTTPHeaders({ 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' });
    page.on('dialog', (d) => void (alerts.push(d.message()), d.accept()));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(link, { waitUntil: 'load' });
    return page;
  }

  /** What the node's terminal shows, as text (xterm.js's rows). */
  const screen = (page: Page, node: string) => page.$eval(`.node[data-node="${node}"] .xterm-rows`, (e) => e.textContent ?? '');

  async function typeIn(page: Page, node: string, lines: readonly string[]): Promise<void> {
    await page.click(`button.tab[data-node="${node}"]`);
    await page.waitForFunction((n) => /#\s*$/.test(document.querySelector(`.node[data-node="${n}"] .xterm-rows`)?.textContent?.trimEnd() ?? ''), { timeout: 300_000, polling: 250 }, node);
    await page.focus(`.node[data-node="${node}"] .xterm-helper-textarea`);
    for (const line of lines) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
  }

  const checkStatus = (page: Page, id: string) => page.$eval(`#checklist li[data-check="${id}"]`, (e) => (e as HTMLElement).dataset.status ?? '').catch(() => '');

  test('a learner joins, types the lesson in the page\'s terminal, watches the checklist turn green, resets a node, hands in', async () => {
    const page = await open(joinLink(server.url, server.secret(), { id: '101', role: 'learner' }, 1));
    expect(new URL(page.url()).pathname).toBe('/learn');
    // The browser asks for Korean: the page's words are Korean.
    expect(await page.$eval('#hand-in', (e) => e.textContent)).toBe('제출');
    const lab = await server.room.labOf('101', 'ko');
    const lines = (node: string) => readSubmissionFor(lab.exercise, lab.exercise.solutionDir).files.find((f) => f.node === node)!.text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    await typeIn(page, 'host-a', [...lines('host-a'), 'echo 안녕-$((20+22))']);
    await page.waitForFunction(() => (document.querySelector('.node[data-node="host-a"] .xterm-rows')?.textContent ?? '').includes('안녕-42'), { timeout: 120_000 });
    await typeIn(page, 'host-b', lines('host-b'));
    mkdirSync(join(state, 'shots'), { recursive: true });
    await page.screenshot({ path: join(state, 'shots', 'typed.png') });
    if (process.env.GRADE_SERVE_SCREENSHOT) copyFileSync(join(state, 'shots', 'typed.png'), process.env.GRADE_SERVE_SCREENSHOT);
    await page.waitForFunction(() => document.body.dataset.status === 'pass', { timeout: 600_000, polling: 500 });
    const statuses = await page.$$eval('#checklist li', (items) => items.map((i) => (i as HTMLElement).dataset.status));
    expect(statuses.length).toBe(lab.exercise.checks.length);
    expect(statuses.every((s) => s === 'pass')).toBe(true);
    await page.screenshot({ path: join(state, 'shots', 'learner.png') });
    if (process.env.GRADE_SERVE_SCREENSHOT) copyFileSync(join(state, 'shots', 'learner.png'), process.env.GRADE_SERVE_SCREENSHOT);

    await page.click('.node[data-node="host-b"] button.reset-node');
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.node[data-node="host-b"] button.reset-node')?.disabled, { timeout: 300_000, polling: 500 });
    expect(alerts).toEqual([]);
    await page.waitForFunction(() => document.querySelector('#checklist li[data-check="host-b-route-wan"]')?.getAttribute('data-status') === 'fail', { timeout: 300_000, polling: 500 });
    expect(await checkStatus(page, 'host-a-route-wan')).toBe('pass');
    expect(await screen(page, 'host-a')).toContain('안녕-42');

    await page.click('#hand-in');
    await page.waitForFunction(() => (document.getElementById('report')?.dataset.status ?? '') !== '', { timeout: 600_000, polling: 500 });
    expect(await page.$eval('#report', (e) => (e as HTMLElement).dataset.status)).toBe('pass');
    expect(cspViolations).toEqual([]);
  });

  test('the teacher\'s dashboard shows the hand-in, and its Canvas gradebook is grade batch\'s for the exported history', async () => {
    const page = await open(server.teacherLink);
    await page.waitForSelector('#learners tr[data-learner="101"][data-state="handed-in"]', { timeout: 120_000 });
    await page.waitForSelector('#gradebooks a', { timeout: 30_000 });
    const served = await page.evaluate(() => fetch('/api/teacher/gradebook/canvas-import.csv').then((r) => r.text()));
    const out = tempDir('grade-serve-browser-batch-');
    const batch = await execa('node', [join(root, 'bin/grade.js'), 'batch', 'ex01', join(state, 'state/class/submissions'), '--variants', '--roster', rosterFile, '--out', out, '--quiet'], { reject: false, env: { NO_COLOR: '1' } });
    expect(batch.exitCode, batch.stderr).toBe(0);
    expect(served).toBe(readFileSync(join(out, 'canvas-import.csv'), 'utf8'));
    expect(cspViolations).toEqual([]);
  });
});

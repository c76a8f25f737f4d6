import { Readable } from 'node:stream';
import { cleanupFailed } from '../core/cleanup-failures.js';
import { packageRoot } from '../core/package-root.js';
import type { BuildProgress, Engine } from '../runner/engine.js';
import { LAB_IMAGE_REPO, labImageInputs, labImageRef } from '../runner/lab-image.js';
import { buildContextTar } from './build-context.js';
import { SetupError, tailLines, type Log } from './setup-error.js';

export const LAB_IMAGE_LATEST = `${LAB_IMAGE_REPO}:latest`;
const BUILD_FIX = 'correct the failing step of the Dockerfile (or the network, if apt-get could not download), then: npm run setup';

export interface LabImageReport {
  readonly ref: string;
  readonly action: 'present' | 'built';
  /** Older grade-lab tags removed (only with `prune`). */
  readonly pruned: readonly string[];
}

/** Make `labImageRef()` exist (building it from the top-level Dockerfile if needed) and tag it grade-lab:latest. */
export async function ensureLabImage(engine: Engine, log: Log, options: { prune?: boolean } = {}): Promise<LabImageReport> {
  const ref = labImageRef();
  let action: LabImageReport['action'] = 'present';
  if (!(await engine.imageExists(ref))) {
    log(`building ${ref} from the Dockerfile (apt-get inside: a minute or two)`);
    await buildLabImage(engine, ref, log);
    action = 'built';
  }
  await engine.tagImage(ref, LAB_IMAGE_LATEST);
  const pruned = options.prune ? await pruneOldLabImages(engine, ref) : [];
  return { ref, action, pruned };
}

/** Build the lab image as `ref`; a failure becomes one sentence with the last lines of the build log. */
export async function buildLabImage(engine: Engine, ref: string, log: Log): Promise<void> {
  const root = packageRoot();
  const context = Readable.from([buildContextTar(root, labImageInputs(root))]);
  let output = '';
  const onEvent = (e: BuildProgress) => {
    if (e.stream) {
      output += e.stream;
      if (/^Step \d+\/\d+ :/.test(e.stream)) log(e.stream.trim().slice(0, 100));
    } else if (e.status) {
      output += `${e.status}\n`;
    }
  };
  try {
    await engine.buildImage({ context, tag: ref, labels: { 'dev.grade.image': 'lab', 'dev.grade.image.ref': ref } }, onEvent);
  } catch (err) {
    const message = firstLine((err as Error).message);
    throw new SetupError(`Building the lab image ${ref} failed: ${message}`, BUILD_FIX, tailLines(output, 20));
  }
  if (!(await engine.imageExists(ref))) {
    throw new SetupError(`Building the lab image ${ref} ended without an image.`, BUILD_FIX, tailLines(output, 20));
  }
}

/** Remove `repo:<hash>` tags other than `keep` that no container uses. Other tags (latest, dev, ...) are left alone. */
export async function pruneOldLabImages(engine: Engine, keep: string, repo: string = LAB_IMAGE_REPO): Promise<string[]> {
  const keepId = await engine.imageId(keep);
  const inUse = await engine.imagesInUse();
  const removed: string[] = [];
  for (const image of await engine.listImages(repo)) {
    if (image.id === keepId || inUse.has(image.id)) continue;
    for (const tag of image.tags) {
      if (tag === keep || !/:[0-9a-f]{12}$/.test(tag) || !tag.startsWith(`${repo}:`)) continue;
      // A tag another set-up removed or a container took meanwhile stays; pruning is best effort.
      const ok = await engine.removeImage(tag).catch((e: unknown) => {
        cleanupFailed(`remove the old lab image ${tag}`, e, { leftBehind: false });
        return false;
      });
      if (ok) removed.push(tag);
    }
  }
  return removed;
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).trim().slice(0, 300);
}

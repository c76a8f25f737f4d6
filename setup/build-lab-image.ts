import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { packageRoot } from '../core/package-root.js';
import { LAB_IMAGE_REPO, labImageInputs, labImageRef } from '../runner/lab-image.js';
import { buildContextTar } from './build-context.js';
import { followProgress, imageExists, type ProgressEvent } from './engine-client.js';
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
export async function ensureLabImage(docker: Docker, log: Log, options: { prune?: boolean } = {}): Promise<LabImageReport> {
  const ref = labImageRef();
  let action: LabImageReport['action'] = 'present';
  if (!(await imageExists(docker, ref))) {
    log(`building ${ref} from the Dockerfile (apt-get inside: a minute or two)`);
    await buildLabImage(docker, ref, log);
    action = 'built';
  }
  await tagImage(docker, ref, LAB_IMAGE_LATEST);
  const pruned = options.prune ? await pruneOldLabImages(docker, ref) : [];
  return { ref, action, pruned };
}

/** Build the lab image as `ref`; a failure becomes one sentence with the last lines of the build log. */
export async function buildLabImage(docker: Docker, ref: string, log: Log): Promise<void> {
  const root = packageRoot();
  const context = Readable.from([buildContextTar(root, labImageInputs(root))]);
  let output = '';
  const onEvent = (e: ProgressEvent) => {
    if (e.stream) {
      output += e.stream;
      if (/^Step \d+\/\d+ :/.test(e.stream)) log(e.stream.trim().slice(0, 100));
    } else if (e.status) {
      output += `${e.status}\n`;
    }
  };
  try {
    const stream = await docker.buildImage(context, {
      t: ref,
      rm: true,
      forcerm: true,
      labels: { 'dev.grade.image': 'lab', 'dev.grade.image.ref': ref },
    });
    await followProgress(docker, stream, onEvent);
  } catch (err) {
    const message = firstLine((err as Error).message);
    throw new SetupError(`Building the lab image ${ref} failed: ${message}`, BUILD_FIX, tailLines(output, 20));
  }
  if (!(await imageExists(docker, ref))) {
    throw new SetupError(`Building the lab image ${ref} ended without an image.`, BUILD_FIX, tailLines(output, 20));
  }
}

async function tagImage(docker: Docker, ref: string, target: string): Promise<void> {
  const colon = target.lastIndexOf(':');
  await docker.getImage(ref).tag({ repo: target.slice(0, colon), tag: target.slice(colon + 1) });
}

/** Remove `repo:<hash>` tags other than `keep` that no container uses. Other tags (latest, dev, ...) are left alone. */
export async function pruneOldLabImages(docker: Docker, keep: string, repo: string = LAB_IMAGE_REPO): Promise<string[]> {
  const keepId = (await docker.getImage(keep).inspect()).Id;
  const inUse = new Set((await docker.listContainers({ all: true })).map((c) => c.ImageID));
  const removed: string[] = [];
  for (const image of await docker.listImages({ filters: { reference: [repo] } })) {
    if (image.Id === keepId || inUse.has(image.Id)) continue;
    for (const tag of image.RepoTags ?? []) {
      if (tag === keep || !/:[0-9a-f]{12}$/.test(tag) || !tag.startsWith(`${repo}:`)) continue;
      const ok = await docker.getImage(tag).remove().then(() => true, () => false);
      if (ok) removed.push(tag);
    }
  }
  return removed;
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? text).trim().slice(0, 300);
}

import { describe, expect, test } from 'vitest';
import { LAB_IMAGE_REPO, labImageRef } from '../runner/lab-image.js';
import { FakeEngine, engineError } from '../test/support/fake-engine.js';
import { ensureLabImage, LAB_IMAGE_LATEST, pruneOldLabImages } from './build-lab-image.js';
import { SetupError } from './setup-error.js';

describe('the lab image through the one Engine interface', () => {
  test('missing: built from the Dockerfile with its labels, logged by step, then tagged latest', async () => {
    const engine = new FakeEngine([]);
    const lines: string[] = [];
    const report = await ensureLabImage(engine, (l) => lines.push(l));
    const ref = labImageRef();
    expect(report).toEqual({ ref, action: 'built', pruned: [] });
    expect(engine.calls.find((c) => c.method === 'buildImage')?.args).toEqual([ref, { 'dev.grade.image': 'lab', 'dev.grade.image.ref': ref }]);
    expect(lines.slice(1)).toEqual(['Step 1/2 : FROM debian:bookworm-slim', 'Step 2/2 : RUN true']);
    expect(engine.images.get(LAB_IMAGE_LATEST)).toBe(engine.images.get(ref));
  });

  test('present: not built again', async () => {
    const engine = new FakeEngine([labImageRef()]);
    expect((await ensureLabImage(engine, () => undefined)).action).toBe('present');
    expect(engine.methods()).not.toContain('buildImage');
  });

  test('a failed build is one sentence with the fix and the log tail', async () => {
    const engine = new FakeEngine([]).fail('buildImage', new Error("The command '/bin/sh -c apt-get install -y nope' returned a non-zero code: 100"));
    const error = await ensureLabImage(engine, () => undefined).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(`Building the lab image ${labImageRef()} failed: The command '/bin/sh -c apt-get install -y nope' returned a non-zero code: 100`);
  });

  test('prune removes only older hash tags that no container uses', async () => {
    const keep = `${LAB_IMAGE_REPO}:aaaaaaaaaaaa`;
    const engine = new FakeEngine([keep]);
    engine.addImage(`${LAB_IMAGE_REPO}:latest`, keep);
    engine.addImage(`${LAB_IMAGE_REPO}:bbbbbbbbbbbb`);
    engine.addImage(`${LAB_IMAGE_REPO}:cccccccccccc`);
    engine.addImage(`${LAB_IMAGE_REPO}:dev`);
    engine.addImage('other:dddddddddddd');
    await engine.createContainer({ name: 'x', image: `${LAB_IMAGE_REPO}:cccccccccccc`, labels: {}, memoryBytes: 1, pidsLimit: 1 });
    expect(await pruneOldLabImages(engine, keep)).toEqual([`${LAB_IMAGE_REPO}:bbbbbbbbbbbb`]);
    expect([...engine.images.keys()].sort()).toEqual(['grade-lab:aaaaaaaaaaaa', 'grade-lab:cccccccccccc', 'grade-lab:dev', 'grade-lab:latest', 'other:dddddddddddd']);
  });

  test('prune goes on past a tag the engine would not remove', async () => {
    const keep = `${LAB_IMAGE_REPO}:aaaaaaaaaaaa`;
    const engine = new FakeEngine([keep]);
    engine.addImage(`${LAB_IMAGE_REPO}:bbbbbbbbbbbb`);
    engine.addImage(`${LAB_IMAGE_REPO}:cccccccccccc`);
    engine.fail('removeImage', engineError(409, 'image is being used by a stopped container'));
    expect(await pruneOldLabImages(engine, keep)).toEqual([`${LAB_IMAGE_REPO}:cccccccccccc`]);
  });
});

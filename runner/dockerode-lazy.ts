import { createRequire } from 'node:module';

// dockerode loads, at its own start, two parts grade never uses on its engine's unix socket: the
// BuildKit session (gRPC and protobuf: withSession, for `buildImage` with BuildKit) and the SSH
// transport (ssh2, for ssh:// engines). Together they are most of its load time, paid by every
// command a learner types. Each is put in require's cache as a small function that loads the real
// module on its first call, so a build with BuildKit or an engine over SSH still works unchanged.
// Imported before dockerode (runner/docker-engine.ts): ES modules run their imports in order.

const requireHere = createRequire(import.meta.url);

/** Replace the module `request` as resolved from the file `from` with a lazy stand-in for its exported function. */
function lazyFunctionModule(request: string, from: string): void {
  let path: string;
  try {
    path = createRequire(from).resolve(request);
  } catch {
    return; // Another version lays its files out differently: load it the usual way.
  }
  if (requireHere.cache[path]) return;
  let real: ((...args: unknown[]) => unknown) | undefined;
  const load = () => {
    if (!real) {
      delete requireHere.cache[path];
      real = requireHere(path) as (...args: unknown[]) => unknown;
    }
    return real;
  };
  const standIn = function (this: unknown, ...args: unknown[]): unknown {
    return load().apply(this, args);
  };
  requireHere.cache[path] = { id: path, filename: path, loaded: true, exports: standIn, children: [], paths: [] } as unknown as NodeJS.Module;
}

function seed(): void {
  let dockerode: string;
  let modem: string;
  try {
    dockerode = requireHere.resolve('dockerode');
    modem = createRequire(dockerode).resolve('docker-modem');
  } catch {
    return;
  }
  lazyFunctionModule('./session', dockerode);
  lazyFunctionModule('./ssh', modem);
}

seed();

/**
 * PGlite's on-disk file layer, with every file and directory it creates kept private to the
 * owner (no group or other permission bits), from the moment it is created.
 *
 * Why not the process umask: PGlite runs PostgreSQL compiled to WebAssembly over Emscripten's
 * NODEFS. Emscripten keeps its own umask (0022, which PostgreSQL's single-user mode never
 * changes) and, after creating a file, sets the mode PostgreSQL asked for with an explicit
 * chmod — which Node's umask does not filter. So initdb's files arrive 0666, relation
 * segments 0600, relcache init files 0644, whatever `process.umask()` says. The one place
 * every one of those modes passes through is NODEFS's `mknod` and `setattr` operations; this
 * subclass of PGlite's own NodeFS wraps them to drop the group/other bits before they reach
 * the disk. (`restrictDataDirModes` still sweeps at open and close, for directories written
 * by older versions.)
 */
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** The NODEFS operations that set a mode (Emscripten's FS layer, as PGlite 0.5 ships it). */
interface NodeOps {
  mknod?: (parent: unknown, name: string, mode: number, dev: number) => unknown;
  setattr?: (node: unknown, attr: { mode?: number }) => unknown;
}
interface NodeFsModule {
  NODEFS: { node_ops: NodeOps; stream_ops: { setattr?: (stream: unknown, attr: { mode?: number }) => unknown } };
}

const GROUP_AND_OTHER = 0o077;
const wrapped = Symbol('ispgraph.privateModes');

function keepPrivate(mod: NodeFsModule): void {
  const nodefs = mod.NODEFS;
  if ((nodefs as { [wrapped]?: true })[wrapped]) return;
  const { node_ops: nodeOps, stream_ops: streamOps } = nodefs;
  const { mknod, setattr } = nodeOps;
  const streamSetattr = streamOps.setattr;
  if (!mknod || !setattr || !streamSetattr) {
    // A PGlite whose file layer no longer looks like this must not run with files we cannot protect.
    throw new Error('PGlite file layer changed: cannot keep DATA_DIR files private (see src/db/private-node-fs.ts)');
  }
  const privateAttr = <A extends { mode?: number }>(attr: A): A => (attr.mode === undefined ? attr : { ...attr, mode: attr.mode & ~GROUP_AND_OTHER });
  nodeOps.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~GROUP_AND_OTHER, dev);
  nodeOps.setattr = (node, attr) => setattr(node, privateAttr(attr));
  streamOps.setattr = (stream, attr) => streamSetattr(stream, privateAttr(attr));
  (nodefs as { [wrapped]?: true })[wrapped] = true;
}

export class PrivateNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    // NodeFS mounts NODEFS in its own preRun; ours runs after it, before PostgreSQL touches a file.
    const ours = (mod: unknown) => keepPrivate(mod as NodeFsModule);
    result.emscriptenOpts.preRun = [...(result.emscriptenOpts.preRun ?? []), ours];
    return result;
  }
}

/**
 * PGlite's on-disk file layer, adapted in two ways: every file and directory it creates is
 * kept private to the owner, and file sizes are remembered instead of asked of the kernel.
 *
 * Private files: every file and directory PGlite creates has no group or other permission
 * bits, from the moment it is created.
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

/** The NODEFS operations wrapped here (Emscripten's FS layer, as PGlite 0.5 ships it). */
interface NodeOps {
  mknod?: (parent: unknown, name: string, mode: number, dev: number) => unknown;
  setattr?: (node: unknown, attr: { mode?: number; size?: number }) => unknown;
}
interface Stream {
  node: object;
  position: number;
}
interface StreamOps {
  setattr?: (stream: Stream, attr: { mode?: number; size?: number }) => unknown;
  open?: (stream: Stream) => unknown;
  write?: (stream: Stream, buffer: unknown, offset: number, length: number, position: number) => number;
  llseek?: (stream: Stream, offset: number, whence: number) => number;
}
interface NodeFsModule {
  NODEFS: { node_ops: NodeOps; stream_ops: StreamOps };
  FS: { isFile(mode: number): boolean };
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

const SEEK_END = 2;
const sizesCached = Symbol('ispgraph.cachedSizes');

/**
 * Remembered file sizes. PostgreSQL learns a relation's length with `lseek(fd, 0, SEEK_END)`,
 * many times per statement (every index and table a plan touches), and NODEFS answers each
 * with an `fstatSync` system call: on the compiled overview read that was a fifth of the
 * server's CPU. The size of a file only changes through this layer while the data directory
 * is locked to this process (data-dir-lock.ts), so it is remembered per file node and kept
 * true by every operation that can change it: a write extends it, a truncate (setattr with a
 * size, on the node or a stream) or an open (O_TRUNC) forgets it, and a removed file's node
 * is never seen again. Anything not remembered is asked of the kernel, as before.
 */
function cacheFileSizes(mod: NodeFsModule): void {
  const nodefs = mod.NODEFS;
  if ((nodefs as { [sizesCached]?: true })[sizesCached]) return;
  const { node_ops: nodeOps, stream_ops: streamOps } = nodefs;
  const { setattr: nodeSetattr } = nodeOps;
  const { setattr: streamSetattr, open, write, llseek } = streamOps;
  if (!nodeSetattr || !streamSetattr || !open || !write || !llseek) {
    throw new Error('PGlite file layer changed: cannot keep file sizes (see src/db/private-node-fs.ts)');
  }
  const sizes = new WeakMap<object, number>();
  nodeOps.setattr = (node, attr) => {
    if (attr.size !== undefined) sizes.delete(node as object);
    return nodeSetattr(node, attr);
  };
  streamOps.setattr = (stream, attr) => {
    if (attr.size !== undefined) sizes.delete(stream.node);
    return streamSetattr(stream, attr);
  };
  streamOps.open = (stream) => {
    sizes.delete(stream.node);
    return open(stream);
  };
  streamOps.write = (stream, buffer, offset, length, position) => {
    const written = write(stream, buffer, offset, length, position);
    const known = sizes.get(stream.node);
    if (known !== undefined) sizes.set(stream.node, Math.max(known, position + written));
    return written;
  };
  streamOps.llseek = (stream, offset, whence) => {
    const node = stream.node as { mode: number };
    if (whence !== SEEK_END || !mod.FS.isFile(node.mode)) return llseek(stream, offset, whence);
    let size = sizes.get(node);
    if (size === undefined) {
      // The kernel's answer once (the original lseek adds the size to the offset).
      size = llseek(stream, 0, SEEK_END);
      sizes.set(node, size);
    }
    const position = offset + size;
    if (position < 0) return llseek(stream, offset, whence); // the original raises EINVAL
    return position;
  };
  (nodefs as { [sizesCached]?: true })[sizesCached] = true;
}

export class PrivateNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    // NodeFS mounts NODEFS in its own preRun; ours runs after it, before PostgreSQL touches a file.
    const ours = (mod: unknown) => {
      keepPrivate(mod as NodeFsModule);
      cacheFileSizes(mod as NodeFsModule);
    };
    result.emscriptenOpts.preRun = [...(result.emscriptenOpts.preRun ?? []), ours];
    return result;
  }
}

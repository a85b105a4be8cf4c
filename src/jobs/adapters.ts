/**
 * The outside systems background jobs drive, behind small interfaces so a deployment can plug
 * in the real thing (a provisioning push, a geocoding service, an FTP drop). Each has a working
 * local default; `setAdapters` swaps any of them (tests, deployments) and returns the previous.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TOWN_CENTROIDS } from './town-centroids';

export interface WibPublishResult {
  /** Where the file went (a path for the local default). */
  location: string;
  /** False when the content was already there and `force` was not given. */
  written: boolean;
  sha256: string;
}

/** Delivers a gateway's provisioning (WIB) file. */
export interface WibPublisher {
  publish(file: { operatorId: number; wibNumber: number; content: string }, force: boolean): Promise<WibPublishResult>;
}

export interface PostalAddress {
  street1: string | null;
  street2: string | null;
  town: string | null;
  county: string | null;
  postcode: string | null;
  country: string | null;
}

/** Turns an address into coordinates, or null when it cannot place it (never a guess). */
export interface Geocoder {
  geocode(address: PostalAddress): Promise<{ latitude: number; longitude: number } | null>;
}

export interface StoredFile {
  name: string;
  sizeBytes: number;
}

/** The file drop attachments are synchronised from; paths are relative to its root. */
export interface AttachmentSource {
  /** Regular files directly in `dir`, or null when the directory does not exist. */
  list(dir: string): Promise<StoredFile[] | null>;
}

export interface JobAdapters {
  wib: WibPublisher;
  geocoder: Geocoder;
  attachments: AttachmentSource;
}

// ---------------------------------------------------------------- local defaults

/** Writes `op<operator>-wib<number>.conf` under WIB_FILES_DIR (default ./data/wib), atomically. */
export const localWibPublisher: WibPublisher = {
  async publish({ operatorId, wibNumber, content }, force) {
    const dir = path.resolve(process.env.WIB_FILES_DIR || './data/wib');
    const target = path.join(dir, `op${operatorId}-wib${wibNumber}.conf`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (!force) {
      const existing = await readFile(target).catch(() => null);
      if (existing && createHash('sha256').update(existing).digest('hex') === sha256) return { location: target, written: false, sha256 };
    }
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(temp, content, { flag: 'wx' });
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    return { location: target, written: true, sha256 };
  },
};

const normalizeTown = (town: string) => town.trim().toLowerCase().replace(/\s+/g, ' ');
const CENTROIDS = new Map(TOWN_CENTROIDS.map((t) => [normalizeTown(t.town), t]));

/** Places an address at the centroid of its town, if the town is in the checked-in table. */
export const townCentroidGeocoder: Geocoder = {
  async geocode(address) {
    const hit = address.town ? CENTROIDS.get(normalizeTown(address.town)) : undefined;
    return hit ? { latitude: hit.latitude, longitude: hit.longitude } : null;
  },
};

/** Reads ATTACHMENTS_DIR (default ./data/attachments) on the local disk. */
export const localAttachmentSource: AttachmentSource = {
  async list(dir) {
    const root = path.resolve(process.env.ATTACHMENTS_DIR || './data/attachments');
    const full = path.resolve(root, dir);
    if (!full.startsWith(root + path.sep)) throw new Error(`attachment directory ${dir} is outside the store`);
    let entries;
    try {
      entries = await readdir(full, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const files: StoredFile[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const info = await stat(path.join(full, entry.name));
      files.push({ name: entry.name, sizeBytes: info.size });
    }
    return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  },
};

const current: JobAdapters = { wib: localWibPublisher, geocoder: townCentroidGeocoder, attachments: localAttachmentSource };

export function adapters(): Readonly<JobAdapters> {
  return current;
}

/** Replaces some adapters; returns the ones replaced, to put back with another call. */
export function setAdapters(replacement: Partial<JobAdapters>): Partial<JobAdapters> {
  const previous: Partial<JobAdapters> = {};
  for (const key of Object.keys(replacement) as (keyof JobAdapters)[]) {
    (previous as Record<string, unknown>)[key] = current[key];
    (current as unknown as Record<string, unknown>)[key] = replacement[key];
  }
  return previous;
}

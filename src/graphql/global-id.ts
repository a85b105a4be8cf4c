/**
 * Opaque global ids for the Node interface: base64url of "Type:legacyId". Clients must treat
 * them as opaque; `legacyId` on every node gives the number the legacy APIs use.
 */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: number } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(decoded);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  return { type: match[1]!, id };
}

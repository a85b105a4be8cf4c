/**
 * Calling the Jaze API v1 from tests as its clients do: a bearer token (default: the demo
 * token) or an api_key parameter, parameters as query string (GET) or form fields / JSON (POST).
 */
export interface JazeReply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function jaze(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  params: Record<string, string | number | undefined> = {},
  options: { token?: string | null; json?: boolean } = {},
): Promise<JazeReply> {
  const token = options.token === undefined ? 'demo-token' : options.token;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const entries = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]): [string, string] => [k, String(v)]);
  let url = `${baseUrl}${path}`;
  let body: string | undefined;
  if (method === 'GET') {
    if (entries.length) url += `?${new URLSearchParams(entries)}`;
  } else if (options.json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(Object.fromEntries(entries));
  } else {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(entries).toString();
  }
  const res = await fetch(url, { method, headers, body });
  return { status: res.status, body: await res.json() };
}

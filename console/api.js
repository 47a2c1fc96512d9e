// The console API client: every call carries the Bearer token the host gives us.

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

/** Builds the client; getToken() returns the current Bearer token, onAuthError(status) shows the banner. */
export function createApi(getToken, onAuthError) {
  async function call(method, path, body, raw) {
    const token = await getToken();
    /** @type {Record<string, string>} */
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401 || res.status === 403) {
      onAuthError(res.status);
      throw new ApiError(res.status, await res.json().catch(() => ({})));
    }
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({})));
    if (raw) return res;
    return res.status === 204 ? null : res.json();
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body = {}) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
    /** Fetches a file with the token and hands it to the browser as a download. */
    async download(path, filename) {
      const res = await call('GET', path, undefined, true);
      const url = URL.createObjectURL(await res.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: filename });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  };
}

// Calls to the service's own API (same origin). Errors are RFC 9457 problem documents;
// ApiError carries their words so the page can show them as they are.

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.problem = problem;
    this.status = status;
  }
}

export async function getJson(url, { signal } = {}) {
  const res = await fetch(url, { headers: { accept: 'application/json' }, signal });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = { detail: text.slice(0, 200) };
  }
  if (!res.ok) throw new ApiError(body, res.status);
  return body;
}

/** Every item of a paged listing (limit ≤ 200 a page). */
export async function getAll(path) {
  const items = [];
  for (let offset = 0; ; offset += 200) {
    const page = await getJson(`${path}${path.includes('?') ? '&' : '?'}limit=200&offset=${offset}`);
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) return items;
  }
}

/** A query string from [name, value] pairs; commas in lists stay readable. */
export function queryString(pairs) {
  return pairs
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v)).replace(/%2C/g, ',')}`)
    .join('&');
}

/** Problem detail plus its suggestions ("did you mean …"), in words. */
export function problemText(err) {
  if (!(err instanceof ApiError)) return `The service could not be reached (${err.message}).`;
  const p = err.problem;
  const parts = [p.detail || p.title || `HTTP ${err.status}`];
  // Validation problems name each parameter; other problems already say it all in `detail`.
  if (Array.isArray(p.errors)) for (const e of p.errors) if (!parts[0].includes(e.message)) parts.push(`${e.parameter}: ${e.message}`);
  if (Array.isArray(p.suggestions) && p.suggestions.length > 0 && !/did you mean/i.test(parts.join(' '))) {
    const names = p.suggestions.map((s) => (typeof s === 'string' ? s : s.name || s.id)).filter(Boolean);
    if (names.length > 0) parts.push(`Did you mean: ${names.join(', ')}?`);
  }
  return parts.join(' ');
}

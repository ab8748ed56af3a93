/**
 * A thin fetch wrapper for tests: real HTTP against a started sandbox, with
 * the response body parsed once. Bodies are typed loosely on purpose: tests
 * assert on exact values, and typing every response would add nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body was not JSON. */
  body: Json;
  text: string;
}

export interface RequestOptions {
  /** Serialised with JSON.stringify unless rawBody is given. */
  body?: unknown;
  /** Sent exactly as is (malformed JSON, huge bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** Overrides the client's key; null sends no Authorization header. */
  apiKey?: string | null;
}

export interface ApiClient {
  request(method: string, path: string, options?: RequestOptions): Promise<ApiResponse>;
  get(path: string, options?: RequestOptions): Promise<ApiResponse>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  put(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse>;
  delete(path: string, options?: RequestOptions): Promise<ApiResponse>;
}

/** Paths are relative to `baseUrl` (e.g. the sandbox's apiUrl): client.get("/customers"). */
export function createApiClient(baseUrl: string, apiKey: string | null): ApiClient {
  const request = async (method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.apiKey === undefined ? apiKey : options.apiKey;
    if (key !== null) headers.authorization ??= `Bearer ${key}`;
    if (options.idempotencyKey !== undefined) headers["idempotency-key"] = options.idempotencyKey;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: Json;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
  return {
    request,
    get: (path, options) => request("GET", path, options),
    post: (path, body, options) => request("POST", path, { ...options, body }),
    put: (path, body, options) => request("PUT", path, { ...options, body }),
    delete: (path, options) => request("DELETE", path, options),
  };
}

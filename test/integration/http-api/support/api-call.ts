/**
 * One HTTP call to the running host, with the answer read whole: status, media type, text and
 * (when it is JSON) the parsed body. Redirects are returned, not followed.
 */
export interface ApiRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON unless `form` is set. */
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  /** Sent as multipart/form-data, with `form`'s fields beside them. */
  readonly files?: readonly UploadedFile[];
}

export interface UploadedFile {
  /** The form field, `file` unless said. */
  readonly field?: string;
  readonly name: string;
  readonly content: string | Uint8Array;
  readonly type?: string;
}

function multipartBody(request: ApiRequest): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(request.form ?? {})) form.append(name, value);
  for (const file of request.files ?? []) form.append(file.field ?? 'file', new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}

export interface ApiAnswer {
  readonly status: number;
  readonly mediaType: string;
  readonly headers: Headers;
  readonly text: string;
  readonly body: unknown;
}

export async function callApi(baseUrl: string, request: ApiRequest): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | FormData | undefined;
  if (request.files !== undefined) {
    // fetch writes the multipart boundary into the content type itself.
    body = multipartBody(request);
  } else if (request.form !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
    body = new URLSearchParams({ ...request.form }).toString();
  } else if (request.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(request.json);
  }
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  const mediaType = (response.headers.get('content-type') ?? '').split(';', 1)[0]?.trim() ?? '';
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, mediaType, headers: response.headers, text, body: parsed };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

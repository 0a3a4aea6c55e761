import { describeNetworkError, SourceError } from '../types';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const USER_AGENT = 'Lull (focus mode and async inbox)';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * One request with Node's fetch, the body read up to a size cap. Network failures become a
 * SourceError naming `where`; an abort rethrows the reason the service gave (timeout, pause).
 */
export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; signal: AbortSignal; where: string },
): Promise<HttpAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { 'user-agent': USER_AGENT, ...init.headers },
      signal: init.signal,
      redirect: 'follow',
    });
  } catch (error) {
    if (init.signal.aborted) throw init.signal.reason;
    throw new SourceError(describeNetworkError(error, init.where));
  }
  const body = await readCapped(response, init.signal, init.where);
  return { status: response.status, headers: response.headers, body };
}

async function readCapped(response: Response, signal: AbortSignal, where: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new SourceError(`${where} sent more than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (signal.aborted) throw signal.reason;
    throw new SourceError(describeNetworkError(error, where));
  }
  return decode(Buffer.concat(chunks), response.headers.get('content-type'));
}

/** The charset the server names, else the one an XML prolog declares, else UTF-8. */
function decode(bytes: Buffer, contentType: string | null): string {
  const declared =
    /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** "Not Found" for 404: the words a person recognises, after the number. */
export function statusWords(status: number): string {
  const words: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    410: 'Gone',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return words[status] ? `${status} ${words[status]}` : String(status);
}

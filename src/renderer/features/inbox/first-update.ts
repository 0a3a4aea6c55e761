/** Text for the empty state: how to push a first update, with the token shown or masked. */

export const SAMPLE_UPDATE = '{"source":"me","externalId":"1","channel":"chat","title":"Hello from curl"}';

export function updatesUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/v1/updates`;
}

export function curlCommand(apiUrl: string, token: string): string {
  return `curl -X POST ${updatesUrl(apiUrl)} -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" -d '${SAMPLE_UPDATE}'`;
}

/** Enough of the token to recognise it, not enough to use it: `AbCd••••••••wXyZ`. */
export function maskToken(token: string): string {
  if (token.length <= 12) return '•'.repeat(8);
  return `${token.slice(0, 4)}${'•'.repeat(8)}${token.slice(-4)}`;
}

import { describe, expect, it } from 'vitest';
import { curlCommand, maskToken, updatesUrl } from './first-update';

describe('first update instructions', () => {
  it('builds the curl command the empty state offers', () => {
    expect(curlCommand('http://127.0.0.1:4317', 'tok')).toBe(
      `curl -X POST http://127.0.0.1:4317/v1/updates -H "Authorization: Bearer tok" -H "Content-Type: application/json" -d '{"source":"me","externalId":"1","channel":"chat","title":"Hello from curl"}'`,
    );
  });

  it('does not double the slash', () => {
    expect(updatesUrl('http://127.0.0.1:4317/')).toBe('http://127.0.0.1:4317/v1/updates');
  });

  it('masks all but the ends of the token', () => {
    expect(maskToken('abcdefghijklmnopqrstuvwxyz')).toBe('abcd••••••••wxyz');
    expect(maskToken('short')).toBe('••••••••');
  });
});

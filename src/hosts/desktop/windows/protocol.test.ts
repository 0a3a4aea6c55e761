import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeProtocol } from '../../../../test/fakes/electron';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { CONTENT_SECURITY_POLICY, registerAppScheme, serveRenderer } from './protocol';

const INDEX = '<!doctype html><title>Lull</title><script type="module" src="./assets/app.js"></script>';

/** A built renderer in `<tmp>/renderer`, with a secret beside it that must never be served. */
async function builtRenderer(): Promise<string> {
  const dir = await tempDir();
  const root = path.join(dir, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), INDEX);
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'console.log("lull")');
  await fs.writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await fs.writeFile(path.join(root, 'assets', 'moon.svg'), '<svg/>');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'TOKEN');
  await fs.symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  return root;
}

describe('the lull:// protocol', () => {
  let protocol = new FakeProtocol();
  beforeEach(() => {
    protocol = new FakeProtocol();
  });

  /** What a page gets for `url`: the answer of the handler Lull registered for its scheme. */
  async function fetchApp(url: string, init?: RequestInit): Promise<Response> {
    const handler = protocol.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`no handler for ${url}`);
    return handler(new Request(url, init));
  }

  it('registers lull as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      {
        scheme: 'lull',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
      },
    ]);
  });

  it('serves index.html with a strict CSP', async () => {
    serveRenderer(protocol, await builtRenderer());
    for (const url of ['lull://app/index.html', 'lull://app/']) {
      const response = await fetchApp(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toBe(INDEX);
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never grants other origins access', async () => {
    serveRenderer(protocol, await builtRenderer());
    const response = await fetchApp('lull://app/assets/app.js', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves assets with their content types', async () => {
    serveRenderer(protocol, await builtRenderer());
    const type = async (url: string) => (await fetchApp(url)).headers.get('content-type');
    expect(await type('lull://app/assets/app.js')).toBe('text/javascript; charset=utf-8');
    expect(await type('lull://app/assets/app.css')).toBe('text/css; charset=utf-8');
    expect(await type('lull://app/assets/moon.svg')).toBe('image/svg+xml');
    expect((await fetchApp('lull://app/assets/app.js')).headers.get('x-content-type-options')).toBe(
      'nosniff',
    );
  });

  it('refuses path traversal, however it is spelled', async () => {
    serveRenderer(protocol, await builtRenderer());
    for (const url of [
      'lull://app/../../etc/passwd',
      'lull://app/..%2fsecret.txt',
      'lull://app/assets/..%2f..%2fsecret.txt',
      'lull://app/%2e%2e/secret.txt',
      'lull://app/..%5csecret.txt',
      'lull://app/assets/link.txt',
      'lull://app/index.html%00.png',
      'lull://app/assets',
      'lull://app/missing.js',
    ]) {
      const response = await fetchApp(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('TOKEN');
    }
  });

  it('answers only GET and HEAD, only for the app host', async () => {
    serveRenderer(protocol, await builtRenderer());
    expect((await fetchApp('lull://app/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetchApp('lull://other/index.html')).status).toBe(404);
    const head = await fetchApp('lull://app/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('stops serving when disposed', async () => {
    const stop = serveRenderer(protocol, await builtRenderer());
    stop();
    expect(protocol.handlers.has('lull')).toBe(false);
  });
});

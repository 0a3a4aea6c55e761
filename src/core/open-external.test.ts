import { describe, expect, it, onTestFinished } from 'vitest';
import { createFakeClock } from '../../test/helpers/fake-clock';
import { tempDir } from '../../test/helpers/temp-dir';
import { createFileSecretStore, openTestCore } from '../../test/helpers/test-core';
import { dispatchCommand } from '../shared/contract';

import { type OpenExternal, silentLogger } from './ports';

async function start(openExternal?: OpenExternal) {
  const dataDir = await tempDir();
  const core = await openTestCore({
    dataDir,
    clock: createFakeClock(Date.UTC(2026, 10, 18, 9, 30)),
    logger: silentLogger,
    secrets: createFileSecretStore(dataDir),
    version: '0.0.0-test',
    host: openExternal ? 'desktop' : 'browser',
    openExternal,
  });
  onTestFinished(() => core.close());
  return core;
}

function recordingOpener(answer = true) {
  const opened: string[] = [];
  const openExternal: OpenExternal = async (url) => {
    opened.push(url);
    return answer;
  };
  return { opened, openExternal };
}

describe('app:open-external', () => {
  it.each([
    ['https://example.com/pr/1?tab=files#diff', 'https://example.com/pr/1?tab=files#diff'],
    ['http://intranet.local:8080/ticket', 'http://intranet.local:8080/ticket'],
    ['HTTPS://Example.COM', 'https://example.com/'],
  ])('hands %s to the host', async (url, expected) => {
    const { opened, openExternal } = recordingOpener();
    const core = await start(openExternal);
    expect(await dispatchCommand(core.handlers, 'app:open-external', { url })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual([expected]);
  });

  it('answers what the host answers when it could not open the link', async () => {
    const { openExternal } = recordingOpener(false);
    const core = await start(openExternal);
    expect(await dispatchCommand(core.handlers, 'app:open-external', { url: 'https://example.com' })).toEqual(
      { ok: true, value: { opened: false } },
    );
  });

  it('answers opened: false where the host cannot open a browser, so the page opens it', async () => {
    const core = await start();
    expect(await dispatchCommand(core.handlers, 'app:open-external', { url: 'https://example.com' })).toEqual(
      { ok: true, value: { opened: false } },
    );
  });

  it.each([
    ['javascript:', { url: 'javascript:alert(1)' }],
    ['javascript: in capitals', { url: 'JavaScript:alert(document.cookie)' }],
    ['file:', { url: 'file:///etc/passwd' }],
    ['a bare path', { url: '/etc/passwd' }],
    ['ftp:', { url: 'ftp://example.com/file' }],
    ['mailto:', { url: 'mailto:someone@example.com' }],
    ['data:', { url: 'data:text/html,<script>alert(1)</script>' }],
    ['a custom scheme', { url: 'lull://app/index.html' }],
    ['a user name and password', { url: 'https://user:secret@example.com/' }],
    ['a user name alone', { url: 'https://user@example.com/' }],
    ['a password alone', { url: 'https://:secret@example.com/' }],
    ['more than 2048 characters', { url: `https://example.com/${'a'.repeat(2048)}` }],
    ['an empty string', { url: '' }],
    ['a number', { url: 42 }],
    ['no url', {}],
    ['an extra field', { url: 'https://example.com', target: '_self' }],
    ['no payload', undefined],
  ])('refuses %s before the host sees it', async (_case, payload) => {
    const { opened, openExternal } = recordingOpener();
    const core = await start(openExternal);
    expect(await dispatchCommand(core.handlers, 'app:open-external', payload)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(opened).toEqual([]);
  });

  it('checks again when called without the contract in front', async () => {
    const { opened, openExternal } = recordingOpener();
    const core = await start(openExternal);
    await expect(core.handlers['app:open-external']({ url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'invalid-payload',
    });
    expect(opened).toEqual([]);
  });
});

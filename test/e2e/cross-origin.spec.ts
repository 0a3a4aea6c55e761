/**
 * A real page on another origin, in Chromium, tries to drive the local API: a no-cors text/plain POST
 * (no preflight), a CORS POST with the real token (needs a preflight, which is refused), and a form
 * POST that smuggles JSON in a text/plain body. Nothing is stored, and the CORS fetch fails in the page.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { type RunningHost, startHost } from './host';

interface PageResults {
  noCors: string;
  cors: string;
  form: string;
}

/** The attacker's page: it knows the API address and, for the CORS attempt, even the token. */
function attackerPage(apiUrl: string, token: string): string {
  const update = { source: 'evil', externalId: '1', channel: 'chat', title: 'From another origin' };
  const config = JSON.stringify({ url: `${apiUrl}/v1/updates`, token, update });
  const name = JSON.stringify({ ...update, externalId: 'form', pad: '' }).slice(0, -2);
  return `<!doctype html><title>elsewhere</title>
<iframe name="sink" id="sink"></iframe>
<form id="form" method="POST" enctype="text/plain" target="sink">
  <input type="hidden" id="field" value='"}'>
</form>
<script>
  const { url, token, update } = ${config};
  const outcome = (promise) =>
    promise.then((res) => 'resolved:' + res.type + ':' + res.status, (error) => 'rejected:' + error.name);
  window.results = (async () => {
    const noCors = await outcome(fetch(url, {
      method: 'POST', mode: 'no-cors',
      headers: { 'content-type': 'text/plain' }, body: JSON.stringify(update),
    }));
    const cors = await outcome(fetch(url, {
      method: 'POST', mode: 'cors',
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
      body: JSON.stringify({ ...update, externalId: 'cors' }),
    }));
    const form = await new Promise((resolve) => {
      const frame = document.getElementById('sink');
      frame.addEventListener('load', () => resolve('submitted'), { once: true });
      const f = document.getElementById('form');
      f.action = url;
      document.getElementById('field').name = ${JSON.stringify(name)};
      f.submit();
    });
    return { noCors, cors, form };
  })();
</script>`;
}

let host: RunningHost;
let elsewhere: http.Server;
let elsewherePort: number;

test.beforeEach(async () => {
  host = await startHost();
  const page = attackerPage(host.apiUrl, host.token);
  elsewhere = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewherePort = (elsewhere.address() as AddressInfo).port;
});

test.afterEach(async () => {
  await new Promise((resolve) => elsewhere.close(resolve));
  await host.stop();
});

// Another port on the same address is another origin of the same site; localhost is another site.
for (const name of ['127.0.0.1', 'localhost']) {
  test(`a page at http://${name}:<other port> cannot store anything through the API`, async ({ page }) => {
    await page.goto(`http://${name}:${elsewherePort}/`);
    const results = (await page.evaluate(
      () => (window as unknown as { results: unknown }).results,
    )) as PageResults;

    expect(results.noCors).toBe('resolved:opaque:0');
    expect(results.cors).toBe('rejected:TypeError');
    expect(results.form).toBe('submitted');

    const stored = await host.api('/v1/updates?status=all');
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ total: 0, items: [], nextBefore: null });
    // The core is fine and still takes updates from a script with the token.
    const ok = await host.api('/v1/updates', { body: { source: 'cli', externalId: '1', title: 'Fine' } });
    expect(ok.status).toBe(202);
  });
}

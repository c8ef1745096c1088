import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bearerHeaders, seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

/**
 * The gateway's explorers in a real Chromium whose network stops at loopback: the local explorer
 * (GraphiQL from the gateway's own node_modules) must work entirely offline; the Sandbox page must be
 * served with Apollo's telemetry off and say what it would load.
 */

/** Installed by the system's package manager (`.ci/run` installs it); playwright-core downloads no browser. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // No name but loopback resolves: nothing can leave the machine even past the route below.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
const BROWSER_TIMEOUT_MS = 60_000;
const ORGANIZATION_NAMES = '{ organizations { nodes { id name } } }';

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

describe('the explorer in a browser that reaches nothing but loopback', () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let customerAdminToken: string;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page tried to send off the machine (each was aborted). */
  let leftLoopback: string[];

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    baseUrl = supergraph.gatewayUrl.replace(/\/graphql$/, '');
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
    const [customer] = world.customers;
    const headers = await bearerHeaders(supergraph, { organizationId: customer!.id, role: 'ADMIN', mfa: false });
    customerAdminToken = headers.authorization!.replace(/^Bearer /, '');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  }, BROWSER_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
  }, BROWSER_TIMEOUT_MS);

  beforeEach(async () => {
    leftLoopback = [];
    context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopback(url)) {
        await route.continue();
        return;
      }
      leftLoopback.push(url);
      await route.abort('internetdisconnected');
    });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });

  it('runs a query with the bearer token typed into its field, and no request leaves loopback', async () => {
    const [customer] = world.customers;
    const graphqlRequests: { authorization?: string; contentType?: string; status: number }[] = [];
    const pageErrors: string[] = [];
    page.on('response', (response) => {
      const request = response.request();
      if (request.method() === 'POST' && request.url() === supergraph.gatewayUrl) {
        const headers = request.headers();
        graphqlRequests.push({ authorization: headers.authorization, contentType: headers['content-type'], status: response.status() });
      }
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });

    const opened = await page.goto(supergraph.gatewayUrl, { waitUntil: 'load' });
    expect(opened?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor();
    await page.getByLabel('Bearer token').fill(customerAdminToken);
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(ORGANIZATION_NAMES);
    await page.locator('.graphiql-execute-button').click();

    const result = page.locator('.result-window');
    await result.getByText(customer!.name).waitFor({ timeout: 10_000 });
    const answer = JSON.parse(await result.evaluate((element) => (element.querySelector('.CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue())) as {
      data?: { organizations: { nodes: { id: string; name: string }[] } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.organizations.nodes).toEqual([{ id: customer!.id, name: customer!.name }]);
    // The query went as a JSON POST (CSRF prevention) with the token as the Authorization header.
    expect(graphqlRequests).toContainEqual({ authorization: `Bearer ${customerAdminToken}`, contentType: 'application/json', status: 200 });
    // Its schema query (for the docs and completion) went through the gateway's limits too, and nothing failed in the page.
    expect(graphqlRequests.map((request) => request.status)).toEqual(graphqlRequests.map(() => 200));
    expect(graphqlRequests.length).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
    // The token is kept in this tab's session storage, not in GraphiQL's local storage.
    const storage = await page.evaluate<{ session: string; local: string }>(
      '({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) })',
    );
    expect(storage.session).toContain(customerAdminToken);
    expect(storage.local).not.toContain(customerAdminToken);

    const screenshot = join(await mkdtemp(join(tmpdir(), 'partnergraph-explorer-')), 'explorer.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    process.stdout.write(`explorer screenshot: ${screenshot}\n`);
    expect(leftLoopback).toEqual([]);
  }, BROWSER_TIMEOUT_MS);

  it('keeps the token for the tab: a reload fills the field again', async () => {
    await page.goto(supergraph.gatewayUrl);
    await page.getByLabel('Bearer token').fill(customerAdminToken);
    await page.reload();

    await page.locator('.graphiql-container').waitFor();
    expect(await page.getByLabel('Bearer token').inputValue()).toBe(customerAdminToken);
    expect(leftLoopback).toEqual([]);
  }, BROWSER_TIMEOUT_MS);

  it('serves Apollo Sandbox at /sandbox with telemetry off, names the CDN script it needs, and says so when that is out of reach', async () => {
    const opened = await page.goto(`${baseUrl}/sandbox`, { waitUntil: 'load' });

    expect(opened?.status()).toBe(200);
    const config = JSON.parse((await page.locator('#sandbox-config').textContent()) ?? '{}') as Record<string, unknown>;
    expect(config).toMatchObject({ runTelemetry: false, includeCookies: false, endpointPath: '/graphql' });
    const cdnScript = 'https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js';
    expect(await page.locator('script[src^="https://"]').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual([cdnScript]);
    // Offline, the script was attempted, refused, and the page points at the local explorer instead.
    expect(leftLoopback).toEqual([cdnScript]);
    await expect(page.locator('.sandbox-fallback').isVisible()).resolves.toBe(true);
    expect(await page.locator('.sandbox-fallback a').getAttribute('href')).toBe('/graphql');
  }, BROWSER_TIMEOUT_MS);
});

import { dirname, join } from 'node:path';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Router } from 'express';
import type { ExplorerMode } from './config';

/**
 * What a browser that opens /graphql sees (EXPLORER):
 *   local    GraphiQL, served by the gateway itself from its node_modules: no CDN, no fonts, works air-gapped
 *   sandbox  Apollo Sandbox, which the browser loads from Apollo's CDN (telemetry off)
 *   off      nothing: /graphql answers GraphQL only, and /sandbox and the explorer's assets are not served
 * Unless off, Apollo Sandbox is also at /sandbox, for sites that reach Apollo's CDN.
 */
export const GRAPHQL_PATH = '/graphql';
export const SANDBOX_PATH = '/sandbox';
export const EXPLORER_ASSETS_PATH = '/explorer/assets';

/** Apollo's embeddable Sandbox, the one file the Sandbox page needs from the internet. */
export const SANDBOX_SCRIPT_URL = 'https://embeddable-sandbox.cdn.apollographql.com/v2/embeddable-sandbox.umd.production.min.js';
const SANDBOX_FRAME_ORIGIN = 'https://sandbox.embed.apollographql.com';

/** A file inside an installed package (resolved from the package's manifest: graphiql's exports hide its UMD build). */
function packageFile(name: string, file: string): string {
  return join(dirname(require.resolve(`${name}/package.json`)), file);
}

/** The gateway's own browser files, beside src/ and dist/ alike. */
function ownFile(file: string): string {
  return join(__dirname, '..', 'explorer', file);
}

/** Every file the explorer pages load, by the name they are served under. */
const ASSETS: Readonly<Record<string, string>> = {
  'react.production.min.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': packageFile('graphiql', 'graphiql.min.css'),
  'explorer.js': ownFile('explorer.js'),
  'explorer.css': ownFile('explorer.css'),
  'sandbox.js': ownFile('sandbox.js'),
};

function asset(name: string): string {
  return `${EXPLORER_ASSETS_PATH}/${name}`;
}

/**
 * The page allows nothing but this origin: GraphiQL, its styles and its requests come from the gateway.
 * CSP 3's 'self' in connect-src covers the same host's ws: and wss: URLs, which subscriptions use.
 */
const LOCAL_EXPLORER_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const LOCAL_EXPLORER_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${LOCAL_EXPLORER_POLICY}" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>PartnerGraph explorer</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${asset('graphiql.min.css')}" />
    <link rel="stylesheet" href="${asset('explorer.css')}" />
  </head>
  <body>
    <header class="explorer-bar">
      <strong>PartnerGraph</strong>
      <label for="bearer-token">Bearer token</label>
      <input id="bearer-token" type="password" autocomplete="off" spellcheck="false"
        placeholder="an access token (npm run -s token -- &lt;email&gt;); sent as Authorization: Bearer …" />
      <button id="bearer-token-clear" type="button">Clear</button>
      <a href="${SANDBOX_PATH}">Apollo Sandbox</a>
    </header>
    <main id="graphiql" data-endpoint="${GRAPHQL_PATH}">Loading the explorer…</main>
    <script src="${asset('react.production.min.js')}"></script>
    <script src="${asset('react-dom.production.min.js')}"></script>
    <script src="${asset('graphiql.min.js')}"></script>
    <script src="${asset('explorer.js')}"></script>
  </body>
</html>
`;

/** What sandbox.js passes to Apollo's EmbeddedSandbox, with the endpoint beside the page. */
const SANDBOX_CONFIG = {
  target: '#sandbox',
  endpointPath: GRAPHQL_PATH,
  runTelemetry: false,
  includeCookies: false,
  hideCookieToggle: true,
  endpointIsEditable: false,
  initialState: {},
};

const SANDBOX_POLICY = [
  "default-src 'none'",
  `script-src 'self' ${new URL(SANDBOX_SCRIPT_URL).origin}`,
  "style-src 'self' 'unsafe-inline'",
  `frame-src ${SANDBOX_FRAME_ORIGIN}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const SANDBOX_HTML = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${SANDBOX_POLICY}" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>PartnerGraph: Apollo Sandbox</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${asset('explorer.css')}" />
  </head>
  <body class="sandbox-page">
    <p class="sandbox-fallback">
      Apollo Sandbox loads from Apollo's CDN (<code>${SANDBOX_SCRIPT_URL}</code>). If it does not appear, this browser
      cannot reach it: the explorer the gateway serves itself is at <a href="${GRAPHQL_PATH}">${GRAPHQL_PATH}</a>.
    </p>
    <div id="sandbox"></div>
    <script type="application/json" id="sandbox-config">${JSON.stringify(SANDBOX_CONFIG)}</script>
    <script src="${SANDBOX_SCRIPT_URL}"></script>
    <script src="${asset('sandbox.js')}"></script>
  </body>
</html>
`;

/** The page a browser that opens /graphql gets (Apollo serves it when the request prefers HTML). */
export function explorerLandingPage<TContext extends BaseContext>(mode: ExplorerMode): ApolloServerPlugin<TContext> {
  if (mode === 'off') return ApolloServerPluginLandingPageDisabled();
  const html = mode === 'local' ? LOCAL_EXPLORER_HTML : SANDBOX_HTML;
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/** The Sandbox page at /sandbox and the explorer's files; no routes at all when the explorer is off. */
export function explorerRoutes(mode: ExplorerMode): Router {
  const router = Router();
  if (mode === 'off') return router;
  router.get(SANDBOX_PATH, (_req, res) => {
    res.type('html').set('cache-control', 'no-cache').send(SANDBOX_HTML);
  });
  router.get(`${EXPLORER_ASSETS_PATH}/:name`, (req, res, next) => {
    const file = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : undefined;
    if (file === undefined) {
      next();
      return;
    }
    res.sendFile(file, { headers: { 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' } });
  });
  return router;
}

/* global document, location, sessionStorage, URL, React, ReactDOM, GraphiQL */
// The local explorer: GraphiQL with a bearer-token field. The token stays in this tab's sessionStorage
// (never in GraphiQL's headers editor, whose contents GraphiQL keeps in localStorage).
(function () {
  'use strict';
  var TOKEN_KEY = 'partnergraph.explorer.bearerToken';
  var tokenField = document.getElementById('bearer-token');
  var clearButton = document.getElementById('bearer-token-clear');
  var root = document.getElementById('graphiql');

  tokenField.value = sessionStorage.getItem(TOKEN_KEY) || '';
  tokenField.addEventListener('input', function () {
    var token = tokenField.value.trim();
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  });
  clearButton.addEventListener('click', function () {
    tokenField.value = '';
    sessionStorage.removeItem(TOKEN_KEY);
  });

  function authorization() {
    var token = tokenField.value.trim().replace(/^Bearer\s+/i, '');
    return token ? { authorization: 'Bearer ' + token } : {};
  }

  // Queries and mutations: a JSON POST to the gateway, which passes its CSRF prevention. Subscriptions: graphql-ws
  // on the same URL, whose connection carries the token in its params; a new token opens a new connection.
  var httpUrl = new URL(root.dataset.endpoint, location.href);
  var webSocketUrl = new URL(httpUrl.href);
  webSocketUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  var fetchers = {};
  function fetcherFor(auth) {
    var key = auth.authorization || '';
    if (!fetchers[key]) {
      fetchers[key] = GraphiQL.createFetcher({ url: httpUrl.href, subscriptionUrl: webSocketUrl.href, wsConnectionParams: auth });
    }
    return fetchers[key];
  }
  function fetcher(params, options) {
    var auth = authorization();
    var headers = Object.assign({}, options && options.headers, auth);
    return fetcherFor(auth)(params, Object.assign({}, options, { headers: headers }));
  }

  root.textContent = '';
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: '# Paste a token above, write a query, then press the run button (or Ctrl-Enter).\n',
      shouldPersistHeaders: false,
    }),
  );
})();

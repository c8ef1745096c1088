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

  // A JSON POST to the gateway, which passes its CSRF prevention. Subscriptions: once the gateway serves
  // graphql-ws, add `subscriptionUrl` here (GraphiQL's UMD build bundles graphql-ws); the headers below then
  // travel as the connection's params, the token included.
  var gatewayFetcher = GraphiQL.createFetcher({ url: new URL(root.dataset.endpoint, location.href).href });
  function fetcher(params, options) {
    var headers = Object.assign({}, options && options.headers, authorization());
    return gatewayFetcher(params, Object.assign({}, options, { headers: headers }));
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

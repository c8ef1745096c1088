/* global document, location, URL, EmbeddedSandbox */
// Apollo Sandbox, configured by the page's JSON (telemetry off), pointed at the gateway beside the page.
(function () {
  'use strict';
  if (typeof EmbeddedSandbox !== 'function') return; // Apollo's CDN is out of reach: the page's fallback text stays.
  var config = JSON.parse(document.getElementById('sandbox-config').textContent);
  var initialEndpoint = new URL(config.endpointPath, location.href).href;
  delete config.endpointPath;
  new EmbeddedSandbox(Object.assign(config, { initialEndpoint: initialEndpoint }));
})();

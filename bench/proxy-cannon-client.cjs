// autocannon client setup for the proxy benchmark: response bodies are counted (bytes) but not
// kept. autocannon otherwise appends every body chunk to a string, decoding binary tarballs as
// UTF-8, which costs the load generator more CPU per response than either server spends
// answering it. Both servers are measured with this same setup; it is a CommonJS file because
// autocannon's worker threads `require` it by path.
/* global module */
'use strict';

module.exports = function discardBodies(client) {
  client.pipelinedRequests.addBody = function ignoreBody() {};
};

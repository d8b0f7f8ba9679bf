// Loaded into the `next start` process by `blastmap start` (node --require, lib/cli/commands/start.ts).
//
// Next.js 16 gives proxy.ts, route handlers and server actions no way to read the socket's address;
// it only copies it into X-Forwarded-For when the client sent none, so a client could choose the
// address it is audited and rate-limited under. Appending the socket's address to X-Forwarded-For
// here, before Next.js sees the request, is what a reverse proxy does: the right-most entry is then
// always the peer, and lib/auth/client-address.ts believes entries further left only behind a
// trusted proxy. Plain CommonJS because it runs before anything that could compile TypeScript.

const http = require("node:http");
const https = require("node:https");

/** @param {import("node:http").IncomingMessage} request */
function appendSocketAddress(request) {
  const peer = request.socket && request.socket.remoteAddress;
  const sent = request.headers["x-forwarded-for"];
  if (!peer) {
    // No peer to vouch for the chain (a destroyed socket): nothing the client wrote is kept either.
    delete request.headers["x-forwarded-for"];
    return;
  }
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
}

// Every event by which Node hands a server a new request.
const REQUEST_EVENTS = new Set(["request", "checkContinue", "checkExpectation"]);

const PATCHED = Symbol.for("blastmap.appendSocketAddress");
for (const Server of [http.Server, https.Server]) {
  if (Server.prototype[PATCHED]) continue;
  Server.prototype[PATCHED] = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithSocketAddress(event, ...args) {
    if (REQUEST_EVENTS.has(event) && args[0]) appendSocketAddress(args[0]);
    return emit.call(this, event, ...args);
  };
}

module.exports = { appendSocketAddress };

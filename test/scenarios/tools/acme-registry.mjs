// A throw-away registry for the fictional @acme scope, so real npm can resolve @acme/* while
// generating scenario lockfiles. Packuments only: --package-lock-only never fetches tarballs.
import { createServer } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
const packs = readdirSync(".").filter((f) => f.endsWith(".pack.json")).map((f) => JSON.parse(readFileSync(f, "utf8"))[0]);
createServer((req, res) => {
  const name = decodeURIComponent(req.url.slice(1));
  const mine = packs.filter((p) => p.name === name);
  if (!mine.length) { res.writeHead(404); return res.end("{}"); }
  const base = name.split("/")[1];
  const versions = Object.fromEntries(mine.map((p) => [p.version, { name, version: p.version, dist: { tarball: `https://registry.npmjs.org/${name}/-/${base}-${p.version}.tgz`, integrity: p.integrity, shasum: p.shasum } }]));
  const time = Object.fromEntries(mine.map((p) => [p.version, "2025-06-01T00:00:00.000Z"]));
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ name, "dist-tags": { latest: mine.at(-1).version }, versions, time }));
}).listen(4873, "127.0.0.1");

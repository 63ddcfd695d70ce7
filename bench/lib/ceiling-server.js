#!/usr/bin/env node
/**
 * The physical ceiling: a bare Node `http` server, in a process of its own like
 * Strapi, answering every request with the snippet list JSON from memory and the
 * headers the snippet endpoint sends. Usage: node ceiling-server.js <body-file>;
 * prints the port it listens on (127.0.0.1), exits on SIGTERM.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');

const body = fs.readFileSync(process.argv[2]);
const etag = `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
const headers = {
  'Content-Type': 'application/json; charset=utf-8',
  'Content-Length': body.length,
  ETag: etag,
  'Cache-Control': 'public, max-age=60',
};

const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

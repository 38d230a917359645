// Preloaded (--import) into a child process and its worker threads: any attempt to reach the network fails loudly.
import dns from 'node:dns';
import net from 'node:net';

function refuse(what) {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  process.exitCode = 97;
  throw new Error(`network access attempted: ${what}`);
}
net.Socket.prototype.connect = function connect() { refuse('socket connect'); };
dns.lookup = () => refuse('dns lookup');
globalThis.fetch = async (url) => refuse(`fetch ${url}`);

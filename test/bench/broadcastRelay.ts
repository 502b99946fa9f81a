/**
 * The rooms bench's baseline: the least a relay can do. Every binary frame a socket sends goes to
 * the other sockets on the same path (the room), untouched: no auth, no document, no storage.
 * Run as a child process like the real relay: `tsx test/bench/broadcastRelay.ts --port 0`.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg >= 0 ? process.argv[portArg + 1] : '0');
const rooms = new Map<string, Set<WebSocket>>();
const server = new WebSocketServer({ host: '127.0.0.1', port });

server.on('connection', (ws, request) => {
  const room = request.url ?? '/';
  const peers = rooms.get(room) ?? new Set<WebSocket>();
  rooms.set(room, peers);
  peers.add(ws);
  ws.on('message', (data: Buffer) => {
    for (const peer of peers) if (peer !== ws) peer.send(data);
  });
  ws.on('close', () => peers.delete(ws));
});

server.on('listening', () => {
  const address = server.address();
  const listening = typeof address === 'object' && address !== null ? address.port : port;
  console.log(JSON.stringify({ event: 'listening', port: listening }));
});

/**
 * The live-events baseline: a bare Socket.IO server with no app around it. Every socket joins one
 * room; POST /emit emits one `ticket.created`-shaped envelope to that room and answers its id.
 * Env: PORT.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Server } from 'socket.io';

const server = http.createServer((req, res) => {
  if (req.url === '/ready') {
    res.end('ok');
    return;
  }
  if (req.method === 'POST' && req.url === '/emit') {
    req.resume();
    req.on('end', () => {
      const id = randomUUID();
      io.to('tenant').emit('ticket.created', {
        id: randomUUID(),
        name: 'ticket.created',
        tenantId: 'bench',
        occurredAt: new Date().toISOString(),
        resourceId: id,
        subject: 'Ticket',
        payload: { id, number: 1, subject: 'Bench event', status: 'new', priority: 'normal', assigneeId: null },
      });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
    });
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => void socket.join('tenant'));
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});

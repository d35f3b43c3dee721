/**
 * Draining on shutdown. From the moment app.close() begins, every answer
 * carries `Connection: close`, so a keep-alive client learns from the answer
 * itself not to send on that socket again, and Node closes the socket right
 * after the answer. Requests that still arrive on an open socket meanwhile are
 * answered normally (the app is built with return503OnClosing: false), not
 * reset. Idle sockets are closed by src/server.ts after a short grace.
 */
import type { FastifyInstance } from 'fastify';

export function installDraining(app: FastifyInstance): void {
  let draining = false;
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });
}

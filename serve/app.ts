// The HTTP server of `grade serve`: one onRequest hook decides who may ask what (by the route's role,
// the session cookie, the Origin, and a CSRF token on every POST); the routes are thin and call the
// class room, which calls grade's stages. Errors become one sentence; nothing learner-made is markup.
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { InfraError, UserError, messageOf } from '../core/errors.js';
import { csrfToken } from './join-token.js';
import { registerLearnerRoutes } from './learner-routes.js';
import { browserLang, pageText } from './page-texts.js';
import { newNonce, roleFor, sameOrigin, securityHeaders } from './security.js';
import type { ServeContext } from './server-context.js';
import { registerTeacherRoutes } from './teacher-routes.js';

export async function buildServer(ctx: ServeContext): Promise<FastifyInstance> {
  // Join tokens travel as a path parameter: longer than Fastify's default 100 characters.
  const app = Fastify({ logger: false, bodyLimit: 16 * 1024, trustProxy: false, return503OnClosing: true, routerOptions: { maxParamLength: 2048 } });
  app.decorateRequest('principal', null);
  app.decorateRequest('nonce', '');
  await app.register(websocket, { options: { maxPayload: ctx.limits.maxMessageBytes } });
  app.addHook('onRequest', async (req, reply) => guard(ctx, req, reply));
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof UserError) return reply.code(409).send({ error: error.message });
    if (error instanceof InfraError) return reply.code(503).send({ error: error.message });
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return reply.code(status).send({ error: 'The request was not one this server takes.' });
    ctx.log(`grade serve: ${req.method} ${req.url.split('?')[0]} failed: ${messageOf(error)}`);
    return reply.code(500).send({ error: 'The server failed; the teacher can see why in its log.' });
  });
  app.get('/join/:token', async (req, reply) => {
    const principal = ctx.identity.join((req.params as { token: string }).token);
    if (!principal) return reply.code(403).type('text/plain; charset=utf-8').send(pageText(browserLang(req.headers['accept-language']), 'badLink'));
    const cookie = ctx.identity.sessionCookie(principal);
    // SameSite=Strict: a cross-site request carries no session at all.
    const secure = (req.headers['x-forwarded-proto'] ?? '') === 'https' || ctx.origins.some((o) => o.startsWith('https:'));
    reply.header('set-cookie', `grade_session=${cookie.value}; Path=/; HttpOnly; SameSite=Strict; Expires=${cookie.expires.toUTCString()}${secure ? '; Secure' : ''}`);
    return reply.redirect(principal.role === 'teacher' ? '/teacher' : '/learn', 303);
  });
  app.get('/static/:name', async (req, reply) => {
    const file = ctx.files.get((req.params as { name: string }).name);
    if (!file) return reply.code(404).send({ error: 'No such file.' });
    return reply.type(file.type).send(file.body);
  });
  app.get('/', async (req, reply) => {
    if (req.principal) return reply.redirect(req.principal.role === 'teacher' ? '/teacher' : '/learn', 303);
    return reply.type('text/plain; charset=utf-8').send(pageText(browserLang(req.headers['accept-language']), 'signIn'));
  });
  registerLearnerRoutes(app, ctx);
  registerTeacherRoutes(app, ctx);
  return app;
}

/** Who may ask: every route but /join/ and / needs a session of its role; a POST or socket needs the server's Origin; a POST its CSRF token. */
async function guard(ctx: ServeContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  req.nonce = newNonce();
  reply.headers(securityHeaders(req.nonce));
  const path = req.url.split('?')[0]!;
  const role = roleFor(path);
  req.principal = ctx.identity.fromRequest(req.headers);
  if (role === 'public') return;
  const socket = req.headers.upgrade?.toLowerCase() === 'websocket';
  if (!req.principal) return deny(reply, 401, 'Sign in with your join link first.');
  if (role !== null && req.principal.role !== role) return deny(reply, 403, 'This page is not yours to open.');
  if ((socket || req.method !== 'GET') && !sameOrigin(req.headers, ctx.origins, socket)) return deny(reply, 403, 'Requests must come from this server\'s own pages.');
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== csrfToken(ctx.secret(), req.principal.session)) return deny(reply, 403, 'The page is out of date; reload it.');
}

function deny(reply: FastifyReply, code: number, message: string): FastifyReply {
  return reply.code(code).send({ error: message });
}

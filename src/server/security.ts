/**
 * Headers on every response (Helmet): the viewer runs only its own scripts (no inline script, no
 * framing by other sites), and no response is sniffed into another type than it says.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** The viewer's Content-Security-Policy: everything from this origin, nothing inline, never framed. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    frameguard: { action: 'deny' },
    // Served over plain HTTP on the machine it runs on; HSTS belongs to a TLS proxy in front of it.
    strictTransportSecurity: false,
    // The stream and the API are read by other origins' tools (CORS), so resources may be shared.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
}

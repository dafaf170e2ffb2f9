import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { ApiError, errorBody } from '../../errors.ts';

/** Options of {@link adminAuth}. */
export interface AdminAuthOptions {
  /** The token admin requests must send as `Authorization: Bearer <token>`. Default none: admin routes are refused. */
  token?: string;
}

const DISABLED_MESSAGE =
  'Changing documents is disabled on this server. Start it with ADMIN_TOKEN set (at least 16 characters, e.g. ' +
  '`ADMIN_TOKEN=$(openssl rand -hex 24) npm start`) and send `Authorization: Bearer <ADMIN_TOKEN>`.';

/**
 * Guards the routes that change the collection. Without a configured token every request is refused with 403 saying
 * how to enable them; with one, a missing header or a wrong token is answered 401 and a header that is not
 * `Bearer <token>` 400, both with `WWW-Authenticate` (RFC 6750). Tokens are compared in constant time by Hono's bearer
 * auth.
 */
export function adminAuth(options: AdminAuthOptions = {}): MiddlewareHandler {
  const { token } = options;
  if (!token) {
    return async function adminDisabled() {
      throw new ApiError('ADMIN_DISABLED', DISABLED_MESSAGE);
    };
  }
  const realm = 'Bearer realm="seogi-admin"';
  return bearerAuth({
    token,
    noAuthenticationHeader: {
      message: errorBody('UNAUTHORIZED', 'This request changes the collection: send `Authorization: Bearer <ADMIN_TOKEN>`.'),
      wwwAuthenticateHeader: realm,
    },
    invalidAuthenticationHeader: {
      message: errorBody('INVALID_REQUEST', 'The Authorization header must be `Bearer <ADMIN_TOKEN>`.'),
      wwwAuthenticateHeader: `${realm}, error="invalid_request"`,
    },
    invalidToken: {
      message: errorBody('UNAUTHORIZED', 'The admin token is not valid.'),
      wwwAuthenticateHeader: `${realm}, error="invalid_token"`,
    },
  });
}

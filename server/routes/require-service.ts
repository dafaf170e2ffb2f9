import { ApiError } from '../errors.ts';
import type { SeogiService } from '../service.ts';

/** How routes reach the service: undefined until the collection is loaded. */
export type ServiceGetter = () => SeogiService | undefined;

/** Seconds a client is asked to wait before retrying while the index loads. */
const RETRY_AFTER_SECONDS = 5;

/** The service, or a 503 `NOT_READY` (with `Retry-After`) while the collection is still loading. */
export function requireService(service: ServiceGetter): SeogiService {
  const current = service();
  if (current) return current;
  throw new ApiError(
    503,
    'NOT_READY',
    'The document index is still loading; try again in a few seconds (GET /readyz answers 200 once it is ready).',
    undefined,
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

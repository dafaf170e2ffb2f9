import { ApiError } from '../errors.ts';
import type { SeogiService } from '../service.ts';

/** How routes reach the service: undefined until the collection is loaded. */
export type ServiceGetter = () => SeogiService | undefined;

/** The service, or a 503 `NOT_READY` (with `Retry-After`) while the collection is still loading. */
export function requireService(service: ServiceGetter): SeogiService {
  const current = service();
  if (current) return current;
  throw new ApiError('NOT_READY');
}

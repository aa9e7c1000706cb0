import { z } from 'zod';
import { LiveSubscription, parseEventId } from '../services/live-subscription.js';
import { readProcedure, router } from '../trpc.js';

export { LIVE_HEARTBEAT_MS } from '../services/live-subscription.js';

export const liveRouter = router({
  /**
   * Every change in the caller's organisation and scope, over SSE, with
   * tracked ids: first what the client missed after lastEventId, then live
   * (services/live-hub.ts subscribes before it reads, so nothing falls
   * between). Screens hear only changes their slides show; scoped callers
   * only their units, month by month.
   */
  events: readProcedure
    .meta({ units: { none: "every event is narrowed to the caller's units month by month (services/live-shape.ts)" }, screen: true })
    .input(z.object({ lastEventId: z.string().max(20).nullish() }))
    .subscription(({ ctx, input, signal }) => new LiveSubscription(ctx, parseEventId(input.lastEventId), signal)),
});

import { z } from 'zod';
import { AUDIT_ACTIONS, listAudit } from '../access/audit.js';
import { procedureFor, router } from '../trpc.js';

/** Admin: read and filter the append-only audit log. There is no procedure that changes it. */
export const auditRouter = router({
  list: procedureFor('admin')
    .input(
      z.object({
        action: z.enum(AUDIT_ACTIONS).optional(),
        actor: z.string().max(100).optional(),
        text: z.string().max(100).optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) =>
      listAudit(ctx.db, {
        orgId: ctx.orgId,
        ...input,
        from: input.from ? new Date(input.from) : undefined,
        to: input.to ? new Date(input.to) : undefined,
      }),
    ),
  actions: procedureFor('admin').query(() => AUDIT_ACTIONS),
});

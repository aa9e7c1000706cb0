import { assessmentRouter } from './routers/assessment.js';
import { atgardRouter } from './routers/atgard.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { boardRouter } from './routers/board.js';
import { commentRouter } from './routers/comment.js';
import { drilldownRouter } from './routers/drilldown.js';
import { economyRouter } from './routers/economy.js';
import { goalRouter } from './routers/goal.js';
import { importRouter } from './routers/import.js';
import { koladaRouter } from './routers/kolada.js';
import { kpiRouter } from './routers/kpi.js';
import { liveRouter } from './routers/live.js';
import { overviewRouter } from './routers/overview.js';
import { reportRouter } from './routers/report.js';
import { riskRouter } from './routers/risk.js';
import { seriesRouter } from './routers/series.js';
import { targetRouter } from './routers/target.js';
import { unitRouter } from './routers/unit.js';
import { uppdragRouter } from './routers/uppdrag.js';
import { userRouter } from './routers/user.js';
import { router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  audit: auditRouter,
  kpi: kpiRouter,
  unit: unitRouter,
  overview: overviewRouter,
  series: seriesRouter,
  drilldown: drilldownRouter,
  comment: commentRouter,
  target: targetRouter,
  goal: goalRouter,
  assessment: assessmentRouter,
  atgard: atgardRouter,
  uppdrag: uppdragRouter,
  risk: riskRouter,
  report: reportRouter,
  economy: economyRouter,
  live: liveRouter,
  board: boardRouter,
  import: importRouter,
  kolada: koladaRouter,
});

export type AppRouter = typeof appRouter;

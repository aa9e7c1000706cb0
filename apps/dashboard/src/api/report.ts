import type { AppRouter } from '@lagesbild/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { trpc } from './trpc.js';

type Outputs = inferRouterOutputs<AppRouter>['report'];
type Inputs = inferRouterInputs<AppRouter>['report'];

/** The report of a unit and period: live (version null) or a fastställd version with what differs from today's data. */
export type ReportAnswer = Outputs['get'];
export type ReportQuery = Inputs['get'];

export function fetchReport(q: ReportQuery): Promise<ReportAnswer> {
  return trpc.report.get.query(q);
}

/** The draft's sammantagen bedömning; the server refuses it for a fastställd version. */
export function saveReportSummary(q: Inputs['saveSummary']): Promise<void> {
  return trpc.report.saveSummary.mutate(q);
}

/** Freezes the live report as the next version. */
export function faststallReport(q: Inputs['faststall']): Promise<Outputs['faststall']> {
  return trpc.report.faststall.mutate(q);
}

export type ReportFileFormat = NonNullable<Inputs['file']['format']>;

/** The report as the server makes it for download (PDF or Word), base64 with its file name and type. */
export function fetchReportFile(q: Inputs['file']): Promise<Outputs['file']> {
  return trpc.report.file.query(q);
}

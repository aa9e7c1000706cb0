export { renderReportPdf, type ReportPdfMeta } from './render-pdf.js';

export { renderReportPdf, type ReportPdfMeta } from './render-pdf.js';
export { renderReportDocx } from './render-docx.js';

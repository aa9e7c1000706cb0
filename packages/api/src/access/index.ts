export * from './audit.js';
export * from './login.js';
export * from './login-link.js';
export * from './password.js';
export * from './request-context.js';
export * from './sessions.js';
export * from './users.js';
export * from './body-limit.js';

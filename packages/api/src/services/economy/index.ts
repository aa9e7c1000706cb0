export * from './economy-view.js';

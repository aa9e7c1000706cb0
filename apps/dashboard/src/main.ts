import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { PiniaColada, queryCacheOptions } from './api/query-cache.js';
import { i18n, loadLocale } from './i18n/index.js';
import { router } from './router.js';
import './styles/base.css';

// English is loaded on demand; a remembered English choice is fetched before the first render.
await loadLocale(i18n.global.locale.value);

createApp(App).use(createPinia()).use(PiniaColada, queryCacheOptions).use(i18n).use(router).mount('#app');

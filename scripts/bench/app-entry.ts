/** Injected into the running app's page: seeds its database (the app's own code stays untouched). */
export { seedItems } from './seed';

import type { LullApi } from '../shared/contract';

declare global {
  interface Window {
    /** The Electron preload's bridge; absent when the renderer runs in a browser tab. */
    lull?: LullApi;
  }
}

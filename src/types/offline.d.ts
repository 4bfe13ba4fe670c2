// Written by the offline integration (src/astro/integrations/offline.ts) for the pages.
declare module 'virtual:dispatch/offline' {
  /** Whether pages link the web app manifest and register the service worker: a build with OFFLINE on. */
  export const offlineReading: boolean;
}

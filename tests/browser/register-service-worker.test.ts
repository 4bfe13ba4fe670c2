import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { OWN_INLINE_SCRIPTS } from '../../src/browser/inline-scripts.ts';
import { REGISTER_SERVICE_WORKER_SCRIPT } from '../../src/browser/register-service-worker.ts';
import { FakeEventTarget } from '../support/fake-dom.ts';

/** Runs the script as a browser runs it in the head: `currentScript` is its tag. */
function run(options: { serviceWorker: boolean; refuse?: boolean }) {
  const window = new FakeEventTarget();
  const registered: string[] = [];
  const navigator = options.serviceWorker
    ? {
        serviceWorker: {
          register: (url: string) => {
            registered.push(url);
            return options.refuse ? Promise.reject(new Error('SecurityError')) : Promise.resolve({});
          },
        },
      }
    : {};
  const document = { currentScript: { dataset: { sw: '/news/sw.js' } } };
  runInNewContext(REGISTER_SERVICE_WORKER_SCRIPT, {
    document,
    navigator,
    addEventListener: window.addEventListener.bind(window),
  });
  return { window, registered };
}

describe('REGISTER_SERVICE_WORKER_SCRIPT', () => {
  test('is at most 1 KB, allowed by the policy, and cannot end its element early', () => {
    expect(Buffer.byteLength(REGISTER_SERVICE_WORKER_SCRIPT)).toBeLessThanOrEqual(1024);
    expect(OWN_INLINE_SCRIPTS).toContain(REGISTER_SERVICE_WORKER_SCRIPT);
    expect(REGISTER_SERVICE_WORKER_SCRIPT).not.toMatch(/<\/script|<!--/i);
  });

  test('registers the worker its tag names, once the page has loaded', () => {
    const { window, registered } = run({ serviceWorker: true });
    expect(registered).toEqual([]);
    window.dispatch('load');
    expect(registered).toEqual(['/news/sw.js']);
  });

  test('does nothing in a browser without service workers', () => {
    const { window } = run({ serviceWorker: false });
    expect(window.listenerCount('load')).toBe(0);
  });

  test('leaves no unhandled rejection when the browser refuses (a private window)', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    const { window, registered } = run({ serviceWorker: true, refuse: true });
    window.dispatch('load');
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', record);
    expect(registered).toEqual(['/news/sw.js']);
    expect(unhandled).toEqual([]);
  });
});

/** Every app's state, created on first use, with reset, export and import. */
import { newApp, type AppState } from './model.js';
import { exportApp, importApp, type Snapshot } from './snapshot.js';

export class Store {
  private apps = new Map<string, AppState>();

  app(key: string): AppState {
    let app = this.apps.get(key);
    if (!app) this.apps.set(key, (app = newApp(key)));
    return app;
  }

  /** Forgets every app, or one (`my-org/my-app`, `app-id/12345`). */
  reset(key?: string): void {
    if (key === undefined) this.apps.clear();
    else this.apps.delete(key);
  }

  export(): Snapshot {
    return { version: 1, apps: Object.fromEntries([...this.apps].map(([key, app]) => [key, exportApp(app)])) };
  }

  /** Replaces the whole state with the snapshot's apps. */
  import(snapshot: Snapshot, now: number): void {
    const apps = new Map<string, AppState>();
    for (const [key, app] of Object.entries(snapshot.apps)) apps.set(key, importApp(key, app, now));
    this.apps = apps;
  }
}

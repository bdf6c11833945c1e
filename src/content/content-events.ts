import { EventEmitter } from 'node:events';

/** What changed, told after the transaction committed, so caches and derived data can follow. */
export type ContentEvent =
  | { type: 'article.changed'; articleId: number; sectionId: number; tagIds: number[] }
  | { type: 'section.changed'; sectionId: number }
  | { type: 'content.bulk-changed' }
  /** Site settings (name, description, date style) changed: every page shows them. */
  | { type: 'settings.changed' };

/** Where an event came from: this process, or another instance (through the database). */
export interface EventOrigin {
  remote: boolean;
}

/** A small typed bus: services emit after commit; the page cache (and, scaled out, NOTIFY) listens. */
export interface ContentEvents {
  emit(event: ContentEvent): void;
  /** Delivers an event that another instance emitted. */
  receiveRemote(event: ContentEvent): void;
  subscribe(listener: (event: ContentEvent, origin: EventOrigin) => void): () => void;
}

/** An in-process event bus. */
export function createContentEvents(): ContentEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(50);
  return {
    emit: (event) => {
      emitter.emit('event', event, { remote: false });
    },
    receiveRemote: (event) => {
      emitter.emit('event', event, { remote: true });
    },
    subscribe: (listener) => {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}

// Loading, empty, error and "not computed yet" states: every view shows one of these, never a blank.

import { ApiError } from '../api';
import { h, replace } from './dom';

/** A spinner line with what is loading. */
export function showLoading(container: Element, what: string): void {
  replace(container, h('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`));
}

/** A message for a query that matched nothing. */
export function showEmpty(container: Element, message: string): void {
  replace(container, h('p', { class: 'state empty', role: 'status' }, message));
}

/** The error of a failed load, with what to do about it; `retry` re-runs the load. */
export function showError(container: Element, error: unknown, retry?: () => void): void {
  if (error instanceof ApiError && error.notComputed) {
    replace(
      container,
      h('div', { class: 'state not-computed', role: 'status' },
        h('strong', {}, 'Not computed yet. '),
        error.message,
        h('p', {}, 'Run ', h('code', {}, 'hci analyze'), ' and ', h('code', {}, 'hci train'),
          ' on the current dataset; the server picks the results up on reload.')),
    );
    return;
  }
  const message =
    error instanceof ApiError
      ? `The API answered ${error.status}: ${error.message}`
      : 'The API cannot be reached. Is hci serve running?';
  replace(
    container,
    h('div', { class: 'state error', role: 'alert' },
      h('strong', {}, 'Could not load this view. '), message,
      retry ? h('button', { type: 'button', onclick: retry }, 'Try again') : null),
  );
}

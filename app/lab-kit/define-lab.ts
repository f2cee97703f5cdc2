/**
 * One declaration per lab (as excalidraw's `register({ name, perform, keyTest })` declares an
 * action): where it lives, what it is called, its URL parameters, the factory of its store and its
 * component. `app/labs/index.ts` lists the labs; the shell, the navigation and URL sync read only
 * that list, so adding a lab is one folder and one line there (README, "How to add a lab").
 *
 * Each lab has a store of its own, made by its factory (xyflow gives every flow its own store the
 * same way): no lab reads another's state, and a test builds a fresh store for each case.
 *
 * Loading (issue 17): the list holds only each lab's route and names (`lazyLab`); its declaration
 * (`lab.ts`: params, store, the core it runs) and its view are two chunks fetched together when
 * the lab is first shown, so a page carries the shell and one lab's code. A page's `LabInstance`
 * exists from the start (the navigation, routes and URL sync need it) and becomes live — a store,
 * a reader and writer of its query — once its code is in (`load()`).
 */
import { loadCatalogPart } from '../../core/i18n/index.ts';
import { Suspense, createElement, lazy } from 'react';
import type { ComponentType, Provider } from 'react';
import type { MessageDescriptor } from 'react-intl';
import type { StoreApi } from 'zustand';
import { issueListOf } from './store.ts';
import type { Issue } from './issues.ts';
import { unknownParams } from './url.ts';
import { KIT_WORDS } from './words.ts';
import { LabLoading, setIntroValues } from './LabLoading.tsx';
import { EmbedControlsProvider } from './view.tsx';
import { ChallengeRoot } from './challenge/ChallengeRoot.tsx';
import type { LabChallenge } from './challenge/types.ts';
import { LabPrimerProvider } from './primer-context.ts';
import type { LabPrimer } from './primer-context.ts';

/** How a lab keeps its state in the URL. */
export interface LabParams<S> {
  /** Every parameter the lab's query may carry; any other is named in the banner. */
  keys: readonly string[];
  /** The canonical query of a state (no leading `?`). */
  write(s: S): string;
  /**
   * Load a query (never trusted: any text) into the store. `notes` are the kit's issues about the
   * query (unknown parameters), to be shown with the lab's own.
   */
  read(store: StoreApi<S>, query: string, notes: Issue[]): void;
  /** Whether a change of state touches what `write` serialises. */
  changed(s: S, prev: S): boolean;
}

export interface LabSpec<S> {
  /** The route: `#/<path>`. */
  path: string;
  /**
   * Its title and its name in the navigation, as catalog messages (app/labs/names.ts,
   * `lab.<path>.title`): the page's language; their English is the definition's plain `title`.
   */
  words: LabWords;
  /** What the student does there. */
  summary: string;
  /** The kernel files it models. */
  models: string;
  params: LabParams<S>;
  createStore: () => StoreApi<S>;
  /** The context the lab's components read their store from (createLabContext). */
  Provider: Provider<StoreApi<S> | null>;
  /**
   * The lab's component, imported dynamically (`() => import('./XLab.tsx').then((m) => m.XLab)`):
   * each lab is its own chunk, loaded when first shown, so a page carries one lab's code.
   */
  loadView: () => Promise<ComponentType>;
  /**
   * The inputs (URL keys) the compact embed view shows when `controls=` does not name any
   * (app/lab-kit/view.tsx), e.g. `['len', 'mtu']`.
   */
  embedControls?: readonly string[];
  /**
   * Challenge mode (issue 14, app/lab-kit/challenge): the lab's questions, asked of its current
   * result when the address has `challenge=1` — its `challenge.ts`, imported dynamically
   * (`() => import('./challenge.ts').then((m) => m.xChallenge)`): fetched, with its words, when
   * challenge mode is first turned on, not with the lab.
   */
  loadChallenge?: () => Promise<LabChallenge<S, object>>;
  /**
   * The primer (issue 14, app/lab-kit/primer.tsx): "What you are looking at" in plain words and
   * what to try first, shown by LabShell right after the title (the lab's `primer.ts`).
   */
  primer?: LabPrimer;
}

/** One lab with its own store, its code loaded: what URL sync reads and writes. */
export interface LiveLab {
  readonly lab: LabDefinition;
  /** The canonical query of the lab's current state. */
  write(): string;
  /** Load a query; unknown parameters and a reader that throws become issues, never exceptions. */
  read(query: string): void;
  /** Call `onChange` whenever what `write` serialises changes; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** The lab's component, given its store. */
  View: ComponentType;
  /** The store itself, untyped (tests and devtools look into it; the lab's components use its context). */
  store: StoreApi<unknown>;
}

export interface LabWords {
  title: MessageDescriptor;
  short: MessageDescriptor;
}

/** A lab's declaration (`defineLab`, in its `lab.ts`): in the lab's own chunk. */
export interface LabDefinition {
  readonly path: string;
  readonly words?: LabWords;
  readonly title: string;
  readonly short: string;
  readonly summary: string;
  readonly models: string;
  readonly keys: readonly string[];
  /** The inputs the compact embed view shows by default (LabSpec.embedControls). */
  readonly embedControls: readonly string[];
  /** A new instance: a fresh store, its URL reader and writer, its view. */
  instantiate(): LiveLab;
}

/** The English text of a name (`<code>sk_buff</code>` → `sk_buff`). */
const plainText = (d: MessageDescriptor) =>
  (typeof d.defaultMessage === 'string' ? d.defaultMessage : String(d.id)).replace(/<\/?code>/g, '');

/**
 * What stands in for a lab while its chunk loads: as tall as the viewport, so the footer is
 * already below the fold and nothing visible moves when the lab replaces it. In the page's
 * language (issue 15: it said "Loading the lab…" on a Chinese page).
 */

export function defineLab<S>(spec: LabSpec<S>): LabDefinition {
  // One lazy component per lab (not per instance): the chunk is fetched once.
  const Component = lazy(() => spec.loadView().then((C) => ({ default: C })));
  const lab: LabDefinition = {
    path: spec.path,
    title: plainText(spec.words.title),
    short: plainText(spec.words.short),
    words: spec.words,
    summary: spec.summary,
    models: spec.models,
    keys: spec.params.keys,
    embedControls: spec.embedControls ?? [],
    instantiate() {
      const store = spec.createStore();
      const primed = (child: ReturnType<typeof createElement>) =>
        spec.primer
          ? createElement(LabPrimerProvider, { value: { path: spec.path, primer: spec.primer } }, child)
          : child;
      const View = () =>
        createElement(
          spec.Provider,
          { value: store },
          primed(
            createElement(
              EmbedControlsProvider,
              { value: lab.embedControls },
              spec.loadChallenge
                ? createElement(ChallengeRoot, {
                    bound: {
                      path: spec.path,
                      store: store as StoreApi<unknown>,
                      load: spec.loadChallenge as () => Promise<LabChallenge<unknown, object>>,
                    },
                    children: createElement(
                      Suspense,
                      { fallback: createElement(LabLoading, { path: spec.path, words: spec.words }) },
                      createElement(Component),
                    ),
                  })
                : createElement(
                    Suspense,
                    { fallback: createElement(LabLoading, { path: spec.path, words: spec.words }) },
                    createElement(Component),
                  ),
            ),
          ),
        );
      View.displayName = `Lab(${spec.path})Root`;
      return {
        lab,
        write: () => spec.params.write(store.getState()),
        read(query) {
          const notes = unknownParams(query, spec.params.keys);
          try {
            spec.params.read(store, query, notes);
          } catch (e) {
            // A reader bug must not take the page down: keep the state, say what happened.
            const why = e instanceof Error ? e.message : String(e);
            const issues = [
              ...issueListOf(store.getState()),
              ...notes,
              { field: 'url', message: KIT_WORDS.urlFailed(why) },
            ];
            store.setState({ issues } as unknown as Partial<S>);
          }
        },
        subscribe: (onChange) =>
          store.subscribe((s, prev) => {
            if (spec.params.changed(s, prev)) onChange();
          }),
        View,
        store: store as StoreApi<unknown>,
      };
    },
  };
  return lab;
}

/** What the page knows of a lab before its code loads: its route, its names, how to load the rest. */
export interface Lab {
  readonly path: string;
  readonly words?: LabWords;
  /** `words` in English without markup, where no catalog is at hand. */
  readonly title: string;
  readonly short: string;
  /** The lab's declaration, its chunk fetched once (later calls share the promise). */
  load(): Promise<LabDefinition>;
  /** This page's instance of the lab: live once `load()` has run. */
  instantiate(): LabInstance;
}

/** A page's instance of a lab, from the start; its store and URL reader exist once it is loaded. */
export interface LabInstance {
  readonly lab: Lab;
  /** The lab with its store once its code is in; null before. */
  readonly live: LiveLab | null;
  /** Fetch the lab's code and make its store, once; resolves with the live lab. */
  load(): Promise<LiveLab>;
  /** The lab's component: a placeholder while its code loads, then the lab. */
  View: ComponentType;
}

export interface LazyLabSpec {
  path: string;
  /** The names (app/labs/names.ts): the navigation and titles need nothing else. */
  words: LabWords;
  /** The lab's `lab.ts`, imported dynamically: `() => import('./X/lab.ts').then((m) => m.xLab)`. */
  load: () => Promise<LabDefinition>;
  /**
   * Its view's chunk, the same import as its `loadView` (`() => import('./X/XLab.tsx')`), fetched
   * beside the declaration rather than after it (one round trip, not two).
   */
  prefetch?: () => Promise<unknown>;
  /**
   * The values of the lab's opening paragraph (`lab.<path>.intro.lede`) that its address decides,
   * for its loading view (LabLoading.tsx), from the address's query; the lab's own view says the same.
   */
  introValues?: (query: URLSearchParams) => Record<string, string>;
}


/** A lab in the page's list: names now, code when first shown. */
export function lazyLab(spec: LazyLabSpec): Lab {
  let loading: Promise<LabDefinition> | null = null;
  if (spec.introValues) setIntroValues(spec.path, spec.introValues);
  const lab: Lab = {
    path: spec.path,
    words: spec.words,
    title: plainText(spec.words.title),
    short: plainText(spec.words.short),
    load() {
      if (!loading) {
        // A failed fetch (offline, a new deploy) may be retried by showing the lab again.
        // Its own words first (in the page's language, issue 17): a module may render words
        // when it loads. Then its code and its view's chunk, together.
        loading = loadCatalogPart(`lab.${spec.path}`)
          .then(() => Promise.all([spec.load(), spec.prefetch?.()]))
          .then(
            ([def]) => def,
            (e: unknown) => {
              loading = null;
              throw e;
            },
          );
      }
      return loading;
    },
    instantiate() {
      let live: LiveLab | null = null;
      let making: Promise<LiveLab> | null = null;
      const load = () => {
        making ??= lab.load().then(
          (def) => (live ??= def.instantiate()),
          (e: unknown) => {
            making = null;
            throw e;
          },
        );
        return making;
      };
      const Loaded = lazy(() => load().then((l) => ({ default: l.View })));
      const View = () =>
        createElement(
          Suspense,
          {
            fallback: createElement(LabLoading, { path: spec.path, words: spec.words }),
          },
          createElement(Loaded),
        );
      View.displayName = `Lab(${spec.path})`;
      return {
        lab,
        get live() {
          return live;
        },
        load,
        View,
      };
    },
  };
  return lab;
}

/** What a form lab's state offers its URL: the fields, the step, and a way to load both. */
export interface FormLike<F> {
  fields: F;
  step: number | null;
  load: (fields: F, step: number | null, issues?: Issue[]) => void;
}

/** A form lab's URL: its parameters, how a query parses into fields and a step, and the canonical query. */
export function formParams<S extends FormLike<S['fields']>>(p: {
  keys: readonly string[];
  parse: (query: string) => { fields: S['fields']; step: number | null; issues: Issue[] };
  serialise: (fields: S['fields'], step: number | null) => string;
}): LabParams<S> {
  return {
    keys: p.keys,
    write: (s) => p.serialise(s.fields, s.step),
    read: (store, query, notes) => {
      const q = p.parse(query);
      store.getState().load(q.fields, q.step, [...q.issues, ...notes]);
    },
    changed: (s, prev) => s.fields !== prev.fields || s.step !== prev.step,
  };
}

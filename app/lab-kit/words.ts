/**
 * The words of the lab kit's shared components, in one place (each lab keeps its own words in its
 * folder). A component takes them as props with these as defaults, so a message catalog can
 * replace the table without touching the components.
 */
import { num } from '../format.ts';

export const KIT_WORDS = {
  previousStep: '← Previous step',
  nextStep: 'Next step →',
  stepOf: (i: number, n: number) => `Step ${num(i)} of ${num(n)}`,
  stepThrough: 'Step through the trace',
  kernelSteps: 'Kernel steps',
  sourceOf: (fn: string) => ` (source of ${fn} on elixir.bootlin.com)`,
  presets: 'Presets',
  inputs: 'Inputs',
  dismiss: 'Dismiss',
  bannerModel: 'The model stopped on this input; showing the last good result.',
  bannerStale: (n: number) =>
    `${n === 1 ? 'One input needs' : `${n} inputs need`} fixing — showing the last good result.`,
  bannerUrl: (n: number) =>
    `${n === 1 ? 'A URL parameter was' : `${n} URL parameters were`} not used — showing the last good state.`,
  unknownParam: 'is not a parameter of this lab; it was left out of the URL.',
  moreUnknown: (n: number) => `and ${num(n)} more parameters this lab does not have were left out.`,
  badStep: (text: string, fallback: string) =>
    `step=${text} is not a step number (they count from 1); showing ${fallback}.`,
  labLoading: 'Loading the lab…',
  urlFailed: (why: string) => `The URL could not be read (${why}); showing the last good state.`,
};

export type KitWords = typeof KIT_WORDS;

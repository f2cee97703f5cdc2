/** The site chrome's words (header, footer, the unknown-route page, the theme toggle), in the catalogs. */
import { defineMessages } from '../../core/i18n/index.ts';
import type { IntlShape, MessageDescriptor } from 'react-intl';
import { fmtNode } from './format.tsx';
import type { Lab } from '../lab-kit/define-lab.ts';

export const SHELL = defineMessages({
  skip: { id: 'app.shell.skip', defaultMessage: 'Skip to content', description: 'Skip link.' },
  home: {
    id: 'app.shell.home',
    defaultMessage: 'sockscope, home',
    description: 'Accessible name of the brand link.',
  },
  tagline: {
    id: 'app.shell.tagline',
    defaultMessage: 'What the Linux kernel does between <code>socket()</code> and the wire.',
    description: 'Under the site name.',
  },
  labs: {
    id: 'app.shell.labs',
    defaultMessage: 'Labs',
    description: 'Accessible name of the lab navigation.',
  },
  themeTitle: {
    id: 'app.shell.theme.title',
    defaultMessage: 'Toggle dark theme',
    description: 'Tooltip of the theme button.',
  },
  theme: {
    id: 'app.shell.theme',
    defaultMessage: 'Dark theme',
    description: 'The theme toggle (pressed = dark).',
  },
  footer: {
    id: 'app.shell.footer',
    defaultMessage:
      'Modelled on Linux v6.18 and checked against a real kernel, case by case. Source links go to {site}.',
    description: 'Footer; {site} is a link to elixir.bootlin.com.',
  },
  noLab: {
    id: 'app.shell.noLab',
    defaultMessage: 'No lab at “#/{path}”',
    description: 'Unknown route heading.',
  },
  titleHome: {
    id: 'app.shell.title.home',
    defaultMessage: 'sockscope — from <code>socket()</code> to the wire',
    description: "The browser tab's title on the home page.",
  },
  titlePage: {
    id: 'app.shell.title.page',
    defaultMessage: '{page} — {site}',
    description:
      "The browser tab's title on any other page; {page}: the lab's title (or the capture page's name); {site}: sockscope, never translated.",
  },
  titleCapture: {
    id: 'app.shell.title.capture',
    defaultMessage: 'Open a capture',
    description: "{page} in the tab's title on the capture page (#/capture), where a pcap file is read.",
  },
  tryLab: {
    id: 'app.shell.tryLab',
    defaultMessage: 'Try the {lab} lab.',
    description: 'Unknown route: {lab} is a link to the default lab, named by its title.',
  },
});

/** A lab's title in the page's language (its catalog message, else its English title). */
export function labTitle(intl: IntlShape, lab: Lab): string {
  return lab.words ? plain(intl, lab.words.title) : lab.title;
}

/** A name as plain text: `<code>` spans keep their text (a title attribute, a file's description). */
export function plain(intl: IntlShape, d: MessageDescriptor): string {
  const r = fmtNode(intl, d, { code: (chunks) => chunks.join('') });
  return Array.isArray(r) ? r.join('') : String(r);
}

/** A lab's name in the navigation, in the page's language. */
export function labShort(intl: IntlShape, lab: Lab): string {
  return lab.words ? plain(intl, lab.words.short) : lab.short;
}

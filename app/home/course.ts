/**
 * The labs as a course: the order the home page suggests and the question each lab answers. The
 * navigation keeps app/labs/index.ts's order (from socket() down to the wire and back); a course
 * takes Netlink last, as a topic of its own.
 */
import type { MessageDescriptor } from 'react-intl';
import { HOME } from './words.ts';

export interface CourseStop {
  /** The lab's route (app/labs/index.ts). */
  path: string;
  /** The question it answers, in a student's words. */
  question: MessageDescriptor;
}

export const COURSE: readonly CourseStop[] = [
  { path: 'socket', question: HOME.qSocket },
  { path: 'skb', question: HOME.qSkb },
  { path: 'fragment', question: HOME.qFragment },
  { path: 'reassemble', question: HOME.qReassemble },
  { path: 'journey', question: HOME.qJourney },
  { path: 'netlink', question: HOME.qNetlink },
];

/** The course's stops that name a lab of the page, in course order, each once; then any lab the course forgot. */
export function courseOrder<L extends { path: string }>(
  labs: readonly L[],
): { lab: L; stop: CourseStop | null }[] {
  const seen = new Set<string>();
  const out: { lab: L; stop: CourseStop | null }[] = [];
  for (const stop of COURSE) {
    const lab = labs.find((l) => l.path === stop.path);
    if (lab && !seen.has(lab.path)) {
      seen.add(lab.path);
      out.push({ lab, stop });
    }
  }
  for (const lab of labs) if (!seen.has(lab.path)) out.push({ lab, stop: null });
  return out;
}

/**
 * The home page (`#/`, issue 14): what sockscope shows and for whom, the six labs as a course with
 * the question each answers and a small live picture of its first case, the kernel version the
 * model is exact to, and the capture page. Its own chunk; each picture is a chunk of its own too.
 */
import { useIntl } from 'react-intl';
import { KERNEL_VERSION } from '../../core/trace/index.ts';
import { codeChunks, fmt, fmtNode } from '../i18n/format.tsx';
import { labTitle } from '../i18n/shell-words.ts';
import type { Lab } from '../lab-kit/define-lab.ts';
import { courseOrder } from './course.ts';
import { LivePicture } from './pictures/index.tsx';
import { HOME } from './words.ts';
import './home.css';

export function Home({ labs }: { labs: readonly Lab[] }) {
  const intl = useIntl();
  const code = { code: codeChunks };
  return (
    <div className="home">
      <section className="home-hero" aria-labelledby="home-title">
        <p className="eyebrow">{fmt(intl, HOME.eyebrow)}</p>
        <h1 id="home-title">{fmtNode(intl, HOME.title, code)}</h1>
        <p className="lede">{fmtNode(intl, HOME.lede, code)}</p>
        <p>{fmtNode(intl, HOME.forWhom, code)}</p>
        <p className="home-exact" data-kernel-version={KERNEL_VERSION}>
          {fmtNode(intl, HOME.exact, { ...code, version: KERNEL_VERSION })}
        </p>
      </section>
      <section className="home-course" aria-labelledby="home-path">
        <h2 id="home-path">{fmt(intl, HOME.pathTitle)}</h2>
        <p>{fmtNode(intl, HOME.pathIntro, code)}</p>
        <ol className="home-path">
          {courseOrder(labs).map(({ lab, stop }, i) => (
            <li key={lab.path} className="home-card" data-lab={lab.path}>
              <p className="home-step">{fmt(intl, HOME.step, { n: i + 1 })}</p>
              <h3>
                <a className="home-card-link" href={`#/${lab.path}`}>
                  {labTitle(intl, lab)}
                </a>
              </h3>
              {stop && <p className="home-q">{fmtNode(intl, stop.question, code)}</p>}
              <LivePicture path={lab.path} />
            </li>
          ))}
        </ol>
      </section>
      <section className="home-card home-capture" aria-labelledby="home-capture">
        <h2 id="home-capture">
          <a className="home-card-link" href="#/capture">
            {fmt(intl, HOME.captureTitle)}
          </a>
        </h2>
        <p>{fmtNode(intl, HOME.captureText, code)}</p>
      </section>
      <p className="home-teachers">{fmtNode(intl, HOME.teachers, code)}</p>
    </div>
  );
}

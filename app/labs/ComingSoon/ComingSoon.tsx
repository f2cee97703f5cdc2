import type { LabRoute } from '../../routes.ts';

export function ComingSoon({ lab }: { lab: LabRoute }) {
  return (
    <section className="coming-soon" aria-labelledby="lab-title">
      <p className="eyebrow">Coming soon</p>
      <h1 id="lab-title">{lab.title}</h1>
      <p className="lede">{lab.summary}</p>
      <p className="models">Models {lab.models.includes('/') ? <code>{lab.models}</code> : lab.models}</p>
      <p>
        Meanwhile, the <a href="#/fragment">Fragmentation lab</a> is ready: cut a datagram into fragments and
        step through the kernel that does it.
      </p>
    </section>
  );
}

// docusaurus.config.js — add the drop-in script to every page (once; Docusaurus puts it in <head>).
export default {
  // …your existing configuration…
  scripts: [{ src: 'https://YOUR-SITE/sockscope/embed.js', defer: true }],
};

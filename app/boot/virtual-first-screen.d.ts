/** The style sheet that shows the HTML's first screen the address names (vite/first-screen.ts). */
declare module 'virtual:sockscope-first-screen.css';

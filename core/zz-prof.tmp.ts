import { sendInput } from './fuzz/pipelines.ts';
import { inputSeed, mulberry32 } from './fuzz/random.ts';
import { ipSend } from './ip/index.ts';
const inp = sendInput(mulberry32(inputSeed(1, 95551)));
for (let i = 0; i < 3; i++) { const c0 = process.cpuUsage(); ipSend(inp); const c = process.cpuUsage(c0); console.log(((c.user + c.system) / 1000).toFixed(1)); }

export { ipSend } from '../ip/index.ts';
export { sendToWire } from '../ip/send-wire.ts';
export { sendInput, sendWireTraced, wireFragments, timeStats } from './fragment-timing.ts';

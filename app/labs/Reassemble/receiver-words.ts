/**
 * The placeholders of the Reassembly lab's receiver inputs (issue 12): the kernel's defaults, as
 * numbers the same in every language. Their labels and hints are catalog messages (words.ts).
 */
export const RECEIVER_PLACEHOLDERS = {
  maxDist: '64',
  rcvbuf: '212992',
};

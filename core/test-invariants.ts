/**
 * Vitest setup for both projects (and what the conformance runner and the fuzzer switch on
 * themselves): the core's own rules, checked as the tests run. A pipeline that changes an skb
 * while it hangs on a frag_list makes skbSnapshot throw (see checkChainedSkbs in core/skb/skb.ts),
 * so every test that reaches it fails, instead of a trace step silently showing an old snapshot.
 */
import { checkChainedSkbs } from './skb/skb.ts';

checkChainedSkbs(true);

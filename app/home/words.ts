/** The home page's words (ids `app.home.*`), in the catalogs. */
import { defineMessages } from '../../core/i18n/index.ts';

export const HOME = defineMessages({
  eyebrow: {
    id: 'app.home.eyebrow',
    defaultMessage: 'Start here',
    description: 'Small line above the home page title.',
  },
  title: {
    id: 'app.home.title',
    defaultMessage: 'What Linux does with your data, from <code>socket()</code> to the wire',
    description: 'The home page heading.',
  },
  lede: {
    id: 'app.home.lede',
    defaultMessage:
      'sockscope draws what the Linux kernel does when a program opens a socket and sends a datagram: the functions it calls, the buffer that carries the bytes, the packets it cuts for the wire and how the receiver puts them back together. Every number comes from a model checked against a real kernel, case by case.',
    description: 'Home page: what sockscope shows.',
  },
  forWhom: {
    id: 'app.home.forWhom',
    defaultMessage:
      'For students of networking and operating-system courses (no kernel knowledge needed: every lab starts in plain words), for teachers who put a lab into their course notes, and for engineers who want an exact answer.',
    description: 'Home page: who it is for.',
  },
  exact: {
    id: 'app.home.exact',
    defaultMessage:
      'Exact to Linux <code>{version}</code>; every kernel function links to its source at that version.',
    description: 'Home page: the kernel version the model follows; {version} is like v6.18.',
  },
  pathTitle: {
    id: 'app.home.path.title',
    defaultMessage: 'Six labs, one path',
    description: 'Heading of the list of labs in course order.',
  },
  pathIntro: {
    id: 'app.home.path.intro',
    defaultMessage:
      'A suggested order for a course, one lab a session: create a socket, look inside the buffer that carries the data, cut a datagram into packets, put them back together, then watch the whole journey. Netlink, the kernel talking to programs, stands on its own: take it last.',
    description: 'Home page: the suggested course order and why.',
  },
  step: {
    id: 'app.home.step',
    defaultMessage: 'Lab {n, number}',
    description: 'The number of a lab in the suggested course order.',
  },
  live: {
    id: 'app.home.live',
    defaultMessage: 'Live from the model, the lab’s first case:',
    description: 'Before the caption of a lab card’s small picture (computed now, not a screenshot).',
  },
  captureTitle: {
    id: 'app.home.capture.title',
    defaultMessage: 'Bring your own capture',
    description: 'Card linking to the capture page.',
  },
  captureText: {
    id: 'app.home.capture.text',
    defaultMessage:
      'Open a <code>.pcap</code> or <code>.pcapng</code> file from Wireshark or tcpdump: its IP fragments and netlink messages replay through the same model, in your browser; nothing is uploaded.',
    description: 'What the capture page does.',
  },
  teachers: {
    id: 'app.home.teachers',
    defaultMessage:
      'For teachers: every lab keeps its whole state in the address, so a link shows one exact case; add <code>embed=1</code> to put the lab in your notes.',
    description: 'Home page: how teachers share and embed a lab.',
  },
  nav: {
    id: 'app.home.nav',
    defaultMessage: 'Home',
    description: 'The home entry of the header navigation.',
  },
  // ---- the question each lab answers ----
  qSocket: {
    id: 'app.home.q.socket',
    defaultMessage:
      'What does <code>socket(AF_INET, SOCK_DGRAM, 0)</code> build, and why does it sometimes fail?',
    description: 'The question the Socket lab answers.',
  },
  qSkb: {
    id: 'app.home.q.skb',
    defaultMessage: 'Where in memory does the kernel put the headers it adds in front of my data?',
    description: 'The question the sk_buff lab answers.',
  },
  qFragment: {
    id: 'app.home.q.fragment',
    defaultMessage: 'Why does my 4,000-byte UDP send leave as three packets?',
    description: 'The question the Fragmentation lab answers.',
  },
  qReassemble: {
    id: 'app.home.q.reassemble',
    defaultMessage: 'What does the receiver do when fragments arrive out of order, twice, or never?',
    description: 'The question the Reassembly lab answers.',
  },
  qJourney: {
    id: 'app.home.q.journey',
    defaultMessage: 'What happens to my datagram between <code>sendto()</code> and <code>recvfrom()</code>?',
    description: 'The question the Journey lab answers.',
  },
  qNetlink: {
    id: 'app.home.q.netlink',
    defaultMessage: 'How does a program ask the kernel for its network interfaces, byte by byte?',
    description: 'The question the Netlink lab answers.',
  },
  // ---- what each small picture shows (numbers from the core) ----
  capSocket: {
    id: 'app.home.cap.socket',
    defaultMessage:
      'the new socket gets <code>{ops}</code> and <code>{prot}</code> after {n, number} kernel steps.',
    description: 'Socket card picture: the tables the created socket points at.',
  },
  capSocketFail: {
    id: 'app.home.cap.socketFail',
    defaultMessage: 'the call fails with <code>{errno}</code>.',
    description: 'Socket card picture when the default call fails.',
  },
  capSkb: {
    id: 'app.home.cap.skb',
    defaultMessage:
      '{len, number} bytes of headers and data, {headroom, number} bytes of headroom before them, {tailroom, number} bytes of tailroom after.',
    description: 'sk_buff card picture: the buffer after a UDP send’s headers are pushed.',
  },
  capFragment: {
    id: 'app.home.cap.fragment',
    defaultMessage:
      'a datagram of {len, number} bytes (its transport header included) at MTU {mtu} leaves as {n, plural, one {# packet} other {# packets}}; their data starts at offsets {offsets}.',
    description: 'Fragmentation card picture; {offsets} is a list of byte offsets.',
  },
  capReassemble: {
    id: 'app.home.cap.reassemble',
    defaultMessage:
      'fragments arrive in the order {order}; {delivered, plural, =0 {no datagram is delivered} one {the datagram is delivered} other {# datagrams are delivered}}.',
    description: 'Reassembly card picture; {order} lists fragment numbers in arrival order.',
  },
  capJourney: {
    id: 'app.home.cap.journey',
    defaultMessage:
      'on the wire: {n, plural, one {# packet} other {# packets}}, each with its Ethernet and IP header; only the first carries the UDP header.',
    description: 'Journey card picture: the packets of one datagram on the wire.',
  },
  capJourneyOne: {
    id: 'app.home.cap.journeyOne',
    defaultMessage: 'on the wire: one packet with its Ethernet, IP and UDP headers.',
    description: 'Journey card picture when the datagram is not fragmented.',
  },
  capNetlink: {
    id: 'app.home.cap.netlink',
    defaultMessage:
      '{n, plural, one {one message} other {# messages}} of {bytes, number} bytes: <code>nlmsghdr</code> first, then <code>{first}</code>.',
    description: 'Netlink card picture; {first} is the first message type, like RTM_GETLINK (code font).',
  },
});
